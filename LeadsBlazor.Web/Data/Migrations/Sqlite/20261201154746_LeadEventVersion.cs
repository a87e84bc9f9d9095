using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsBlazor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeadEventVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeadVersion",
                table: "LeadEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_LeadEvents_LeadId_LeadVersion",
                table: "LeadEvents",
                columns: new[] { "LeadId", "LeadVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadEvents_LeadId_LeadVersion",
                table: "LeadEvents");

            migrationBuilder.DropColumn(
                name: "LeadVersion",
                table: "LeadEvents");
        }
    }
}
