using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchNameKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_PersonNameTokens",
                table: "PersonNameTokens");

            migrationBuilder.DropIndex(
                name: "IX_PersonNameTokens_PersonId",
                table: "PersonNameTokens");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "PersonNameTokens",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Registries stored before this migration: every token gets its person's name key.
            migrationBuilder.Sql("""
                UPDATE "PersonNameTokens" SET "NameKey" = (SELECT p."NameKey" FROM "Persons" AS p WHERE p."Id" = "PersonNameTokens"."PersonId")
                """);

            migrationBuilder.AddPrimaryKey(
                name: "PK_PersonNameTokens",
                table: "PersonNameTokens",
                columns: new[] { "AgencyId", "Token", "NameKey", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNameTokens_PersonId_AgencyId_Token",
                table: "PersonNameTokens",
                columns: new[] { "PersonId", "AgencyId", "Token" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_PersonNameTokens",
                table: "PersonNameTokens");

            migrationBuilder.DropIndex(
                name: "IX_PersonNameTokens_PersonId_AgencyId_Token",
                table: "PersonNameTokens");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "PersonNameTokens");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PersonNameTokens",
                table: "PersonNameTokens",
                columns: new[] { "AgencyId", "Token", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNameTokens_PersonId",
                table: "PersonNameTokens",
                column: "PersonId");
        }
    }
}
