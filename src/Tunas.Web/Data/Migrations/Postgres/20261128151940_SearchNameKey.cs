using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "Token",
                table: "PersonNameTokens",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "PersonNameTokens",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "",
                collation: "C");

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

            migrationBuilder.AlterColumn<string>(
                name: "Token",
                table: "PersonNameTokens",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60,
                oldCollation: "C");

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
