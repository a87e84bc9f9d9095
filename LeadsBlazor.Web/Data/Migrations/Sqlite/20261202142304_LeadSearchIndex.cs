using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsBlazor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeadSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {


            // The lead search's index (LeadSearch in Data/LeadSearch.cs): one FTS5 row per lead, its rowid the lead's id, holding
            // the lead's, its customer's and its contact's name folded as the search folds (leads_fold, which the app registers on
            // every connection). Trigram tokens make a quoted phrase match any substring, as LIKE '%…%' did. Triggers keep it in
            // step with leads, companies and people; a later migration that rebuilds one of these tables must create its
            // triggers again (SearchTestsOnSqlite checks they exist).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "LeadSearch" USING fts5("Name", "Customer", "Contact", tokenize = 'trigram case_sensitive 1');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "LeadSearch" (rowid, "Name", "Customer", "Contact")
                SELECT l."Id", leads_fold(l."Name"), leads_fold(c."Name"), leads_fold(p."Name")
                FROM "Leads" AS l
                LEFT JOIN "Companies" AS c ON c."Id" = l."CompanyId"
                LEFT JOIN "People" AS p ON p."Id" = l."ContactPersonId";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LeadSearch_LeadAdded" AFTER INSERT ON "Leads"
                BEGIN
                    INSERT INTO "LeadSearch" (rowid, "Name", "Customer", "Contact")
                    VALUES (new."Id", leads_fold(new."Name"),
                        (SELECT leads_fold("Name") FROM "Companies" WHERE "Id" = new."CompanyId"),
                        (SELECT leads_fold("Name") FROM "People" WHERE "Id" = new."ContactPersonId"));
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LeadSearch_LeadChanged" AFTER UPDATE OF "Name", "CompanyId", "ContactPersonId" ON "Leads"
                WHEN old."Name" IS NOT new."Name" OR old."CompanyId" IS NOT new."CompanyId" OR old."ContactPersonId" IS NOT new."ContactPersonId"
                BEGIN
                    UPDATE "LeadSearch" SET "Name" = leads_fold(new."Name"),
                        "Customer" = (SELECT leads_fold("Name") FROM "Companies" WHERE "Id" = new."CompanyId"),
                        "Contact" = (SELECT leads_fold("Name") FROM "People" WHERE "Id" = new."ContactPersonId")
                    WHERE rowid = new."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LeadSearch_LeadDeleted" AFTER DELETE ON "Leads"
                BEGIN
                    DELETE FROM "LeadSearch" WHERE rowid = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LeadSearch_CompanyRenamed" AFTER UPDATE OF "Name" ON "Companies"
                WHEN old."Name" IS NOT new."Name"
                BEGIN
                    UPDATE "LeadSearch" SET "Customer" = leads_fold(new."Name")
                    WHERE rowid IN (SELECT "Id" FROM "Leads" WHERE "CompanyId" = new."Id");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LeadSearch_ContactRenamed" AFTER UPDATE OF "Name" ON "People"
                WHEN old."Name" IS NOT new."Name"
                BEGIN
                    UPDATE "LeadSearch" SET "Contact" = leads_fold(new."Name")
                    WHERE rowid IN (SELECT "Id" FROM "Leads" WHERE "ContactPersonId" = new."Id");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "LeadSearch_ContactRenamed";
                DROP TRIGGER "LeadSearch_CompanyRenamed";
                DROP TRIGGER "LeadSearch_LeadDeleted";
                DROP TRIGGER "LeadSearch_LeadChanged";
                DROP TRIGGER "LeadSearch_LeadAdded";
                DROP TABLE "LeadSearch";
                """);


        }
    }
}
