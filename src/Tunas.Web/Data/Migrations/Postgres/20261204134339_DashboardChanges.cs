using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tunas.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The dashboard's change log and its triggers (decision 0035).
            migrationBuilder.Sql(Tunas.Web.Features.Impact.Facts.DashboardChangeLog.CreatePostgres());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Tunas.Web.Features.Impact.Facts.DashboardChangeLog.DropPostgres());
        }
    }
}
