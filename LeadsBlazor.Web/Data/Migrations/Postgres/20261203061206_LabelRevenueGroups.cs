using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsBlazor.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LabelRevenueGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The running volume of each label (LabelRevenueGroup in Data/LabelRevenueGroup.cs): per label, stage, currency and
            // amount, how many running leads carry it. Triggers keep it in step with leads and their labels in the same
            // transaction. A deleted lead takes its labels out before it goes (BEFORE DELETE); the cascade that then removes its
            // LeadLabels rows finds no lead and takes nothing out twice. The functions keep the search_path they were created
            // with, so a trigger finds the tables under any session's path.
            migrationBuilder.Sql("""
                CREATE TABLE "LabelRevenueGroups" (
                    "LabelId" integer NOT NULL,
                    "StageId" integer NOT NULL,
                    "Currency" character varying(3) NOT NULL,
                    "Cents" bigint NOT NULL,
                    "Count" integer NOT NULL,
                    CONSTRAINT "PK_LabelRevenueGroups" PRIMARY KEY ("LabelId", "StageId", "Currency", "Cents")
                );
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
                CREATE FUNCTION leads_label_revenue_label_changed() RETURNS trigger
                LANGUAGE plpgsql SET search_path FROM CURRENT
                AS $body$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO "LabelRevenueGroups" AS g ("LabelId", "StageId", "Currency", "Cents", "Count")
                        SELECT NEW."LabelsId", l."StageId", l."RevenueCurrency", l."RevenueMinor", 1
                        FROM "Leads" AS l
                        WHERE l."Id" = NEW."LeadId" AND l."Status" = 1 AND l."StageId" IS NOT NULL
                        ON CONFLICT ("LabelId", "StageId", "Currency", "Cents") DO UPDATE SET "Count" = g."Count" + 1;
                        RETURN NEW;
                    END IF;
                    UPDATE "LabelRevenueGroups" AS g SET "Count" = g."Count" - 1
                    FROM "Leads" AS l
                    WHERE l."Id" = OLD."LeadId" AND l."Status" = 1
                        AND g."LabelId" = OLD."LabelsId" AND g."StageId" = l."StageId" AND g."Currency" = l."RevenueCurrency" AND g."Cents" = l."RevenueMinor";
                    RETURN OLD;
                END
                $body$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION leads_label_revenue_lead_changed() RETURNS trigger
                LANGUAGE plpgsql SET search_path FROM CURRENT
                AS $body$
                BEGIN
                    IF OLD."Status" = 1 AND OLD."StageId" IS NOT NULL THEN
                        UPDATE "LabelRevenueGroups" AS g SET "Count" = g."Count" - 1
                        WHERE g."StageId" = OLD."StageId" AND g."Currency" = OLD."RevenueCurrency" AND g."Cents" = OLD."RevenueMinor"
                            AND g."LabelId" IN (SELECT ll."LabelsId" FROM "LeadLabels" AS ll WHERE ll."LeadId" = OLD."Id");
                    END IF;
                    IF TG_OP = 'DELETE' THEN
                        RETURN OLD;
                    END IF;
                    IF NEW."Status" = 1 AND NEW."StageId" IS NOT NULL THEN
                        INSERT INTO "LabelRevenueGroups" AS g ("LabelId", "StageId", "Currency", "Cents", "Count")
                        SELECT ll."LabelsId", NEW."StageId", NEW."RevenueCurrency", NEW."RevenueMinor", 1
                        FROM "LeadLabels" AS ll
                        WHERE ll."LeadId" = NEW."Id"
                        ON CONFLICT ("LabelId", "StageId", "Currency", "Cents") DO UPDATE SET "Count" = g."Count" + 1;
                    END IF;
                    RETURN NEW;
                END
                $body$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LabelRevenueGroups_LabelChanged" AFTER INSERT OR DELETE ON "LeadLabels"
                FOR EACH ROW EXECUTE FUNCTION leads_label_revenue_label_changed();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LabelRevenueGroups_LeadChanged" AFTER UPDATE OF "Status", "StageId", "RevenueCurrency", "RevenueMinor" ON "Leads"
                FOR EACH ROW
                WHEN (OLD."Status" IS DISTINCT FROM NEW."Status" OR OLD."StageId" IS DISTINCT FROM NEW."StageId"
                    OR OLD."RevenueCurrency" IS DISTINCT FROM NEW."RevenueCurrency" OR OLD."RevenueMinor" IS DISTINCT FROM NEW."RevenueMinor")
                EXECUTE FUNCTION leads_label_revenue_lead_changed();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LabelRevenueGroups_LeadDeleted" BEFORE DELETE ON "Leads"
                FOR EACH ROW EXECUTE FUNCTION leads_label_revenue_lead_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "LabelRevenueGroups_LeadDeleted" ON "Leads";
                DROP TRIGGER "LabelRevenueGroups_LeadChanged" ON "Leads";
                DROP TRIGGER "LabelRevenueGroups_LabelChanged" ON "LeadLabels";
                DROP FUNCTION leads_label_revenue_lead_changed();
                DROP FUNCTION leads_label_revenue_label_changed();
                DROP TABLE "LabelRevenueGroups";
                """);
        }
    }
}
