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

            migrationBuilder.AlterColumn<string>(
                name: "InputJson",
                table: "SelectionDecisions",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "RuleStates",
                table: "SelectionDecisions",
                type: "TEXT",
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
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
