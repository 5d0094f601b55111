using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ParticipantAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UserId",
                table: "CohortParticipants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CohortParticipants_AgencyId_UserId",
                table: "CohortParticipants",
                columns: new[] { "AgencyId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_CohortParticipants_UserId",
                table: "CohortParticipants",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_CohortParticipants_AspNetUsers_UserId",
                table: "CohortParticipants",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CohortParticipants_AspNetUsers_UserId",
                table: "CohortParticipants");

            migrationBuilder.DropIndex(
                name: "IX_CohortParticipants_AgencyId_UserId",
                table: "CohortParticipants");

            migrationBuilder.DropIndex(
                name: "IX_CohortParticipants_UserId",
                table: "CohortParticipants");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "CohortParticipants");
        }
    }
}
