using Tunas.Web.Features.Messages;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.UnitTests.Features.Messages;

public class WhatsAppLinkTests
{
    [Fact]
    public void TheLinkCarriesTheNumberWithoutPlusAndTheTextEncodedForAnAddress()
    {
        var link = WhatsAppLink.For("+6281234567890", "Halo Bu Siti & keluarga: cek #1?\nYa, 100% + gratis. Café ✓");

        Assert.Equal(
            "https://wa.me/6281234567890?text=Halo%20Bu%20Siti%20%26%20keluarga%3A%20cek%20%231%3F%0AYa%2C%20100%25%20%2B%20gratis.%20Caf%C3%A9%20%E2%9C%93",
            link);
        Assert.True(Uri.TryCreate(link, UriKind.Absolute, out var uri));
        Assert.Equal("Halo Bu Siti & keluarga: cek #1?\nYa, 100% + gratis. Café ✓", Uri.UnescapeDataString(uri.Query["?text=".Length..]));
    }

    [Theory]
    [InlineData("+6281234567890", "6281234567890")]
    [InlineData("+62 812-3456-7890", "6281234567890")]
    [InlineData("081234567890", "6281234567890")]
    [InlineData("6281234567890", "6281234567890")]
    public void TheNumberIsDigitsWithTheCountryCode(string phone, string digits) =>
        Assert.Equal(digits, WhatsAppLink.Digits(phone));

    [Fact]
    public void APhoneShowsItsLastFourDigitsOnly()
    {
        Assert.Equal("+62•••••••7890", RecipientMask.Phone("+6281234567890"));
        Assert.Equal("••••", RecipientMask.Phone("1234"));
        Assert.Equal("", RecipientMask.Phone(null));
    }

    [Fact]
    public void AnAddressShowsItsFirstLetterAndItsDomain()
    {
        Assert.Equal("s•••@example.id", RecipientMask.Email("siti.wahyuni@example.id"));
        Assert.Equal("•••", RecipientMask.Email("tanpa-at"));
        Assert.Equal("s•••@example.id", RecipientMask.Of(MessageChannel.Email, "siti@example.id"));
        Assert.Equal("+62•••••••7890", RecipientMask.Of(MessageChannel.WhatsAppLink, "+6281234567890"));
    }
}
