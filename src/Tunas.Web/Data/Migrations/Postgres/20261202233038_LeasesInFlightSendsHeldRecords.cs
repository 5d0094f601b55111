using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LeasesInFlightSendsHeldRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_ProgramId_PersonId_AgencyId",
                table: "Applications");

            migrationBuilder.AddColumn<string>(
                name: "GatewayReference",
                table: "OutboxMessages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OpenedAt",
                table: "OutboxMessages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SendKey",
                table: "OutboxMessages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "ImportJobs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                table: "ImportJobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PausedBecause",
                table: "ImportJobs",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Pauses",
                table: "ImportJobs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "PendingPersons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ExistingPersonId = table.Column<long>(type: "bigint", nullable: false),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    ValuesJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EnteredById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Resolution = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ResolutionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ResolvedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingPersons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PendingPersons_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PendingPersons_Persons_ExistingPersonId",
                        column: x => x.ExistingPersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ProgramId_PersonId_AgencyId",
                table: "Applications",
                columns: new[] { "ProgramId", "PersonId", "AgencyId" },
                unique: true,
                filter: "\"Status\" NOT IN ('Held', 'Rejected')");

            migrationBuilder.CreateIndex(
                name: "IX_PendingPersons_AgencyId_ResolvedAt_VillageCode",
                table: "PendingPersons",
                columns: new[] { "AgencyId", "ResolvedAt", "VillageCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingPersons_ExistingPersonId",
                table: "PendingPersons",
                column: "ExistingPersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PendingPersons");

            migrationBuilder.DropIndex(
                name: "IX_Applications_ProgramId_PersonId_AgencyId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "GatewayReference",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "OpenedAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "SendKey",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "PausedBecause",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "Pauses",
                table: "ImportJobs");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ProgramId_PersonId_AgencyId",
                table: "Applications",
                columns: new[] { "ProgramId", "PersonId", "AgencyId" },
                unique: true,
                filter: "\"Status\" <> 'Held'");
        }
    }
}
