using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgencyKeyOnEveryRow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tracks_ProgramId_Name",
                table: "Tracks");

            migrationBuilder.DropPrimaryKey(
                name: "PK_TrackProviders",
                table: "TrackProviders");

            migrationBuilder.DropIndex(
                name: "IX_SuspectedDuplicates_PersonAId_PersonBId",
                table: "SuspectedDuplicates");

            migrationBuilder.DropIndex(
                name: "IX_SelectionRuns_ProgramId_Number",
                table: "SelectionRuns");

            migrationBuilder.DropIndex(
                name: "IX_SelectionDecisions_RunId_ApplicationId",
                table: "SelectionDecisions");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_DedupeKey",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Applications_ProgramId_PersonId",
                table: "Applications");

            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "Tracks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "TrackProviders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "TrackModules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "SelectionRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "SelectionDecisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "ProgramQuotas",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "ImportRowErrors",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "Appeals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Each row takes its parent's agency, parents first (a module's track is filled before the module).
            migrationBuilder.Sql("""UPDATE "Tracks" SET "AgencyId" = (SELECT p."AgencyId" FROM "Programs" AS p WHERE p."Id" = "Tracks"."ProgramId");""");
            migrationBuilder.Sql("""UPDATE "TrackModules" SET "AgencyId" = (SELECT p."AgencyId" FROM "Tracks" AS p WHERE p."Id" = "TrackModules"."TrackId");""");
            migrationBuilder.Sql("""UPDATE "TrackProviders" SET "AgencyId" = (SELECT p."AgencyId" FROM "Tracks" AS p WHERE p."Id" = "TrackProviders"."TrackId");""");
            migrationBuilder.Sql("""UPDATE "ProgramQuotas" SET "AgencyId" = (SELECT p."AgencyId" FROM "Programs" AS p WHERE p."Id" = "ProgramQuotas"."ProgramId");""");
            migrationBuilder.Sql("""UPDATE "Applications" SET "AgencyId" = (SELECT p."AgencyId" FROM "Programs" AS p WHERE p."Id" = "Applications"."ProgramId");""");
            migrationBuilder.Sql("""UPDATE "SelectionRuns" SET "AgencyId" = (SELECT p."AgencyId" FROM "Programs" AS p WHERE p."Id" = "SelectionRuns"."ProgramId");""");
            migrationBuilder.Sql("""UPDATE "SelectionDecisions" SET "AgencyId" = (SELECT p."AgencyId" FROM "SelectionRuns" AS p WHERE p."Id" = "SelectionDecisions"."RunId");""");
            migrationBuilder.Sql("""UPDATE "Appeals" SET "AgencyId" = (SELECT p."AgencyId" FROM "Applications" AS p WHERE p."Id" = "Appeals"."ApplicationId");""");
            migrationBuilder.Sql("""UPDATE "ImportRowErrors" SET "AgencyId" = (SELECT p."AgencyId" FROM "ImportJobs" AS p WHERE p."Id" = "ImportRowErrors"."ImportJobId");""");


            migrationBuilder.AddPrimaryKey(
                name: "PK_TrackProviders",
                table: "TrackProviders",
                columns: new[] { "AgencyId", "TrackId", "ProviderId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tracks_AgencyId_ProgramId",
                table: "Tracks",
                columns: new[] { "AgencyId", "ProgramId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tracks_ProgramId_Name_AgencyId",
                table: "Tracks",
                columns: new[] { "ProgramId", "Name", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrackProviders_TrackId",
                table: "TrackProviders",
                column: "TrackId");

            migrationBuilder.CreateIndex(
                name: "IX_TrackModules_AgencyId_TrackId",
                table: "TrackModules",
                columns: new[] { "AgencyId", "TrackId" });

            migrationBuilder.CreateIndex(
                name: "IX_SuspectedDuplicates_PersonAId_PersonBId_AgencyId",
                table: "SuspectedDuplicates",
                columns: new[] { "PersonAId", "PersonBId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionRuns_AgencyId_ProgramId",
                table: "SelectionRuns",
                columns: new[] { "AgencyId", "ProgramId" });

            migrationBuilder.CreateIndex(
                name: "IX_SelectionRuns_ProgramId_Number_AgencyId",
                table: "SelectionRuns",
                columns: new[] { "ProgramId", "Number", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionDecisions_AgencyId_RunId",
                table: "SelectionDecisions",
                columns: new[] { "AgencyId", "RunId" });

            migrationBuilder.CreateIndex(
                name: "IX_SelectionDecisions_RunId_ApplicationId_AgencyId",
                table: "SelectionDecisions",
                columns: new[] { "RunId", "ApplicationId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgramQuotas_AgencyId_ProgramId",
                table: "ProgramQuotas",
                columns: new[] { "AgencyId", "ProgramId" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DedupeKey_AgencyId",
                table: "OutboxMessages",
                columns: new[] { "DedupeKey", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportRowErrors_AgencyId_ImportJobId",
                table: "ImportRowErrors",
                columns: new[] { "AgencyId", "ImportJobId" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_AgencyId_ProgramId_Status",
                table: "Applications",
                columns: new[] { "AgencyId", "ProgramId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ProgramId_PersonId_AgencyId",
                table: "Applications",
                columns: new[] { "ProgramId", "PersonId", "AgencyId" },
                unique: true,
                filter: "\"Status\" <> 'Held'");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_AgencyId_RunId",
                table: "Appeals",
                columns: new[] { "AgencyId", "RunId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Appeals_Agencies_AgencyId",
                table: "Appeals",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Applications_Agencies_AgencyId",
                table: "Applications",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ImportJobs_Agencies_AgencyId",
                table: "ImportJobs",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ImportRowErrors_Agencies_AgencyId",
                table: "ImportRowErrors",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PersonNameTokens_Agencies_AgencyId",
                table: "PersonNameTokens",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ProgramQuotas_Agencies_AgencyId",
                table: "ProgramQuotas",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SelectionDecisions_Agencies_AgencyId",
                table: "SelectionDecisions",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SelectionRuns_Agencies_AgencyId",
                table: "SelectionRuns",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SuspectedDuplicates_Agencies_AgencyId",
                table: "SuspectedDuplicates",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TrackModules_Agencies_AgencyId",
                table: "TrackModules",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TrackProviders_Agencies_AgencyId",
                table: "TrackProviders",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Tracks_Agencies_AgencyId",
                table: "Tracks",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Appeals_Agencies_AgencyId",
                table: "Appeals");

            migrationBuilder.DropForeignKey(
                name: "FK_Applications_Agencies_AgencyId",
                table: "Applications");

            migrationBuilder.DropForeignKey(
                name: "FK_ImportJobs_Agencies_AgencyId",
                table: "ImportJobs");

            migrationBuilder.DropForeignKey(
                name: "FK_ImportRowErrors_Agencies_AgencyId",
                table: "ImportRowErrors");

            migrationBuilder.DropForeignKey(
                name: "FK_PersonNameTokens_Agencies_AgencyId",
                table: "PersonNameTokens");

            migrationBuilder.DropForeignKey(
                name: "FK_ProgramQuotas_Agencies_AgencyId",
                table: "ProgramQuotas");

            migrationBuilder.DropForeignKey(
                name: "FK_SelectionDecisions_Agencies_AgencyId",
                table: "SelectionDecisions");

            migrationBuilder.DropForeignKey(
                name: "FK_SelectionRuns_Agencies_AgencyId",
                table: "SelectionRuns");

            migrationBuilder.DropForeignKey(
                name: "FK_SuspectedDuplicates_Agencies_AgencyId",
                table: "SuspectedDuplicates");

            migrationBuilder.DropForeignKey(
                name: "FK_TrackModules_Agencies_AgencyId",
                table: "TrackModules");

            migrationBuilder.DropForeignKey(
                name: "FK_TrackProviders_Agencies_AgencyId",
                table: "TrackProviders");

            migrationBuilder.DropForeignKey(
                name: "FK_Tracks_Agencies_AgencyId",
                table: "Tracks");

            migrationBuilder.DropIndex(
                name: "IX_Tracks_AgencyId_ProgramId",
                table: "Tracks");

            migrationBuilder.DropIndex(
                name: "IX_Tracks_ProgramId_Name_AgencyId",
                table: "Tracks");

            migrationBuilder.DropPrimaryKey(
                name: "PK_TrackProviders",
                table: "TrackProviders");

            migrationBuilder.DropIndex(
                name: "IX_TrackProviders_TrackId",
                table: "TrackProviders");

            migrationBuilder.DropIndex(
                name: "IX_TrackModules_AgencyId_TrackId",
                table: "TrackModules");

            migrationBuilder.DropIndex(
                name: "IX_SuspectedDuplicates_PersonAId_PersonBId_AgencyId",
                table: "SuspectedDuplicates");

            migrationBuilder.DropIndex(
                name: "IX_SelectionRuns_AgencyId_ProgramId",
                table: "SelectionRuns");

            migrationBuilder.DropIndex(
                name: "IX_SelectionRuns_ProgramId_Number_AgencyId",
                table: "SelectionRuns");

            migrationBuilder.DropIndex(
                name: "IX_SelectionDecisions_AgencyId_RunId",
                table: "SelectionDecisions");

            migrationBuilder.DropIndex(
                name: "IX_SelectionDecisions_RunId_ApplicationId_AgencyId",
                table: "SelectionDecisions");

            migrationBuilder.DropIndex(
                name: "IX_ProgramQuotas_AgencyId_ProgramId",
                table: "ProgramQuotas");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_DedupeKey_AgencyId",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_ImportRowErrors_AgencyId_ImportJobId",
                table: "ImportRowErrors");

            migrationBuilder.DropIndex(
                name: "IX_Applications_AgencyId_ProgramId_Status",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_ProgramId_PersonId_AgencyId",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Appeals_AgencyId_RunId",
                table: "Appeals");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "Tracks");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "TrackProviders");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "TrackModules");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "SelectionRuns");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "SelectionDecisions");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "ProgramQuotas");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "ImportRowErrors");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "Appeals");

            migrationBuilder.AddPrimaryKey(
                name: "PK_TrackProviders",
                table: "TrackProviders",
                columns: new[] { "TrackId", "ProviderId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tracks_ProgramId_Name",
                table: "Tracks",
                columns: new[] { "ProgramId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SuspectedDuplicates_PersonAId_PersonBId",
                table: "SuspectedDuplicates",
                columns: new[] { "PersonAId", "PersonBId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionRuns_ProgramId_Number",
                table: "SelectionRuns",
                columns: new[] { "ProgramId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionDecisions_RunId_ApplicationId",
                table: "SelectionDecisions",
                columns: new[] { "RunId", "ApplicationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DedupeKey",
                table: "OutboxMessages",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ProgramId_PersonId",
                table: "Applications",
                columns: new[] { "ProgramId", "PersonId" },
                unique: true,
                filter: "\"Status\" <> 'Held'");
        }
    }
}
