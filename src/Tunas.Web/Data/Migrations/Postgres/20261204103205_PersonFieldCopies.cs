using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PersonFieldCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PersonBirthDate",
                table: "FollowUps",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<bool>(
                name: "PersonDisability",
                table: "FollowUps",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PersonSex",
                table: "FollowUps",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PersonWelfareDecile",
                table: "FollowUps",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PersonBirthDate",
                table: "CohortParticipants",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<bool>(
                name: "PersonDisability",
                table: "CohortParticipants",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PersonSex",
                table: "CohortParticipants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PersonWelfareDecile",
                table: "CohortParticipants",
                type: "integer",
                nullable: true);

            // The copies of the rows already stored (decision 0034); from here on PersonFieldKeeper keeps them.
            migrationBuilder.Sql("""
                UPDATE "FollowUps" AS f SET "PersonSex" = p."Sex", "PersonBirthDate" = p."BirthDate", "PersonDisability" = p."Disability", "PersonWelfareDecile" = p."WelfareDecile" FROM "Persons" AS p WHERE p."Id" = f."PersonId"
                """);
            migrationBuilder.Sql("""
                UPDATE "CohortParticipants" AS c SET "PersonSex" = p."Sex", "PersonBirthDate" = p."BirthDate", "PersonDisability" = p."Disability", "PersonWelfareDecile" = p."WelfareDecile" FROM "Applications" AS a JOIN "Persons" AS p ON p."Id" = a."PersonId" WHERE a."Id" = c."ApplicationId"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PersonBirthDate",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "PersonDisability",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "PersonSex",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "PersonWelfareDecile",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "PersonBirthDate",
                table: "CohortParticipants");

            migrationBuilder.DropColumn(
                name: "PersonDisability",
                table: "CohortParticipants");

            migrationBuilder.DropColumn(
                name: "PersonSex",
                table: "CohortParticipants");

            migrationBuilder.DropColumn(
                name: "PersonWelfareDecile",
                table: "CohortParticipants");
        }
    }
}
