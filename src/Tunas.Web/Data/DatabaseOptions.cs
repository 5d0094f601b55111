namespace Tunas.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Where the SQLite file lives when no connection string is given; relative to the app's folder.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>Apply migrations at start-up. Production on PostgreSQL may turn this off and run <c>-- migrate</c>.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
