using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Tunas.Web.Features.Applications;

namespace Tunas.Web.Features.Selection;

/// <summary>
/// Writes the decisions of one run by the provider's fast path, inside the caller's transaction: a reused prepared
/// statement on SQLite, binary COPY on PostgreSQL. Each decision is built just before it is written, so a run over a
/// million applicants never holds a million rows: only the engine's result and the run's shared rules.
/// </summary>
internal static class DecisionStore
{
    private const string Columns = """
        "RunId", "ApplicationId", "RegistrationNumber", "VillageCode", "QuotaRegion", "TrackId", "Outcome", "Status", "Placement",
        "Rank", "WaitlistPosition", "Score", "ScoreJson", "RulesJson", "RuleStates", "ReasonsJson", "AgencyId"
        """;

    private static readonly TimeSpan CompleteTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Writes a decision per applicant (in application order) and returns the run's shared rules as JSON.</summary>
    public static async Task<string> WriteAsync(
        DbConnection connection, DbTransaction? transaction, SelectionRun run, IReadOnlyList<ApplicantResult> results, CancellationToken ct)
    {
        var palette = new DecisionRules.Palette();
        // Application order: the unique (run, application) index is then filled from left to right.
        var decisions = results.OrderBy(r => r.Applicant.ApplicationId).Select(r => ToDecision(run.Id, run.AgencyId, r, palette));
        switch (connection)
        {
            case SqliteConnection sqlite:
                WriteSqlite(sqlite, (SqliteTransaction?)transaction, decisions, ct);
                break;
            case NpgsqlConnection npgsql:
                await WritePostgresAsync(npgsql, decisions, ct);
                break;
            default:
                throw new NotSupportedException($"No fast path for {connection.GetType().Name}.");
        }
        return palette.Json();
    }

    /// <summary>One applicant's decision as stored: the failed rules in full, the others as places in the run's rules.</summary>
    internal static SelectionDecision ToDecision(long runId, int agencyId, ApplicantResult a, DecisionRules.Palette palette)
    {
        var all = a.Rules;
        var (states, rules) = palette.Store(all);
        return new SelectionDecision
        {
            AgencyId = agencyId,
            RunId = runId,
            ApplicationId = a.Applicant.ApplicationId,
            RegistrationNumber = a.Applicant.RegistrationNumber,
            VillageCode = a.Applicant.VillageCode,
            QuotaRegion = a.HomeQuota?.Region ?? a.Applicant.QuotaRegion,
            TrackId = a.TrackId is { } t ? (int)t : null,
            Outcome = a.Outcome,
            Status = SelectionRunner.StatusOf(a.Outcome),
            Placement = a.Placement,
            Rank = a.Rank,
            WaitlistPosition = a.WaitlistPosition,
            Score = a.Score.Total,
            ScoreJson = Score(a.Score),
            RulesJson = rules,
            RuleStates = states,
            ReasonsJson = DecisionJson.Reasons(a.Reasons(all)),
        };
    }

    /// <summary>The score's parts that are not 0, in the camelCase names of <see cref="DecisionJson.Score"/>.</summary>
    internal static string Score(ScoreBreakdown s)
    {
        var json = new StringBuilder("{", 96);
        void Part(string name, int value)
        {
            if (value != 0)
            {
                json.Append(json.Length > 1 ? ",\"" : "\"").Append(name).Append("\":").Append(value.ToString(CultureInfo.InvariantCulture));
            }
        }
        Part("desil", s.Desil);
        Part("femaleHeadedHousehold", s.FemaleHeadedHousehold);
        Part("disability", s.Disability);
        Part("noEarner", s.NoEarner);
        Part("householdSize", s.HouseholdSize);
        Part("youth", s.Youth);
        Part("women", s.Women);
        return json.Append('}').ToString();
    }

