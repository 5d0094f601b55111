using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Postgres
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
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RulesJson",
                table: "SelectionRuns",
                type: "text",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "InputJson",
                table: "SelectionDecisions",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "RuleStates",
                table: "SelectionDecisions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
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
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
