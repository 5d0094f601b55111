using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    FamilyCardNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HeadPersonId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Households_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImportJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    StoredPath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RegencyCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    ColumnMap = table.Column<string>(type: "TEXT", nullable: true),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    TotalRows = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    Inserted = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SuspectedDuplicates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonAId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonBId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DetectedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuspectedDuplicates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Persons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FamilyCardNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: true),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthPlace = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Rt = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Rw = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Education = table.Column<int>(type: "INTEGER", nullable: true),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EmploymentStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    MaritalStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    HouseholdRelation = table.Column<int>(type: "INTEGER", nullable: true),
                    Disability = table.Column<bool>(type: "INTEGER", nullable: false),
                    WelfareDecile = table.Column<int>(type: "INTEGER", nullable: true),
                    WelfareSource = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    WelfareAsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Origin = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportJobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Verified = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Persons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Persons_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Persons_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ImportRowErrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportJobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Arguments = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Advice = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRowErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRowErrors_ImportJobs_ImportJobId",
                        column: x => x.ImportJobId,
                        principalTable: "ImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonNameTokens",
                columns: table => new
                {
                    Token = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonNameTokens", x => new { x.AgencyId, x.Token, x.PersonId });
                    table.ForeignKey(
                        name: "FK_PersonNameTokens_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Households_AgencyId_FamilyCardNumber",
                table: "Households",
                columns: new[] { "AgencyId", "FamilyCardNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_AgencyId_CreatedAt",
                table: "ImportJobs",
                columns: new[] { "AgencyId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRowErrors_ImportJobId_RowNumber",
                table: "ImportRowErrors",
                columns: new[] { "ImportJobId", "RowNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNameTokens_PersonId",
                table: "PersonNameTokens",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_AgencyId_NameKey_BirthDate",
                table: "Persons",
                columns: new[] { "AgencyId", "NameKey", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_AgencyId_Nik",
                table: "Persons",
                columns: new[] { "AgencyId", "Nik" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Persons_AgencyId_VillageCode_NameKey",
                table: "Persons",
                columns: new[] { "AgencyId", "VillageCode", "NameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_AgencyId_WelfareDecile",
                table: "Persons",
                columns: new[] { "AgencyId", "WelfareDecile" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_HouseholdId",
                table: "Persons",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_ImportJobId",
                table: "Persons",
                column: "ImportJobId");

            migrationBuilder.CreateIndex(
                name: "IX_SuspectedDuplicates_AgencyId_Status",
                table: "SuspectedDuplicates",
                columns: new[] { "AgencyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SuspectedDuplicates_PersonAId_PersonBId",
                table: "SuspectedDuplicates",
                columns: new[] { "PersonAId", "PersonBId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SuspectedDuplicates_PersonBId",
                table: "SuspectedDuplicates",
                column: "PersonBId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportRowErrors");

            migrationBuilder.DropTable(
                name: "PersonNameTokens");

            migrationBuilder.DropTable(
                name: "SuspectedDuplicates");

            migrationBuilder.DropTable(
                name: "ImportJobs");

            migrationBuilder.DropTable(
                name: "Persons");

            migrationBuilder.DropTable(
                name: "Households");
        }
    }
}
