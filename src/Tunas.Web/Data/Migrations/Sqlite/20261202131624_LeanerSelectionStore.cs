using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeanerSelectionStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "InputsBlob",
                table: "SelectionRuns",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RulesJson",
                table: "SelectionRuns",
                type: "TEXT",
                nullable: true);

            // SQLite cannot make a column nullable in place. Instead of EF's rebuild (which turns foreign keys off
            // outside the transaction and warns at every first start), the table is rebuilt here, inside the
            // migration's transaction, with RuleStates added.
            migrationBuilder.Sql("""
                CREATE TABLE "SelectionDecisions_new" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_SelectionDecisions" PRIMARY KEY AUTOINCREMENT,
                    "ApplicationId" INTEGER NOT NULL,
                    "InputJson" TEXT NULL,
                    "Outcome" TEXT NOT NULL,
                    "Placement" TEXT NOT NULL,
                    "QuotaRegion" TEXT NOT NULL,
                    "Rank" INTEGER NULL,
                    "ReasonsJson" TEXT NOT NULL,
                    "RegistrationNumber" TEXT NOT NULL,
                    "RuleStates" TEXT NULL,
                    "RulesJson" TEXT NOT NULL,
                    "RunId" INTEGER NOT NULL,
                    "Score" INTEGER NOT NULL,
                    "ScoreJson" TEXT NOT NULL,
                    "Status" TEXT NOT NULL,
                    "StatusChangedAt" TEXT NULL,
                    "StatusNote" TEXT NULL,
                    "TrackId" INTEGER NULL,
                    "VillageCode" TEXT NOT NULL,
                    "WaitlistPosition" INTEGER NULL,
                    CONSTRAINT "FK_SelectionDecisions_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_SelectionDecisions_SelectionRuns_RunId" FOREIGN KEY ("RunId") REFERENCES "SelectionRuns" ("Id") ON DELETE CASCADE
                );
                INSERT INTO "SelectionDecisions_new" ("Id", "ApplicationId", "InputJson", "Outcome", "Placement", "QuotaRegion", "Rank",
                    "ReasonsJson", "RegistrationNumber", "RulesJson", "RunId", "Score", "ScoreJson", "Status", "StatusChangedAt",
                    "StatusNote", "TrackId", "VillageCode", "WaitlistPosition")
                SELECT "Id", "ApplicationId", "InputJson", "Outcome", "Placement", "QuotaRegion", "Rank",
                    "ReasonsJson", "RegistrationNumber", "RulesJson", "RunId", "Score", "ScoreJson", "Status", "StatusChangedAt",
                    "StatusNote", "TrackId", "VillageCode", "WaitlistPosition"
                FROM "SelectionDecisions";
                DROP TABLE "SelectionDecisions";
                ALTER TABLE "SelectionDecisions_new" RENAME TO "SelectionDecisions";
                CREATE INDEX "IX_SelectionDecisions_ApplicationId" ON "SelectionDecisions" ("ApplicationId");
                CREATE UNIQUE INDEX "IX_SelectionDecisions_RunId_ApplicationId" ON "SelectionDecisions" ("RunId", "ApplicationId");
                CREATE INDEX "IX_SelectionDecisions_RunId_QuotaRegion_TrackId_WaitlistPosition" ON "SelectionDecisions" ("RunId", "QuotaRegion", "TrackId", "WaitlistPosition");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InputsBlob",
                table: "SelectionRuns");

            migrationBuilder.DropColumn(
                name: "RulesJson",
                table: "SelectionRuns");

            migrationBuilder.DropColumn(
                name: "RuleStates",
                table: "SelectionDecisions");

            // Runs stored since keep their inputs in the run's blob; their decisions get an empty input back.
            migrationBuilder.Sql("UPDATE \"SelectionDecisions\" SET \"InputJson\" = '{}' WHERE \"InputJson\" IS NULL");

            migrationBuilder.AlterColumn<string>(
                name: "InputJson",
                table: "SelectionDecisions",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
