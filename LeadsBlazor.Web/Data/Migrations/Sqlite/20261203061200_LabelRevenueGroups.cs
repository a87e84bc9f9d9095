using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsBlazor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LabelRevenueGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The running volume of each label (LabelRevenueGroup in Data/LabelRevenueGroup.cs): per label, stage, currency and
            // amount, how many running leads carry it. Triggers keep it in step with leads and their labels in the same
            // transaction; a later migration that rebuilds Leads or LeadLabels must create them again (LabelRevenueGroupTests
            // checks the totals against the leads). A deleted lead takes its labels out before it goes (BEFORE DELETE); the
            // cascade that then removes its LeadLabels rows finds no lead and takes nothing out twice.
            migrationBuilder.Sql("""
                CREATE TABLE "LabelRevenueGroups" (
                    "LabelId" INTEGER NOT NULL,
                    "StageId" INTEGER NOT NULL,
                    "Currency" TEXT NOT NULL,
                    "Cents" INTEGER NOT NULL,
                    "Count" INTEGER NOT NULL,
                    CONSTRAINT "PK_LabelRevenueGroups" PRIMARY KEY ("LabelId", "StageId", "Currency", "Cents")
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "LabelRevenueGroups" ("LabelId", "StageId", "Currency", "Cents", "Count")
                SELECT ll."LabelsId", l."StageId", l."RevenueCurrency", l."RevenueMinor", COUNT(*)
                FROM "LeadLabels" AS ll
                JOIN "Leads" AS l ON l."Id" = ll."LeadId"
                WHERE l."Status" = 1 AND l."StageId" IS NOT NULL
                GROUP BY ll."LabelsId", l."StageId", l."RevenueCurrency", l."RevenueMinor";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LabelRevenueGroups_LabelAdded" AFTER INSERT ON "LeadLabels"
                BEGIN
                    INSERT INTO "LabelRevenueGroups" ("LabelId", "StageId", "Currency", "Cents", "Count")
                    SELECT new."LabelsId", l."StageId", l."RevenueCurrency", l."RevenueMinor", 1
                    FROM "Leads" AS l
                    WHERE l."Id" = new."LeadId" AND l."Status" = 1 AND l."StageId" IS NOT NULL
                    ON CONFLICT ("LabelId", "StageId", "Currency", "Cents") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LabelRevenueGroups_LabelRemoved" AFTER DELETE ON "LeadLabels"
                BEGIN
                    UPDATE "LabelRevenueGroups" SET "Count" = "Count" - 1
                    WHERE "LabelId" = old."LabelsId"
                        AND ("StageId", "Currency", "Cents") = (SELECT "StageId", "RevenueCurrency", "RevenueMinor" FROM "Leads" WHERE "Id" = old."LeadId" AND "Status" = 1);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LabelRevenueGroups_LeadChanged" AFTER UPDATE OF "Status", "StageId", "RevenueCurrency", "RevenueMinor" ON "Leads"
                WHEN old."Status" IS NOT new."Status" OR old."StageId" IS NOT new."StageId"
                    OR old."RevenueCurrency" IS NOT new."RevenueCurrency" OR old."RevenueMinor" IS NOT new."RevenueMinor"
                BEGIN
                    UPDATE "LabelRevenueGroups" SET "Count" = "Count" - 1
                    WHERE old."Status" = 1 AND "StageId" = old."StageId" AND "Currency" = old."RevenueCurrency" AND "Cents" = old."RevenueMinor"
                        AND "LabelId" IN (SELECT "LabelsId" FROM "LeadLabels" WHERE "LeadId" = old."Id");
                    INSERT INTO "LabelRevenueGroups" ("LabelId", "StageId", "Currency", "Cents", "Count")
                    SELECT ll."LabelsId", new."StageId", new."RevenueCurrency", new."RevenueMinor", 1
                    FROM "LeadLabels" AS ll
                    WHERE ll."LeadId" = new."Id" AND new."Status" = 1 AND new."StageId" IS NOT NULL
                    ON CONFLICT ("LabelId", "StageId", "Currency", "Cents") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LabelRevenueGroups_LeadDeleted" BEFORE DELETE ON "Leads"
                WHEN old."Status" = 1
                BEGIN
                    UPDATE "LabelRevenueGroups" SET "Count" = "Count" - 1
                    WHERE "StageId" = old."StageId" AND "Currency" = old."RevenueCurrency" AND "Cents" = old."RevenueMinor"
                        AND "LabelId" IN (SELECT "LabelsId" FROM "LeadLabels" WHERE "LeadId" = old."Id");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "LabelRevenueGroups_LeadDeleted";
                DROP TRIGGER "LabelRevenueGroups_LeadChanged";
                DROP TRIGGER "LabelRevenueGroups_LabelRemoved";
                DROP TRIGGER "LabelRevenueGroups_LabelAdded";
                DROP TABLE "LabelRevenueGroups";
                """);
        }
    }
}
