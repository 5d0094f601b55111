using System.Globalization;
using System.Text;

namespace Tunas.Web.Features.Impact.Facts;

/// <summary>What a row of the change log names: the table that changed (decision 0035).</summary>
public enum FactKind : short
{
    Person = 1,
    Application = 2,
    SelectionRun = 3,
    SelectionDecision = 4,
    Cohort = 5,
    Participant = 6,
    Certificate = 7,
    Business = 8,

    /// <summary>The row id is the business: its owners are read again together.</summary>
    BusinessOwner = 9,
    Worker = 10,
    FollowUp = 11,

    /// <summary>The row id is the participant: the month kept for the dashboard is read again.</summary>
    CashbookMonth = 12,

    /// <summary>The row id is the participant.</summary>
    CashbookSharing = 13,
}

/// <summary>
/// The dashboard's change log (decision 0035): every insert, update and delete of a table the dashboard counts writes
/// (agency, table, row) into <c>DashboardChanges</c> from a trigger, in the writer's own transaction. The database
/// writes it, so no path can forget it: EF saves, the import's bulk writer, a merge's single statements, the
/// intake's own SQL. The table is not in the EF model: only the migrations and <see cref="ImpactFacts"/> know it.
/// </summary>
public static class DashboardChangeLog
{
    public const string Table = "DashboardChanges";

    /// <summary>Every table the dashboard reads per row, with the column that names the row in the log.</summary>
    public static readonly IReadOnlyList<(FactKind Kind, string Table, string RowColumn)> Sources =
    [
        (FactKind.Person, "Persons", "Id"),
        (FactKind.Application, "Applications", "Id"),
        (FactKind.SelectionRun, "SelectionRuns", "Id"),
        (FactKind.SelectionDecision, "SelectionDecisions", "Id"),
        (FactKind.Cohort, "Cohorts", "Id"),
        (FactKind.Participant, "CohortParticipants", "Id"),
        (FactKind.Certificate, "Certificates", "Id"),
        (FactKind.Business, "Businesses", "Id"),
        (FactKind.BusinessOwner, "BusinessOwners", "BusinessId"),
        (FactKind.Worker, "BusinessWorkers", "Id"),
        (FactKind.FollowUp, "FollowUps", "Id"),
        (FactKind.CashbookMonth, "CashbookMonths", "ParticipantId"),
        (FactKind.CashbookSharing, "CashbookSharing", "ParticipantId"),
    ];

