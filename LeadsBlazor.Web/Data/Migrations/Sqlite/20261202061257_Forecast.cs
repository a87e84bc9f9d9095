using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsBlazor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Forecast : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "IdleDays",
                table: "Stages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastChangedAt",
                table: "Leads",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "StageId",
                table: "LeadEvents",
                type: "INTEGER",
                nullable: true);

            // Existing leads: their last change is their newest history event (Rule 5); stage passages name the stage by the
            // name it had, which is matched to today's stages (a renamed or deleted stage's old passages stay without id, Rule 15).
            // The history is append-only, so its guard steps aside for this one fill of the new column, inside the migration's transaction.
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql("UPDATE Leads SET LastChangedAt = COALESCE((SELECT MAX(e.At) FROM LeadEvents e WHERE e.LeadId = Leads.Id), CreatedAt);");
                migrationBuilder.Sql("DROP TRIGGER LeadEvents_AppendOnly_NoUpdate;");
                migrationBuilder.Sql("UPDATE LeadEvents SET StageId = (SELECT s.Id FROM Stages s WHERE s.Name = LeadEvents.NewValue) WHERE Kind = 3 AND NewValue IS NOT NULL;");
                migrationBuilder.Sql("CREATE TRIGGER LeadEvents_AppendOnly_NoUpdate BEFORE UPDATE ON LeadEvents BEGIN SELECT RAISE(ABORT, 'The history of a lead is append-only.'); END;");
            }

            migrationBuilder.CreateTable(
                name: "PipelineSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CurrencyCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    TotalWeightedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Stages = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PipelineSnapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Status_StageId_LastChangedAt",
                table: "Leads",
                columns: new[] { "Status", "StageId", "LastChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadEvents_StageId_At_LeadId",
                table: "LeadEvents",
                columns: new[] { "StageId", "At", "LeadId" });

            migrationBuilder.CreateIndex(
                name: "IX_PipelineSnapshots_Day",
                table: "PipelineSnapshots",
                column: "Day",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PipelineSnapshots");

            migrationBuilder.DropIndex(
                name: "IX_Leads_Status_StageId_LastChangedAt",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_LeadEvents_StageId_At_LeadId",
                table: "LeadEvents");

            migrationBuilder.DropColumn(
                name: "IdleDays",
                table: "Stages");

            migrationBuilder.DropColumn(
                name: "LastChangedAt",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "StageId",
                table: "LeadEvents");
        }
    }
}
