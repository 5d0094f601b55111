using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;

namespace Tunas.BrowserTests.Infrastructure;

/// <summary>
/// The integration tests' app (its own database, settings and log capture), served by Kestrel on a free port
/// of 127.0.0.1 so that a real browser can reach it.
/// </summary>
public sealed class BrowserAppFactory : TunasFactory
{
    public BrowserAppFactory() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234/</c>; set by <see cref="Start"/>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts the app (migrations, regions, roles, the configured administrator) and reads its port.</summary>
    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single() + "/");
    }
}
