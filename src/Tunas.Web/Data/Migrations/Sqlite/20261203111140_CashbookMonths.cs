using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CashbookMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CashbookMonths",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sales = table.Column<long>(type: "INTEGER", nullable: false),
                    Expenses = table.Column<long>(type: "INTEGER", nullable: false),
                    Lines = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CashbookMonths", x => new { x.AgencyId, x.ParticipantId, x.Month });
                    table.ForeignKey(
                        name: "FK_CashbookMonths_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CashbookMonths_CohortParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "CohortParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_AgencyId_WelfareDecile_BirthDate_VillageCode",
                table: "Persons",
                columns: new[] { "AgencyId", "WelfareDecile", "BirthDate", "VillageCode" });

            migrationBuilder.CreateIndex(
                name: "IX_CashbookMonths_AgencyId_Month_ParticipantId",
                table: "CashbookMonths",
                columns: new[] { "AgencyId", "Month", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_CashbookMonths_ParticipantId",
                table: "CashbookMonths",
                column: "ParticipantId");

            // The months of the lines already stored (decision 0029); from here on CashbookMonthKeeper keeps them.
            migrationBuilder.Sql("""
                INSERT INTO "CashbookMonths" ("AgencyId", "ParticipantId", "Month", "Sales", "Expenses", "Lines") SELECT "AgencyId", "ParticipantId", date("OccurredOn", 'start of month'), SUM(CASE WHEN "Kind" = 'Sale' THEN "Amount" ELSE 0 END), SUM(CASE WHEN "Kind" = 'Expense' THEN "Amount" ELSE 0 END), COUNT(*) FROM "CashbookEntries" WHERE NOT "Deleted" AND "Kind" <> 'DebtPayment' GROUP BY "AgencyId", "ParticipantId", date("OccurredOn", 'start of month')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CashbookMonths");

            migrationBuilder.DropIndex(
                name: "IX_Persons_AgencyId_WelfareDecile_BirthDate_VillageCode",
                table: "Persons");
        }
    }
}