    // Synchronous: SQLite runs in-process, and its async methods only add a task per row.
    private static void WriteSqlite(SqliteConnection connection, SqliteTransaction? transaction, IEnumerable<SelectionDecision> decisions, CancellationToken ct)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = Columns.Split(',').Select((_, i) => "$c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        command.CommandText = $"""INSERT INTO "SelectionDecisions" ({Columns}) VALUES ({string.Join(", ", names)})""";
        SqliteType[] types =
        [
            SqliteType.Integer, SqliteType.Integer, SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Text,
            SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Integer, SqliteType.Integer, SqliteType.Text, SqliteType.Text,
            SqliteType.Text, SqliteType.Text, SqliteType.Integer,
        ];
        var p = names.Select((n, i) => command.Parameters.Add(n, types[i])).ToArray();
        command.Prepare();
        var count = 0;
        foreach (var d in decisions)
        {
            if (++count % 10_000 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            p[0].Value = d.RunId;
            p[1].Value = d.ApplicationId;
            p[2].Value = d.RegistrationNumber;
            p[3].Value = d.VillageCode;
            p[4].Value = d.QuotaRegion;
            p[5].Value = (object?)d.TrackId ?? DBNull.Value;
            p[6].Value = d.Outcome.ToString();
            p[7].Value = d.Status.ToString();
            p[8].Value = d.Placement.ToString();
            p[9].Value = (object?)d.Rank ?? DBNull.Value;
            p[10].Value = (object?)d.WaitlistPosition ?? DBNull.Value;
            p[11].Value = d.Score;
            p[12].Value = d.ScoreJson;
            p[13].Value = d.RulesJson;
            p[14].Value = (object?)d.RuleStates ?? DBNull.Value;
            p[15].Value = d.ReasonsJson;
            p[16].Value = d.AgencyId;
            command.ExecuteNonQuery();
        }
    }

    private static async Task WritePostgresAsync(NpgsqlConnection connection, IEnumerable<SelectionDecision> decisions, CancellationToken ct)
    {
        // The ids come from the column's identity, as COPY leaves "Id" out. Typed synchronous writes: the importer fills
        // its buffer in memory and sends it when full, so an awaited call per field would cost more than the field.
        await using var writer = await connection.BeginBinaryImportAsync($"""COPY "SelectionDecisions" ({Columns}) FROM STDIN (FORMAT BINARY)""", ct);
        // The server checks the foreign keys of every row when the COPY completes: for a national run that is longer than
        // the command timeout of a request.
        writer.Timeout = CompleteTimeout;
        var count = 0;
        foreach (var d in decisions)
        {
            if (++count % 10_000 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            writer.StartRow();
            writer.Write(d.RunId, NpgsqlDbType.Bigint);
            writer.Write(d.ApplicationId, NpgsqlDbType.Bigint);
            writer.Write(d.RegistrationNumber, NpgsqlDbType.Varchar);
            writer.Write(d.VillageCode, NpgsqlDbType.Varchar);
            writer.Write(d.QuotaRegion, NpgsqlDbType.Varchar);
            Write(writer, d.TrackId);
            writer.Write(d.Outcome.ToString(), NpgsqlDbType.Varchar);
            writer.Write(d.Status.ToString(), NpgsqlDbType.Varchar);
            writer.Write(d.Placement.ToString(), NpgsqlDbType.Varchar);
            Write(writer, d.Rank);
            Write(writer, d.WaitlistPosition);
            writer.Write(d.Score, NpgsqlDbType.Integer);
            writer.Write(d.ScoreJson, NpgsqlDbType.Text);
            writer.Write(d.RulesJson, NpgsqlDbType.Text);
            if (d.RuleStates is null)
            {
                writer.WriteNull();
            }
            else
            {
                writer.Write(d.RuleStates, NpgsqlDbType.Varchar);
            }
            writer.Write(d.ReasonsJson, NpgsqlDbType.Text);
            writer.Write(d.AgencyId, NpgsqlDbType.Integer);
        }
        await writer.CompleteAsync(ct);
    }

    private static void Write(NpgsqlBinaryImporter writer, int? value)
    {
        if (value is { } v)
        {
            writer.Write(v, NpgsqlDbType.Integer);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
