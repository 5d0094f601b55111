using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchVillageIndexCarriesId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_AgencyId_VillageCode_NameKey",
                table: "Persons");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_AgencyId_VillageCode_NameKey",
                table: "Persons",
                columns: new[] { "AgencyId", "VillageCode", "NameKey" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_AgencyId_VillageCode_NameKey",
                table: "Persons");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_AgencyId_VillageCode_NameKey",
                table: "Persons",
                columns: new[] { "AgencyId", "VillageCode", "NameKey" });
        }
    }
}