    /// <summary>
    /// SQLite: one row per changed row, from row triggers (SQLite has no other kind). AUTOINCREMENT: an id is never
    /// given twice, even after the oldest rows are pruned, and one writer at a time commits them in their order.
    /// </summary>
    public static string CreateSqlite()
    {
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"""
            CREATE TABLE "{Table}" (
                "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                "AgencyId" INTEGER NOT NULL,
                "Kind" INTEGER NOT NULL,
                "RowId" INTEGER NOT NULL,
                "CreatedAt" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')));
            CREATE INDEX "IX_{Table}_AgencyId_Id" ON "{Table}" ("AgencyId", "Id");
            CREATE INDEX "IX_{Table}_CreatedAt" ON "{Table}" ("CreatedAt");

            """);
        foreach (var (kind, table, column) in Sources)
        {
            var k = ((short)kind).ToString(CultureInfo.InvariantCulture);
            var name = $"TR_{Table}_{table}";
            sql.Append(CultureInfo.InvariantCulture, $"""
                CREATE TRIGGER "{name}_I" AFTER INSERT ON "{table}" BEGIN
                    INSERT INTO "{Table}" ("AgencyId", "Kind", "RowId") VALUES (NEW."AgencyId", {k}, NEW."{column}");
                END;
                CREATE TRIGGER "{name}_U" AFTER UPDATE ON "{table}" BEGIN
                    INSERT INTO "{Table}" ("AgencyId", "Kind", "RowId") VALUES (NEW."AgencyId", {k}, NEW."{column}");
                    INSERT INTO "{Table}" ("AgencyId", "Kind", "RowId") SELECT OLD."AgencyId", {k}, OLD."{column}" WHERE OLD."{column}" <> NEW."{column}";
                END;
                CREATE TRIGGER "{name}_D" AFTER DELETE ON "{table}" BEGIN
                    INSERT INTO "{Table}" ("AgencyId", "Kind", "RowId") VALUES (OLD."AgencyId", {k}, OLD."{column}");
                END;

                """);
        }
        return sql.ToString();
    }

    /// <summary>
    /// PostgreSQL: statement triggers with transition tables, one INSERT … SELECT per statement, so that a bulk COPY
    /// of a million residents adds one statement, not a million trigger calls. Each row carries the writer's
    /// transaction id: a reader that remembers the oldest transaction still running at its last read finds every
    /// change committed since, even one whose id is lower than a change it already saw (decision 0035).
    /// </summary>
    public static string CreatePostgres()
    {
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $$"""
            CREATE TABLE "{{Table}}" (
                "Id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                "AgencyId" integer NOT NULL,
                "Kind" smallint NOT NULL,
                "RowId" bigint NOT NULL,
                "TxId" bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
                "CreatedAt" timestamptz NOT NULL DEFAULT clock_timestamp());
            CREATE INDEX "IX_{{Table}}_AgencyId_TxId" ON "{{Table}}" ("AgencyId", "TxId");
            CREATE INDEX "IX_{{Table}}_CreatedAt" ON "{{Table}}" ("CreatedAt");

            CREATE FUNCTION tunas_dashboard_changed_new() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN
                EXECUTE format('INSERT INTO "{{Table}}" ("AgencyId", "Kind", "RowId") SELECT DISTINCT "AgencyId", %s, %I FROM changed_new', TG_ARGV[0], TG_ARGV[1]);
                RETURN NULL;
            END $f$;
            CREATE FUNCTION tunas_dashboard_changed_old() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN
                EXECUTE format('INSERT INTO "{{Table}}" ("AgencyId", "Kind", "RowId") SELECT DISTINCT "AgencyId", %s, %I FROM changed_old', TG_ARGV[0], TG_ARGV[1]);
                RETURN NULL;
            END $f$;
            CREATE FUNCTION tunas_dashboard_changed_both() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN
                EXECUTE format('INSERT INTO "{{Table}}" ("AgencyId", "Kind", "RowId") SELECT "AgencyId", %s, %I FROM changed_new UNION SELECT "AgencyId", %s, %I FROM changed_old', TG_ARGV[0], TG_ARGV[1], TG_ARGV[0], TG_ARGV[1]);
                RETURN NULL;
            END $f$;

            """);
        foreach (var (kind, table, column) in Sources)
        {
            var k = ((short)kind).ToString(CultureInfo.InvariantCulture);
            var name = $"TR_{Table}_{table}";
            sql.Append(CultureInfo.InvariantCulture, $"""
                CREATE TRIGGER "{name}_I" AFTER INSERT ON "{table}" REFERENCING NEW TABLE AS changed_new
                    FOR EACH STATEMENT EXECUTE FUNCTION tunas_dashboard_changed_new('{k}', '{column}');
                CREATE TRIGGER "{name}_U" AFTER UPDATE ON "{table}" REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
                    FOR EACH STATEMENT EXECUTE FUNCTION tunas_dashboard_changed_both('{k}', '{column}');
                CREATE TRIGGER "{name}_D" AFTER DELETE ON "{table}" REFERENCING OLD TABLE AS changed_old
                    FOR EACH STATEMENT EXECUTE FUNCTION tunas_dashboard_changed_old('{k}', '{column}');

                """);
        }
        return sql.ToString();
    }

    public static string DropSqlite()
    {
        var sql = new StringBuilder();
        foreach (var (_, table, _) in Sources)
        {
            var name = $"TR_{Table}_{table}";
            sql.Append(CultureInfo.InvariantCulture, $"DROP TRIGGER \"{name}_I\"; DROP TRIGGER \"{name}_U\"; DROP TRIGGER \"{name}_D\";\n");
        }
        sql.Append(CultureInfo.InvariantCulture, $"DROP TABLE \"{Table}\";\n");
        return sql.ToString();
    }

    public static string DropPostgres()
    {
        var sql = new StringBuilder();
        foreach (var (_, table, _) in Sources)
        {
            var name = $"TR_{Table}_{table}";
            sql.Append(CultureInfo.InvariantCulture, $"DROP TRIGGER \"{name}_I\" ON \"{table}\"; DROP TRIGGER \"{name}_U\" ON \"{table}\"; DROP TRIGGER \"{name}_D\" ON \"{table}\";\n");
        }
        sql.Append(CultureInfo.InvariantCulture, $"""
            DROP FUNCTION tunas_dashboard_changed_new(); DROP FUNCTION tunas_dashboard_changed_old(); DROP FUNCTION tunas_dashboard_changed_both();
            DROP TABLE "{Table}";

            """);
        return sql.ToString();
    }
}
