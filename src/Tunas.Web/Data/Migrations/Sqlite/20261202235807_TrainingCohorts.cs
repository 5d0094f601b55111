using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrainingCohorts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cohorts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    TrackId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProviderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    WhatToBring = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cohorts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cohorts_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cohorts_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cohorts_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cohorts_Tracks_TrackId",
                        column: x => x.TrackId,
                        principalTable: "Tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CohortParticipants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlacedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DroppedOutOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DropOutReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CohortParticipants_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CohortParticipants_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CohortParticipants_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CohortSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Hours = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CohortSessions_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CohortSessions_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CohortTrainers",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortTrainers", x => new { x.AgencyId, x.CohortId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CohortTrainers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CohortTrainers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CohortTrainers_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MarkedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttendanceMarks_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AttendanceMarks_CohortParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "CohortParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AttendanceMarks_CohortSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CohortSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceMarks_AgencyId_ClientId",
                table: "AttendanceMarks",
                columns: new[] { "AgencyId", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceMarks_AgencyId_SessionId",
                table: "AttendanceMarks",
                columns: new[] { "AgencyId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceMarks_ParticipantId",
                table: "AttendanceMarks",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceMarks_SessionId",
                table: "AttendanceMarks",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_CohortParticipants_AgencyId_ApplicationId",
                table: "CohortParticipants",
                columns: new[] { "AgencyId", "ApplicationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CohortParticipants_AgencyId_CohortId",
                table: "CohortParticipants",
                columns: new[] { "AgencyId", "CohortId" });

            migrationBuilder.CreateIndex(
                name: "IX_CohortParticipants_ApplicationId",
                table: "CohortParticipants",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_CohortParticipants_CohortId",
                table: "CohortParticipants",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_Cohorts_AgencyId_ProgramId_Name",
                table: "Cohorts",
                columns: new[] { "AgencyId", "ProgramId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cohorts_AgencyId_ProviderId",
                table: "Cohorts",
                columns: new[] { "AgencyId", "ProviderId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cohorts_ProgramId",
                table: "Cohorts",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_Cohorts_ProviderId",
                table: "Cohorts",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_Cohorts_TrackId",
                table: "Cohorts",
                column: "TrackId");

            migrationBuilder.CreateIndex(
                name: "IX_CohortSessions_AgencyId_CohortId_Date",
                table: "CohortSessions",
                columns: new[] { "AgencyId", "CohortId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CohortSessions_CohortId",
                table: "CohortSessions",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_CohortTrainers_CohortId",
                table: "CohortTrainers",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_CohortTrainers_UserId",
                table: "CohortTrainers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttendanceMarks");

            migrationBuilder.DropTable(
                name: "CohortTrainers");

            migrationBuilder.DropTable(
                name: "CohortParticipants");

            migrationBuilder.DropTable(
                name: "CohortSessions");

            migrationBuilder.DropTable(
                name: "Cohorts");
        }
    }
}
