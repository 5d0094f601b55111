using System.Net;
using System.Text.RegularExpressions;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Messages;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Messages;

[Collection(SharedApp.Name)]
public sealed partial class MessagesPagesTests(TunasFactory app)
{
    [Fact]
    public async Task AKelurahanOperatorSeesTheirWhatsAppLinksAndNotAnotherKelurahans()
    {
        var program = await MessageData.ProgramAsync(app);
        var own = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Ratna Sari");
        var other = await MessageData.ApplicationAsync(app, program, MessageData.OtherVillage, "Slamet Riyadi");
        var ownId = (await MessageData.AddAsync(app, MessageData.Draft(program, own)))!.Value;
        var otherId = (await MessageData.AddAsync(app, MessageData.Draft(program, other)))!.Value;
        var client = await app.PageClientAsync(Roles.VillageOperator);

        var html = await PageAsync(client, $"/Messages?program={program.ProgramId}");

        Assert.Equal([ownId], Cards(html));
        Assert.DoesNotContain("Slamet Riyadi", html, StringComparison.Ordinal);
        Assert.Contains("Ratna Sari", html, StringComparison.Ordinal);
        Assert.Contains(RecipientMask.Phone(own.Phone), html, StringComparison.Ordinal);
        Assert.Contains($"No. pendaftaran: {own.RegistrationNumber}", html, StringComparison.Ordinal);
        var body = (await MessageData.LoadAsync(app, ownId)).Body;
        // The link goes through the app, which records the opening and goes on to wa.me with the text.
        Assert.Contains($"href=\"/api/v1/messages/{ownId}/open\"", html, StringComparison.Ordinal);
        var open = await client.GetAsync($"/api/v1/messages/{ownId}/open");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal(WhatsAppLink.For(own.Phone, body), open.Headers.Location?.OriginalString);
        Assert.Contains("Buka di WhatsApp", html, StringComparison.Ordinal);
        Assert.Contains("Anda hanya melihat pesan kelurahan", html, StringComparison.Ordinal);
        // The menu: "Pesan" with the number of links to send.
        Assert.Matches("href=\"/Messages\">\\s*Pesan\\s*<span[^>]*data-testid=\"pending-links\"[^>]*>[0-9.]+</span>", html);
        Assert.Equal(MessageStatus.Pending, (await MessageData.LoadAsync(app, otherId)).Status);
    }

    [Fact]
    public async Task TheOperatorMarksOneMessageAsSentAndWhoAndWhenAreStored()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Tri Wahyuningsih");
        var id = (await MessageData.AddAsync(app, MessageData.Draft(program, applicant)))!.Value;
        var client = await app.PageClientAsync(Roles.VillageOperator);
        var list = $"/Messages?program={program.ProgramId}";
        var before = DateTime.UtcNow.AddSeconds(-1);

        var response = await client.PostAsync($"/Messages?handler=sent&program={program.ProgramId}",
            await TunasFactory.FormAsync(client, list, new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(list, response.Headers.Location!.OriginalString);
        var stored = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Sent, stored.Status);
        Assert.Equal(await MessageData.UserIdAsync(app, Roles.VillageOperator), stored.SentById);
        Assert.InRange(stored.SentAt!.Value, before, DateTime.UtcNow.AddSeconds(1));
        var after = await PageAsync(client, list);
        Assert.Contains("Ditandai sudah terkirim.", after, StringComparison.Ordinal);
        Assert.Empty(Cards(after)); // no longer waiting
        var sent = await PageAsync(client, list + "&status=sent");
        Assert.Equal([id], Cards(sent));
        Assert.Contains("Terkirim", sent, StringComparison.Ordinal);
        Assert.Matches("Terkirim [0-9/]+ [0-9:]+ WIB oleh VillageOperator", sent); // the test users' full name is their role
    }

