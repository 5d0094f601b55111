using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Tunas.Web;
using Tunas.Web.Infrastructure;

namespace Tunas.UnitTests.Infrastructure;

/// <summary>Decision 0032: only a passing database fault on the API is answered 503 (and reported to /health); the rest stays a 500.</summary>
public sealed class DatabaseFaultAnswerTests
{
    private readonly WriteFaults _writes = new(TimeProvider.System);

    [Fact]
    public async Task APassingFaultOnTheApiIsAnswered503WithRetryAfterAndTheCauseAndIsReported()
    {
        var http = Request("/api/v1/businesses");

        Assert.True(await Answer().TryHandleAsync(http, new SqliteException("full", 13, 13), CancellationToken.None));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal("30", http.Response.Headers.RetryAfter.ToString());
        http.Response.Body.Position = 0;
        var title = JsonDocument.Parse(http.Response.Body).RootElement.GetProperty("title").GetString();
        Assert.Equal(DatabaseFaults.DiskFullMessage + " " + DatabaseFaultAnswer.NothingSavedMessage, title);
        Assert.Equal(DatabaseFault.DiskFull, _writes.Current?.Cause);
    }

    [Fact]
    public async Task AnyOtherErrorOrAPageIsLeftToTheNextHandler()
    {
        Assert.False(await Answer().TryHandleAsync(Request("/api/v1/businesses"), new InvalidOperationException("uji"), CancellationToken.None));
        Assert.False(await Answer().TryHandleAsync(Request("/Usaha"), new SqliteException("full", 13, 13), CancellationToken.None));
        Assert.Null(_writes.Current);
    }

    private DatabaseFaultAnswer Answer() => new(new English(), _writes);

    private static DefaultHttpContext Request(string path)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        return http;
    }

    private sealed class English : IStringLocalizer<SharedResource>
    {
        private readonly EnglishLocalizer _inner = new();

        public LocalizedString this[string name] => _inner[name];

        public LocalizedString this[string name, params object[] arguments] => _inner[name, arguments];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
