using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tunas.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TrainingDeliveryAndBusinesses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CompletionAttendancePercent",
                table: "Programs",
                type: "integer",
                nullable: false,
                defaultValue: 80);

            migrationBuilder.AddColumn<bool>(
                name: "CompletionRequiresPractical",
                table: "Programs",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<long>(
                name: "TransportPerDay",
                table: "Programs",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AllowancePayments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    CohortId = table.Column<int>(type: "integer", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllowancePayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AllowancePayments_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AllowancePayments_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AllowancePayments_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BusinessCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BusinessCategories_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CashbookEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<long>(type: "bigint", nullable: false),
                    ClientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Item = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Quantity = table.Column<int>(type: "integer", nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Customer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Paid = table.Column<bool>(type: "boolean", nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    ClientUpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CashbookEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CashbookEntries_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CashbookEntries_CohortParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "CohortParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CashbookSharing",
                columns: table => new
                {
                    ParticipantId = table.Column<long>(type: "bigint", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ShareMonthlyTotals = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CashbookSharing", x => new { x.AgencyId, x.ParticipantId });
                    table.ForeignKey(
                        name: "FK_CashbookSharing_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CashbookSharing_CohortParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "CohortParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    CohortId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VerificationCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HolderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TrackName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProviderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<int>(type: "integer", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RevokeReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_CohortParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "CohortParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KitHandovers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    CohortId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<long>(type: "bigint", nullable: false),
                    HandedOverOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HandedOverById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    HandedOverByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProofKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProofFile = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VoidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VoidReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KitHandovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KitHandovers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KitHandovers_CohortParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "CohortParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KitHandovers_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KitHandovers_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KitStockItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    UnitValue = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KitStockItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KitStockItems_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KitStockItems_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KitTemplateItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    TrackId = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    UnitValue = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KitTemplateItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KitTemplateItems_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KitTemplateItems_Tracks_TrackId",
                        column: x => x.TrackId,
                        principalTable: "Tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipantAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    CohortId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<long>(type: "bigint", nullable: false),
                    PreTest = table.Column<int>(type: "integer", nullable: true),
                    PostTest = table.Column<int>(type: "integer", nullable: true),
                    Practical = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RubricNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Product = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Price = table.Column<long>(type: "bigint", nullable: true),
                    UnitCost = table.Column<long>(type: "bigint", nullable: true),
                    Customers = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CapitalNeeded = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipantAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipantAssessments_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ParticipantAssessments_CohortParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "CohortParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ParticipantAssessments_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingRatings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    CohortId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<long>(type: "bigint", nullable: false),
                    TrainingScore = table.Column<int>(type: "integer", nullable: false),
                    TrainerScore = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingRatings_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingRatings_CohortParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "CohortParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingRatings_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Businesses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    VillageCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ClosedReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    WhatsApp = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CatalogueConsent = table.Column<bool>(type: "boolean", nullable: false),
                    CatalogueConsentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FacilitatorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Businesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Businesses_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Businesses_AspNetUsers_FacilitatorId",
                        column: x => x.FacilitatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Businesses_BusinessCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "BusinessCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KitHandoverItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    HandoverId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    UnitValue = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KitHandoverItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KitHandoverItems_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KitHandoverItems_KitHandovers_HandoverId",
                        column: x => x.HandoverId,
                        principalTable: "KitHandovers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BusinessOwners",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    BusinessId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessOwners", x => new { x.AgencyId, x.BusinessId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_BusinessOwners_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BusinessOwners_Businesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "Businesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BusinessOwners_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BusinessPermits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    BusinessId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    BlockedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DocumentFile = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DocumentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DocumentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessPermits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BusinessPermits_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BusinessPermits_Businesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "Businesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BusinessPhotos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    BusinessId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BusinessPhotos_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BusinessPhotos_Businesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "Businesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BusinessWorkers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    BusinessId = table.Column<long>(type: "bigint", nullable: false),
                    FullName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    NikConsentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HoursPerWeek = table.Column<int>(type: "integer", nullable: false),
                    PayBand = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessWorkers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BusinessWorkers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BusinessWorkers_Businesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "Businesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AllowancePayments_AgencyId_CohortId",
                table: "AllowancePayments",
                columns: new[] { "AgencyId", "CohortId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AllowancePayments_AgencyId_ProgramId",
                table: "AllowancePayments",
                columns: new[] { "AgencyId", "ProgramId" });

            migrationBuilder.CreateIndex(
                name: "IX_AllowancePayments_CohortId",
                table: "AllowancePayments",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_AllowancePayments_ProgramId",
                table: "AllowancePayments",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessCategories_AgencyId_Name",
                table: "BusinessCategories",
                columns: new[] { "AgencyId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Businesses_AgencyId_CategoryId",
                table: "Businesses",
                columns: new[] { "AgencyId", "CategoryId" });

            migrationBuilder.CreateIndex(
                name: "IX_Businesses_AgencyId_FacilitatorId",
                table: "Businesses",
                columns: new[] { "AgencyId", "FacilitatorId" });

            migrationBuilder.CreateIndex(
                name: "IX_Businesses_AgencyId_VillageCode",
                table: "Businesses",
                columns: new[] { "AgencyId", "VillageCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Businesses_CategoryId",
                table: "Businesses",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Businesses_FacilitatorId",
                table: "Businesses",
                column: "FacilitatorId");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessOwners_AgencyId_PersonId",
                table: "BusinessOwners",
                columns: new[] { "AgencyId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessOwners_BusinessId",
                table: "BusinessOwners",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessOwners_PersonId",
                table: "BusinessOwners",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessPermits_AgencyId_BusinessId_Kind",
                table: "BusinessPermits",
                columns: new[] { "AgencyId", "BusinessId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BusinessPermits_BusinessId",
                table: "BusinessPermits",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessPhotos_AgencyId_BusinessId",
                table: "BusinessPhotos",
                columns: new[] { "AgencyId", "BusinessId" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessPhotos_BusinessId",
                table: "BusinessPhotos",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessWorkers_AgencyId_BusinessId",
                table: "BusinessWorkers",
                columns: new[] { "AgencyId", "BusinessId" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessWorkers_AgencyId_Nik",
                table: "BusinessWorkers",
                columns: new[] { "AgencyId", "Nik" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessWorkers_BusinessId",
                table: "BusinessWorkers",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_CashbookEntries_AgencyId_ParticipantId_ClientId",
                table: "CashbookEntries",
                columns: new[] { "AgencyId", "ParticipantId", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CashbookEntries_AgencyId_ParticipantId_OccurredOn",
                table: "CashbookEntries",
                columns: new[] { "AgencyId", "ParticipantId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CashbookEntries_ParticipantId",
                table: "CashbookEntries",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_CashbookSharing_ParticipantId",
                table: "CashbookSharing",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_AgencyId_CohortId",
                table: "Certificates",
                columns: new[] { "AgencyId", "CohortId" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_AgencyId_ParticipantId",
                table: "Certificates",
                columns: new[] { "AgencyId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_AgencyId_ProgramId_Sequence",
                table: "Certificates",
                columns: new[] { "AgencyId", "ProgramId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_AgencyId_VerificationCode",
                table: "Certificates",
                columns: new[] { "AgencyId", "VerificationCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CohortId",
                table: "Certificates",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ParticipantId",
                table: "Certificates",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ProgramId",
                table: "Certificates",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_VerificationCode",
                table: "Certificates",
                column: "VerificationCode");

            migrationBuilder.CreateIndex(
                name: "IX_KitHandoverItems_AgencyId_HandoverId",
                table: "KitHandoverItems",
                columns: new[] { "AgencyId", "HandoverId" });

            migrationBuilder.CreateIndex(
                name: "IX_KitHandoverItems_HandoverId",
                table: "KitHandoverItems",
                column: "HandoverId");

            migrationBuilder.CreateIndex(
                name: "IX_KitHandovers_AgencyId_CohortId",
                table: "KitHandovers",
                columns: new[] { "AgencyId", "CohortId" });

            migrationBuilder.CreateIndex(
                name: "IX_KitHandovers_AgencyId_ParticipantId",
                table: "KitHandovers",
                columns: new[] { "AgencyId", "ParticipantId" },
                unique: true,
                filter: "\"VoidedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_KitHandovers_AgencyId_ProgramId",
                table: "KitHandovers",
                columns: new[] { "AgencyId", "ProgramId" });

            migrationBuilder.CreateIndex(
                name: "IX_KitHandovers_CohortId",
                table: "KitHandovers",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_KitHandovers_ParticipantId",
                table: "KitHandovers",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_KitHandovers_ProgramId",
                table: "KitHandovers",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_KitStockItems_AgencyId_ProgramId",
                table: "KitStockItems",
                columns: new[] { "AgencyId", "ProgramId" });

            migrationBuilder.CreateIndex(
                name: "IX_KitStockItems_ProgramId",
                table: "KitStockItems",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_KitTemplateItems_AgencyId_TrackId",
                table: "KitTemplateItems",
                columns: new[] { "AgencyId", "TrackId" });

            migrationBuilder.CreateIndex(
                name: "IX_KitTemplateItems_TrackId",
                table: "KitTemplateItems",
                column: "TrackId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantAssessments_AgencyId_CohortId",
                table: "ParticipantAssessments",
                columns: new[] { "AgencyId", "CohortId" });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantAssessments_AgencyId_ParticipantId",
                table: "ParticipantAssessments",
                columns: new[] { "AgencyId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantAssessments_CohortId",
                table: "ParticipantAssessments",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantAssessments_ParticipantId",
                table: "ParticipantAssessments",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRatings_AgencyId_CohortId",
                table: "TrainingRatings",
                columns: new[] { "AgencyId", "CohortId" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRatings_AgencyId_ParticipantId",
                table: "TrainingRatings",
                columns: new[] { "AgencyId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRatings_CohortId",
                table: "TrainingRatings",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRatings_ParticipantId",
                table: "TrainingRatings",
                column: "ParticipantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AllowancePayments");

            migrationBuilder.DropTable(
                name: "BusinessOwners");

            migrationBuilder.DropTable(
                name: "BusinessPermits");

            migrationBuilder.DropTable(
                name: "BusinessPhotos");

            migrationBuilder.DropTable(
                name: "BusinessWorkers");

            migrationBuilder.DropTable(
                name: "CashbookEntries");

            migrationBuilder.DropTable(
                name: "CashbookSharing");

            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "KitHandoverItems");

            migrationBuilder.DropTable(
                name: "KitStockItems");

            migrationBuilder.DropTable(
                name: "KitTemplateItems");

            migrationBuilder.DropTable(
                name: "ParticipantAssessments");

            migrationBuilder.DropTable(
                name: "TrainingRatings");

            migrationBuilder.DropTable(
                name: "Businesses");

            migrationBuilder.DropTable(
                name: "KitHandovers");

            migrationBuilder.DropTable(
                name: "BusinessCategories");

            migrationBuilder.DropColumn(
                name: "CompletionAttendancePercent",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "CompletionRequiresPractical",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "TransportPerDay",
                table: "Programs");
        }
    }
}
