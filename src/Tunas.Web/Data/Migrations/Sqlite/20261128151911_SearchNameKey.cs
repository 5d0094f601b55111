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
            // SQLite cannot change a primary key in place. Instead of EF's rebuild (which turns foreign keys off
            // outside the transaction), the new table is made, filled with every token and its person's name key,
            // and put in the old one's place, all inside the migration's transaction.
            migrationBuilder.CreateTable(
                name: "PersonNameTokensWithKeys",
                columns: table => new
                {
                    Token = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonNameTokens", x => new { x.AgencyId, x.Token, x.NameKey, x.PersonId });
                    table.ForeignKey(
                        name: "FK_PersonNameTokens_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql("""
                INSERT INTO "PersonNameTokensWithKeys" ("Token", "PersonId", "AgencyId", "NameKey")
                SELECT t."Token", t."PersonId", t."AgencyId", p."NameKey"
                FROM "PersonNameTokens" AS t JOIN "Persons" AS p ON p."Id" = t."PersonId"
                """);

            migrationBuilder.DropTable(name: "PersonNameTokens");

            migrationBuilder.RenameTable(name: "PersonNameTokensWithKeys", newName: "PersonNameTokens");

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
