using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsBlazor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeadFactChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The change log of what a searched board reads of each lead (LeadFacts in Features/Board/LeadFacts.cs): one row per
            // lead added, deleted, or changed in its status, stage, revenue, next action or responsible user, written by triggers
            // in the change's own transaction. The app holds those facts in memory and applies the rows past the last one it saw
            // before each read; AUTOINCREMENT keeps the numbers rising without gaps, so a gap means rows were pruned unseen and
            // the facts are read again. A later migration that rebuilds Leads must create the triggers again (LeadFactsTests
            // checks they exist).
            migrationBuilder.Sql("""
                CREATE TABLE "LeadFactChanges" (
                    "Seq" INTEGER NOT NULL CONSTRAINT "PK_LeadFactChanges" PRIMARY KEY AUTOINCREMENT,
                    "LeadId" INTEGER NOT NULL
                );
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LeadFactChanges_LeadAdded" AFTER INSERT ON "Leads"
                BEGIN
                    INSERT INTO "LeadFactChanges" ("LeadId") VALUES (new."Id");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LeadFactChanges_LeadChanged" AFTER UPDATE OF "Status", "StageId", "RevenueCurrency", "RevenueMinor", "NextActionOn", "ResponsibleUserId" ON "Leads"
                WHEN old."Status" IS NOT new."Status" OR old."StageId" IS NOT new."StageId" OR old."RevenueCurrency" IS NOT new."RevenueCurrency"
                    OR old."RevenueMinor" IS NOT new."RevenueMinor" OR old."NextActionOn" IS NOT new."NextActionOn" OR old."ResponsibleUserId" IS NOT new."ResponsibleUserId"
                BEGIN
                    INSERT INTO "LeadFactChanges" ("LeadId") VALUES (new."Id");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LeadFactChanges_LeadDeleted" AFTER DELETE ON "Leads"
                BEGIN
                    INSERT INTO "LeadFactChanges" ("LeadId") VALUES (old."Id");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "LeadFactChanges_LeadDeleted";
                DROP TRIGGER "LeadFactChanges_LeadChanged";
                DROP TRIGGER "LeadFactChanges_LeadAdded";
                DROP TABLE "LeadFactChanges";
                """);
        }
    }
}
