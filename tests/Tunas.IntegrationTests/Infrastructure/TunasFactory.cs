using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Infrastructure;

/// <summary>
/// The whole app in-process on a real database of its own: an in-memory SQLite database by default, or a fresh
/// PostgreSQL database when the environment says <c>Database__Provider=Postgres</c> and gives
/// <c>ConnectionStrings__Tunas</c> (as CI does). One user per role exists, with <see cref="Password"/>.
/// </summary>
public partial class TunasFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "rahasia-tunas-1";
    public const string AgencyRegency = "35.72";
    public const string OperatorVillage = "35.72.01.1004";

    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;
    private readonly string? _postgresDatabase;
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public TunasFactory()
    {
        if (IsPostgres)
        {
            _postgresDatabase = "tunas_test_" + Guid.NewGuid().ToString("N")[..12];
            _connectionString = CreatePostgresDatabase(_postgresDatabase);
        }
        else
        {
            _connectionString = $"Data Source=tunas-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
            // An in-memory database lives as long as one connection to it is open.
            _keepAlive = new SqliteConnection(_connectionString);
            _keepAlive.Open();
        }
    }

    public static string? PostgresBase => Environment.GetEnvironmentVariable("ConnectionStrings__Tunas");

    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("Database__Provider"), "Postgres", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(PostgresBase);

    public static string ProviderName => IsPostgres ? "Postgres" : "Sqlite";

    /// <summary>Settings a test may add before the app starts (e.g. no admin, to see the setup page).</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Agency:Name"] = "Dinas Sosial Kota Uji",
        ["Agency:RegencyCode"] = AgencyRegency,
        ["Admin:Email"] = "admin@uji.test",
        ["Admin:Password"] = Password,
        // A test sees a lock or a new role at once, and every test signs in from the one address of the test server.
        ["Auth:AccountCheckSeconds"] = "0",
        ["Auth:SignInPerMinute"] = "100000",
    };

    public bool SeedRoleUsers { get; init; } = true;

    /// <summary>Every log line the app wrote, to prove what never appears in one (a NIK).</summary>
    public ConcurrentQueue<string> LogLines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The app serves wwwroot (with the npm libraries) from its output folder, as it does in production.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseSetting("Database:Provider", ProviderName);
        builder.UseSetting("ConnectionStrings:Tunas", _connectionString);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging
            .AddProvider(new CapturingLoggerProvider(LogLines))
            .AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace));
    }

    public async Task InitializeAsync()
    {
        StartServer(); // migrations, regions, roles, the configured admin
        if (!SeedRoleUsers)
        {
            return;
        }
        using var scope = Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        foreach (var role in Roles.All.Where(r => r != Roles.Administrator))
        {
            var result = await admin.CreateAsync(
                new NewUser(EmailOf(role), Password, role, role == Roles.VillageOperator ? OperatorVillage : null, null, role), (null, "test"));
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }
    }

    public static string EmailOf(string role) =>
        role == Roles.Administrator ? "admin@uji.test" : role.ToLowerInvariant() + "@uji.test";

    /// <summary>A client that calls the API with a bearer token of a user in <paramref name="role"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(string role)
    {
        var client = CreateClient();
        if (!_tokens.TryGetValue(role, out var token))
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = EmailOf(role), password = Password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
            _tokens[role] = token;
        }
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client (cookies, no automatic redirects) signed in through the login page.</summary>
    public async Task<HttpClient> PageClientAsync(string? role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (role is null)
        {
            return client;
        }
        var response = await client.PostAsync("/Account/Login", await FormAsync(client, "/Account/Login", new()
        {
            ["Input.Email"] = EmailOf(role),
            ["Input.Password"] = Password,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A form post body with the page's anti-forgery token, as a browser would send it.</summary>
    public static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string pageUrl, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(pageUrl);
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, "The page has no anti-forgery token: " + pageUrl);
        fields["__RequestVerificationToken"] = token.Groups[1].Value;
        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Stops the app, then drops its database (PostgreSQL) or closes it (SQLite).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }
        if (_postgresDatabase is not null)
        {
            await DropPostgresDatabaseAsync(_postgresDatabase);
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Makes an empty PostgreSQL database next to <see cref="PostgresBase"/>; its connection string.</summary>
    public static string CreatePostgresDatabase(string name)
    {
        var admin = new NpgsqlConnectionStringBuilder(PostgresBase!);
        using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\"";
            create.ExecuteNonQuery();
        }
        admin.Database = name;
        return admin.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreatePostgresDatabase"/>, ending its connections.</summary>
    public static async Task DropPostgresDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresBase);
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        // An autovacuum worker in the fresh database can only be ended by a role with pg_signal_backend;
        // without it, wait for the worker to finish. A throwaway database left behind harms no test.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                break;
            }
            catch (PostgresException e) when (e.SqlState is "42501" or "55006" && attempt < 10)
            {
                await Task.Delay(500);
            }
            catch (PostgresException e) when (e.SqlState is "42501" or "55006")
            {
                break;
            }
        }
    }

    private sealed record TokenBody(string AccessToken, DateTime ExpiresAt);
}

/// <summary>One app for a whole test collection: starting it (migrations, 91,000 regions) is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class SharedApp : ICollectionFixture<TunasFactory>
{
    public const string Name = "app";
}

internal sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
