using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tunas.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Group = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MonthsAfter = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FacilitatorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BusinessId = table.Column<long>(type: "bigint", nullable: true),
                    Channel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    VisitedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    BusinessActive = table.Column<bool>(type: "boolean", nullable: true),
                    MonthlyRevenue = table.Column<long>(type: "bigint", nullable: true),
                    MonthlyProfit = table.Column<long>(type: "bigint", nullable: true),
                    Workers = table.Column<int>(type: "integer", nullable: true),
                    HouseholdMonthlyIncome = table.Column<long>(type: "bigint", nullable: true),
                    Needs = table.Column<int>(type: "integer", nullable: false),
                    Problems = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PhotoFile = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUps_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUps_AspNetUsers_FacilitatorId",
                        column: x => x.FacilitatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FollowUps_AspNetUsers_VisitedById",
                        column: x => x.VisitedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUps_Businesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "Businesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FollowUps_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUps_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_AgencyId_ApplicationId",
                table: "FollowUps",
                columns: new[] { "AgencyId", "ApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_AgencyId_BusinessId",
                table: "FollowUps",
                columns: new[] { "AgencyId", "BusinessId" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_AgencyId_FacilitatorId_Status_DueOn",
                table: "FollowUps",
                columns: new[] { "AgencyId", "FacilitatorId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_AgencyId_ProgramId_PersonId_MonthsAfter",
                table: "FollowUps",
                columns: new[] { "AgencyId", "ProgramId", "PersonId", "MonthsAfter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_AgencyId_Status_DueOn",
                table: "FollowUps",
                columns: new[] { "AgencyId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_ApplicationId",
                table: "FollowUps",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_BusinessId",
                table: "FollowUps",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_FacilitatorId",
                table: "FollowUps",
                column: "FacilitatorId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_PersonId",
                table: "FollowUps",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_ProgramId",
                table: "FollowUps",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_VisitedById",
                table: "FollowUps",
                column: "VisitedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUps");
        }
    }
}
