using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Account;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Account;

/// <summary>
/// The app with the sign-in limit at its floor (10 tries a minute per address) and a password hasher that counts
/// its checks. The test server has no client address, so a test names its own in the <see cref="ClientHeader"/> header.
/// </summary>
public sealed class SignInApp : TunasFactory
{
    public const string ClientHeader = "X-Test-Client";

    public SignInApp()
    {
        Settings["RateLimiting:Enabled"] = "true";
        Settings["Auth:SignInPerMinute"] = "10";
    }

    public CountingHasher Hasher { get; } = new();

    public HttpClient From(string address, bool cookies = false)
    {
        var client = CreateClient(new() { AllowAutoRedirect = false, HandleCookies = cookies });
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddress>());
        builder.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(Hasher));
    }

    public sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _checks;

        public int Checks => Volatile.Read(ref _checks);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _checks);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class ClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nextMiddleware) =>
            {
                if (IPAddress.TryParse(ctx.Request.Headers[ClientHeader].ToString(), out var address))
                {
                    ctx.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }
}

public sealed class SignInThrottleTests(SignInApp app) : IClassFixture<SignInApp>
{
    [Fact]
    public async Task AnUnknownEmailCostsOnePasswordCheckLikeAKnownOne()
    {
        var client = app.From("10.9.0.1");

        var beforeUnknown = app.Hasher.Checks;
        await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "tidak.ada@uji.test", password = "salah-sekali-1" });
        var unknown = app.Hasher.Checks - beforeUnknown;
        var beforeKnown = app.Hasher.Checks;
        await client.PostAsJsonAsync("/api/v1/auth/token", new { email = TunasFactory.EmailOf(Roles.Leadership), password = "salah-sekali-1" });
        var known = app.Hasher.Checks - beforeKnown;

        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task TheSignInPageChecksAPasswordForAnUnknownEmailToo()
    {
        var client = app.From("10.9.0.2", cookies: true);
        var form = await TunasFactory.FormAsync(client, "/Account/Login", new() { ["Input.Email"] = "tidak.ada@uji.test", ["Input.Password"] = "salah-sekali-1" });

        var before = app.Hasher.Checks;
        var response = await client.PostAsync("/Account/Login", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, app.Hasher.Checks - before);
    }

    [Fact]
    public async Task TenTriesAMinuteFromOneAddressAreAnsweredAndTheNextIs429WithAnIndonesianMessage()
    {
        var page = app.From("10.9.1.1", cookies: true);
        var api = app.From("10.9.1.1");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var form = await TunasFactory.FormAsync(page, "/Account/Login", new() { ["Input.Email"] = "coba@uji.test", ["Input.Password"] = "salah-sekali-1" });
            answers.Add((await page.PostAsync("/Account/Login", form)).StatusCode);
            answers.Add((await api.PostAsJsonAsync("/api/v1/auth/token", new { email = "coba@uji.test", password = "salah-sekali-1" })).StatusCode);
        }

        var refused = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = "coba@uji.test", password = "salah-sekali-1" });
        var refusedPage = await page.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "coba@uji.test" }));

        Assert.Equal(10, answers.Count(a => a is HttpStatusCode.OK or HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta?.TotalSeconds >= 1, refused.Headers.RetryAfter?.ToString());
        Assert.StartsWith("Terlalu banyak percobaan masuk dari alamat Anda.",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedPage.StatusCode);
        Assert.Contains("Terlalu banyak percobaan masuk", await refusedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Opening the page is not a try, and another address has tries of its own.
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/Account/Login")).StatusCode);
        var neighbour = await app.From("10.9.1.2").PostAsJsonAsync("/api/v1/auth/token", new { email = "coba@uji.test", password = "salah-sekali-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, neighbour.StatusCode);
    }

    [Fact]
    public async Task FiveWrongPasswordsStillLockAnAccountBeforeTheLimitStopsTheAddress()
    {
        using (var scope = app.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAdmin>()
                .CreateAsync(new("batas.kunci@uji.test", TunasFactory.Password, Roles.Facilitator, null, null, null), (null, "test"));
            Assert.True(created.Succeeded);
        }
        var client = app.From("10.9.2.1");
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "batas.kunci@uji.test", password = "salah-sekali-1" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "batas.kunci@uji.test", password = TunasFactory.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("dikunci", (await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RateLimitingOffSwitchesTheSignInLimitOffToo()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" }).Build();
        var policy = new SignInThrottle.PerAddress(Options.Create(new AuthOptions { SignInPerMinute = 10 }), configuration);
        var post = new DefaultHttpContext();
        post.Request.Method = HttpMethods.Post;

        var partition = policy.GetPartition(post);
        using var limiter = partition.Factory(partition.PartitionKey);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(limiter.AttemptAcquire().IsAcquired));
    }
}
