using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegionsVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegionsVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionsVersion", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "RegionsVersion",
                columns: new[] { "Id", "ChangedAt", "Version" },
                values: new object[] { 1, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegionsVersion");
        }
    }
}
