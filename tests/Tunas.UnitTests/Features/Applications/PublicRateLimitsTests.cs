using System.Net;
using System.Xml.Linq;
using Tunas.Web.Features.Applications;
using Tunas.Web.Infrastructure;

namespace Tunas.UnitTests.Features.Applications;

public class PublicRateLimitsTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void AClientIsAnIpv4AddressOrAnIpv6Network(string address, string key)
    {
        Assert.Equal(key, ClientAddress.Key(IPAddress.Parse(address)));
    }

    [Fact]
    public void NoAddressIsOneClient()
    {
        Assert.Equal("-", ClientAddress.Key(null));
    }
}

public class ConsentPurposeTests
{
    [Fact]
    public void ThePurposeFitsItsColumnInEveryLanguage()
    {
        var path = Path.Combine(Repo.Root, "src", "Tunas.Web", "Resources", "SharedResource.id.resx");
        var indonesian = XDocument.Load(path).Root!.Elements("data")
            .Single(d => (string?)d.Attribute("name") == ApplicationMessages.ConsentPurposeMessage).Element("value")!.Value;

        Assert.True(ApplicationMessages.ConsentPurposeMessage.Length <= 500);
        Assert.True(indonesian.Length <= 500);
        Assert.Contains("NIK", indonesian, StringComparison.Ordinal);
    }
}
