using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.IntegrationTests.Features.Messages;

/// <summary>
/// The app with e-mail going to a real SMTP server and phone messages to a real HTTP gateway, both in this process
/// on 127.0.0.1, and a clock the tests move by hand. The background sender is off: the tests run each pass
/// themselves (<c>OutboxDispatcher.DispatchDueAsync</c>), so what happens when is theirs to say.
/// </summary>
public sealed class MessagesApp : TunasFactory, IAsyncLifetime
{
    public const int MaxAttempts = 3;
    public const string GatewayToken = "token-gateway-uji";

    public MessagesApp()
    {
        Settings["Messages:SmtpHost"] = "127.0.0.1";
        Settings["Messages:SmtpPort"] = Smtp.Port.ToString(CultureInfo.InvariantCulture);
        Settings["Messages:SmtpSecurity"] = "None";
        Settings["Messages:SmtpFrom"] = "Dinas Sosial Kota Uji <noreply@uji.test>";
        Settings["Messages:GatewayEnabled"] = "true";
        Settings["Messages:GatewayUrl"] = Gateway.Url;
        Settings["Messages:GatewayToken"] = GatewayToken;
        Settings["Messages:GatewayStatusUrl"] = Gateway.StatusUrl;
        Settings["Messages:SenderEnabled"] = "false";
        Settings["Messages:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture);
        Settings["Messages:FirstRetrySeconds"] = "60";
        Settings["Messages:MaxRetrySeconds"] = "3600";
        Settings["Messages:SendTimeoutSeconds"] = "10";
        Settings["Messages:PublicBaseUrl"] = "https://tunas.uji.test/";
    }

    /// <summary>Starts at the real time (whole seconds) so that sign-in keys and tokens stay valid; moves only when told.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public TestSmtpServer Smtp { get; } = new();

    public TestGateway Gateway { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Smtp.StartAsync();
        await Gateway.StartAsync();
        await InitializeAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MessagesAppGroup : ICollectionFixture<MessagesApp>
{
    public const string Name = "messages";
}
