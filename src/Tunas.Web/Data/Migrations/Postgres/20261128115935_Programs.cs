using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tunas.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Programs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    DedupeKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: true),
                    ProgramId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Programs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Budget = table.Column<long>(type: "bigint", nullable: false),
                    TargetSize = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RegistrationOpens = table.Column<DateOnly>(type: "date", nullable: false),
                    RegistrationCloses = table.Column<DateOnly>(type: "date", nullable: false),
                    SelectionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicationOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AppealOpens = table.Column<DateOnly>(type: "date", nullable: true),
                    AppealCloses = table.Column<DateOnly>(type: "date", nullable: true),
                    TrainingStarts = table.Column<DateOnly>(type: "date", nullable: true),
                    TrainingEnds = table.Column<DateOnly>(type: "date", nullable: true),
                    MinAge = table.Column<int>(type: "integer", nullable: true),
                    MaxAge = table.Column<int>(type: "integer", nullable: true),
                    AgeReferenceDate = table.Column<DateOnly>(type: "date", nullable: true),
                    MaxDesil = table.Column<int>(type: "integer", nullable: true),
                    DomicileRegencyCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    MaxPerHousehold = table.Column<int>(type: "integer", nullable: true),
                    ExcludeTrainedWithinYears = table.Column<int>(type: "integer", nullable: true),
                    YouthWeight = table.Column<int>(type: "integer", nullable: false),
                    WomenWeight = table.Column<int>(type: "integer", nullable: false),
                    SpillOver = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WaitlistLength = table.Column<int>(type: "integer", nullable: true),
                    NameDisplay = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Programs_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Providers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    VillageCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Providers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Providers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelectionRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RunAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RunById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RunByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SettingsJson = table.Column<string>(type: "text", nullable: false),
                    QuotasJson = table.Column<string>(type: "text", nullable: false),
                    InputsHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Applicants = table.Column<int>(type: "integer", nullable: false),
                    Selected = table.Column<int>(type: "integer", nullable: false),
                    Waitlisted = table.Column<int>(type: "integer", nullable: false),
                    NotSelected = table.Column<int>(type: "integer", nullable: false),
                    Ineligible = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionRuns_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Tracks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    WomenOnly = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tracks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tracks_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Applications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    RegistrationNumber = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FirstTrackId = table.Column<int>(type: "integer", nullable: false),
                    SecondTrackId = table.Column<int>(type: "integer", nullable: true),
                    VillageCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Motivation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Consent = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentPurpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ConsentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EnteredById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ChecksJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Applications_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Applications_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Applications_Tracks_FirstTrackId",
                        column: x => x.FirstTrackId,
                        principalTable: "Tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Applications_Tracks_SecondTrackId",
                        column: x => x.SecondTrackId,
                        principalTable: "Tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgramQuotas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    TrackId = table.Column<int>(type: "integer", nullable: true),
                    Size = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramQuotas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramQuotas_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgramQuotas_Tracks_TrackId",
                        column: x => x.TrackId,
                        principalTable: "Tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrackModules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrackId = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Hours = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrackModules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrackModules_Tracks_TrackId",
                        column: x => x.TrackId,
                        principalTable: "Tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrackProviders",
                columns: table => new
                {
                    TrackId = table.Column<int>(type: "integer", nullable: false),
                    ProviderId = table.Column<int>(type: "integer", nullable: false),
                    Seats = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrackProviders", x => new { x.TrackId, x.ProviderId });
                    table.ForeignKey(
                        name: "FK_TrackProviders_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrackProviders_Tracks_TrackId",
                        column: x => x.TrackId,
                        principalTable: "Tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Appeals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LodgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    NewStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appeals_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appeals_SelectionRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "SelectionRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelectionDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    RegistrationNumber = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    QuotaRegion = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    TrackId = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Placement = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    WaitlistPosition = table.Column<int>(type: "integer", nullable: true),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    ScoreJson = table.Column<string>(type: "text", nullable: false),
                    RulesJson = table.Column<string>(type: "text", nullable: false),
                    ReasonsJson = table.Column<string>(type: "text", nullable: false),
                    InputJson = table.Column<string>(type: "text", nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StatusNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionDecisions_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelectionDecisions_SelectionRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "SelectionRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_ApplicationId",
                table: "Appeals",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_RunId_Status",
                table: "Appeals",
                columns: new[] { "RunId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_FirstTrackId",
                table: "Applications",
                column: "FirstTrackId");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_PersonId",
                table: "Applications",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ProgramId_PersonId",
                table: "Applications",
                columns: new[] { "ProgramId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ProgramId_VillageCode",
                table: "Applications",
                columns: new[] { "ProgramId", "VillageCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_RegistrationNumber",
                table: "Applications",
                column: "RegistrationNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_SecondTrackId",
                table: "Applications",
                column: "SecondTrackId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_AgencyId_ProgramId_Status",
                table: "OutboxMessages",
                columns: new[] { "AgencyId", "ProgramId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DedupeKey",
                table: "OutboxMessages",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_Channel_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "Channel", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramQuotas_ProgramId_RegionCode_TrackId",
                table: "ProgramQuotas",
                columns: new[] { "ProgramId", "RegionCode", "TrackId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramQuotas_TrackId",
                table: "ProgramQuotas",
                column: "TrackId");

            migrationBuilder.CreateIndex(
                name: "IX_Programs_AgencyId_Year",
                table: "Programs",
                columns: new[] { "AgencyId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Providers_AgencyId_Name",
                table: "Providers",
                columns: new[] { "AgencyId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionDecisions_ApplicationId",
                table: "SelectionDecisions",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionDecisions_RunId_ApplicationId",
                table: "SelectionDecisions",
                columns: new[] { "RunId", "ApplicationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionDecisions_RunId_QuotaRegion_TrackId_WaitlistPositi~",
                table: "SelectionDecisions",
                columns: new[] { "RunId", "QuotaRegion", "TrackId", "WaitlistPosition" });

            migrationBuilder.CreateIndex(
                name: "IX_SelectionRuns_ProgramId_Number",
                table: "SelectionRuns",
                columns: new[] { "ProgramId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrackModules_TrackId_SortOrder",
                table: "TrackModules",
                columns: new[] { "TrackId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_TrackProviders_ProviderId",
                table: "TrackProviders",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_Tracks_ProgramId_Name",
                table: "Tracks",
                columns: new[] { "ProgramId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appeals");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "ProgramQuotas");

            migrationBuilder.DropTable(
                name: "SelectionDecisions");

            migrationBuilder.DropTable(
                name: "TrackModules");

            migrationBuilder.DropTable(
                name: "TrackProviders");

            migrationBuilder.DropTable(
                name: "Applications");

            migrationBuilder.DropTable(
                name: "SelectionRuns");

            migrationBuilder.DropTable(
                name: "Providers");

            migrationBuilder.DropTable(
                name: "Tracks");

            migrationBuilder.DropTable(
                name: "Programs");
        }
    }
}
