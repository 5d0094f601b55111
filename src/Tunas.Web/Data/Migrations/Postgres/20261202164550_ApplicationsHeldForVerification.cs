using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApplicationsHeldForVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_ProgramId_PersonId",
                table: "Applications");

            migrationBuilder.AddColumn<string>(
                name: "UnverifiedPhone",
                table: "Applications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ProgramId_PersonId",
                table: "Applications",
                columns: new[] { "ProgramId", "PersonId" },
                unique: true,
                filter: "\"Status\" <> 'Held'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_ProgramId_PersonId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "UnverifiedPhone",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ProgramId_PersonId",
                table: "Applications",
                columns: new[] { "ProgramId", "PersonId" },
                unique: true);
        }
    }
}
