using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsBlazor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StagePassagesOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadEvents_StageId_At_LeadId",
                table: "LeadEvents");

            migrationBuilder.CreateIndex(
                name: "IX_LeadEvents_StageId_At_LeadId",
                table: "LeadEvents",
                columns: new[] { "StageId", "At", "LeadId" },
                filter: "\"StageId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadEvents_StageId_At_LeadId",
                table: "LeadEvents");

            migrationBuilder.CreateIndex(
                name: "IX_LeadEvents_StageId_At_LeadId",
                table: "LeadEvents",
                columns: new[] { "StageId", "At", "LeadId" });
        }
    }
}