    [Fact]
    public async Task MarkAllShownMarksOnlyTheVisibleWaitingLinks()
    {
        var program = await MessageData.ProgramAsync(app);
        var first = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Anik Pertama");
        var second = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Anik Kedua");
        var other = await MessageData.ApplicationAsync(app, program, MessageData.OtherVillage, "Anik Lain");
        var a = (await MessageData.AddAsync(app, MessageData.Draft(program, first)))!.Value;
        var b = (await MessageData.AddAsync(app, MessageData.Draft(program, second)))!.Value;
        var c = (await MessageData.AddAsync(app, MessageData.Draft(program, other)))!.Value;
        var email = await MessageData.InsertAsync(app, MessagesApiTests.Message(program, first, MessageChannel.Email, MessageStatus.Pending));
        var client = await app.PageClientAsync(Roles.VillageOperator);
        var list = $"/Messages?program={program.ProgramId}";
        // "Mark all" takes only what the operator opened: both links are opened first.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/api/v1/messages/{a}/open")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/api/v1/messages/{b}/open")).StatusCode);
        var html = await PageAsync(client, list);
        Assert.Contains("Tandai semua yang tampil sudah terkirim (2)", html, StringComparison.Ordinal);

        // A forged form adds another kelurahan's message and an e-mail: neither is touched.
        var form = await TunasFactory.FormAsync(client, list, []);
        var fields = (await form.ReadAsStringAsync()).Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));
        var body = new List<KeyValuePair<string, string>>(fields)
        {
            new("ids", a.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ids", b.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ids", c.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ids", email.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        var response = await client.PostAsync($"/Messages?handler=sentAll&program={program.ProgramId}", new FormUrlEncodedContent(body));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MessageStatus.Sent, (await MessageData.LoadAsync(app, a)).Status);
        Assert.Equal(MessageStatus.Sent, (await MessageData.LoadAsync(app, b)).Status);
        Assert.Equal(MessageStatus.Pending, (await MessageData.LoadAsync(app, c)).Status);
        Assert.Equal(MessageStatus.Pending, (await MessageData.LoadAsync(app, email)).Status);
        Assert.Contains("2 pesan ditandai sudah terkirim.", await PageAsync(client, list), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperatorCannotMarkAnotherKelurahansMessageWithAForgedForm()
    {
        var program = await MessageData.ProgramAsync(app);
        var other = await MessageData.ApplicationAsync(app, program, MessageData.OtherVillage, "Tono Lain");
        var id = (await MessageData.AddAsync(app, MessageData.Draft(program, other)))!.Value;
        var failed = await MessageData.InsertAsync(app, MessagesApiTests.Message(program, other, MessageChannel.Email, MessageStatus.Failed, attempts: 8));
        var client = await app.PageClientAsync(Roles.VillageOperator);

        var sent = await client.PostAsync("/Messages?handler=sent", await TunasFactory.FormAsync(client, "/Messages", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var retry = await client.PostAsync("/Messages?handler=retry", await TunasFactory.FormAsync(client, "/Messages", new() { ["id"] = failed.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal(HttpStatusCode.NotFound, sent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, retry.StatusCode);
        Assert.Equal(MessageStatus.Pending, (await MessageData.LoadAsync(app, id)).Status);
        Assert.Equal(MessageStatus.Failed, (await MessageData.LoadAsync(app, failed)).Status);
    }

    [Fact]
    public async Task AnOfficerSeesAFailedMessageWithItsErrorAndSendsItAgain()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, MessageData.OtherVillage, "Fajar Nugroho");
        var failed = await MessageData.InsertAsync(app, MessagesApiTests.Message(program, applicant, MessageChannel.Gateway, MessageStatus.Failed, attempts: 8, error: "The gateway answered HTTP 500."));
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var list = $"/Messages?status=failed&program={program.ProgramId}";

        var html = await PageAsync(client, list);
        Assert.Equal([failed], Cards(html));
        Assert.Contains("Gagal setelah 8 percobaan: The gateway answered HTTP 500.", html, StringComparison.Ordinal);
        Assert.Contains("Gateway SMS/WhatsApp", html, StringComparison.Ordinal);
        Assert.DoesNotContain("wa.me", html, StringComparison.Ordinal);
        var overview = await PageAsync(client, $"/Messages?program={program.ProgramId}");
        Assert.Contains("data-testid=\"failed-hint\"", overview, StringComparison.Ordinal);

        var response = await client.PostAsync($"/Messages?handler=retry&status=failed&program={program.ProgramId}",
            await TunasFactory.FormAsync(client, list, new() { ["id"] = failed.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(list, response.Headers.Location!.OriginalString);
        var stored = await MessageData.LoadAsync(app, failed);
        Assert.Equal(MessageStatus.Pending, stored.Status);
        Assert.Equal(0, stored.Attempts);
        Assert.Contains("Pesan kembali masuk antrean.", await PageAsync(client, list), StringComparison.Ordinal);
        var queued = await PageAsync(client, $"/Messages?program={program.ProgramId}");
        Assert.Contains("Dalam antrean: sistem yang mengirimnya.", queued, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.Facilitator)]
    [InlineData(Roles.Participant)]
    [InlineData(Roles.Leadership)]
    public async Task OtherRolesHaveNoMessagesPageAndNoMenuEntry(string role)
    {
        var client = await app.PageClientAsync(role);

        var page = await client.GetAsync("/Messages");
        var home = await PageAsync(client, "/");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Messages\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignIn()
    {
        var client = await app.PageClientAsync(null);

        var page = await client.GetAsync("/Messages");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static List<long> Cards(string html) =>
        [.. MessageCard().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex("<article class=\"card\" data-message=\"([0-9]+)\"")]
    private static partial Regex MessageCard();
}
