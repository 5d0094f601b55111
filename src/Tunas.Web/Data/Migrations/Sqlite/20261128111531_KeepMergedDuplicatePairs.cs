using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeepMergedDuplicatePairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SuspectedDuplicates_Persons_PersonAId",
                table: "SuspectedDuplicates");

            migrationBuilder.DropForeignKey(
                name: "FK_SuspectedDuplicates_Persons_PersonBId",
                table: "SuspectedDuplicates");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "FK_SuspectedDuplicates_Persons_PersonAId",
                table: "SuspectedDuplicates",
                column: "PersonAId",
                principalTable: "Persons",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_SuspectedDuplicates_Persons_PersonBId",
                table: "SuspectedDuplicates",
                column: "PersonBId",
                principalTable: "Persons",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
