using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Messages;

/// <summary>Issue 12, sending at scale: progress of the system's own sending, and "mark all" only for opened links.</summary>
[Collection(SharedApp.Name)]
public sealed class SendingProgressTests(TunasFactory app)
{
    [Fact]
    public async Task TheOfficerSeesHowFarTheGatewayGotOnThePageAndInTheApi()
    {
        var program = await MessageData.ProgramAsync(app);
        var own = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Yani Progres");
        var other = await MessageData.ApplicationAsync(app, program, MessageData.OtherVillage, "Zainal Progres");
        foreach (var status in (MessageStatus[])[MessageStatus.Sent, MessageStatus.Sent, MessageStatus.Failed, MessageStatus.Pending, MessageStatus.Unknown])
        {
            await MessageData.InsertAsync(app, MessagesApiTests.Message(program, own, MessageChannel.Gateway, status));
        }
        await MessageData.InsertAsync(app, MessagesApiTests.Message(program, other, MessageChannel.Gateway, MessageStatus.Sent));
        await MessageData.InsertAsync(app, MessagesApiTests.Message(program, own, MessageChannel.WhatsAppLink, MessageStatus.Pending)); // by hand: not counted

        var page = await app.PageClientAsync(Roles.ProgramOfficer);
        var html = WebUtility.HtmlDecode(await page.GetStringAsync($"/Messages?program={program.ProgramId}"));
        Assert.Contains("Terkirim 3 dari 6, gagal 1", html, StringComparison.Ordinal);
        Assert.Contains("1 tidak pasti, periksa manual", html, StringComparison.Ordinal);
        Assert.Contains("Muat ulang", html, StringComparison.Ordinal); // without JavaScript, a refresh shows the new figures
        Assert.Contains("/js/message-progress.js", html, StringComparison.Ordinal);

        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var progress = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/messages/progress?programId={program.ProgramId}");
        Assert.Equal(6, progress.GetProperty("total").GetInt32());
        Assert.Equal(3, progress.GetProperty("sent").GetInt32());
        Assert.Equal(1, progress.GetProperty("failed").GetInt32());
        Assert.Equal(1, progress.GetProperty("unknown").GetInt32());
        Assert.Equal(1, progress.GetProperty("waiting").GetInt32());

        // A kelurahan operator counts the messages of their own kelurahan only.
        var operatorApi = await app.ApiClientAsync(Roles.VillageOperator);
        var theirs = await operatorApi.GetFromJsonAsync<JsonElement>($"/api/v1/messages/progress?programId={program.ProgramId}");
        Assert.Equal(5, theirs.GetProperty("total").GetInt32());
        Assert.Equal(2, theirs.GetProperty("sent").GetInt32());
    }

    [Fact]
    public async Task MarkAllIsOfferedOnlyForOpenedLinksAndAForgedFormCannotMarkAnUnopenedOne()
    {
        var program = await MessageData.ProgramAsync(app);
        var first = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Ayu Dibuka");
        var second = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Bagus Dibuka");
        var third = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Citra Belumdibuka");
        var other = await MessageData.ApplicationAsync(app, program, MessageData.OtherVillage, "Dodi Lain");
        var a = (await MessageData.AddAsync(app, MessageData.Draft(program, first)))!.Value;
        var b = (await MessageData.AddAsync(app, MessageData.Draft(program, second)))!.Value;
        var c = (await MessageData.AddAsync(app, MessageData.Draft(program, third)))!.Value;
        var d = (await MessageData.AddAsync(app, MessageData.Draft(program, other)))!.Value;
        var client = await app.PageClientAsync(Roles.VillageOperator);
        var list = $"/Messages?program={program.ProgramId}";

        Assert.DoesNotContain("data-testid=\"mark-all\"", await client.GetStringAsync(list), StringComparison.Ordinal); // nothing opened yet
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/messages/{d}/open")).StatusCode); // another kelurahan's
        Assert.Null((await MessageData.LoadAsync(app, d)).OpenedAt);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/api/v1/messages/{a}/open")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/api/v1/messages/{b}/open")).StatusCode);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(list));
        Assert.Contains("Tandai semua yang tampil sudah terkirim (2)", html, StringComparison.Ordinal);
        Assert.Contains("Buka lagi di WhatsApp", html, StringComparison.Ordinal);
        Assert.NotNull((await MessageData.LoadAsync(app, a)).OpenedAt);

        var form = await TunasFactory.FormAsync(client, list, []);
        var fields = (await form.ReadAsStringAsync()).Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));
        var body = new List<KeyValuePair<string, string>>(fields);
        body.AddRange(new[] { a, b, c }.Select(id => new KeyValuePair<string, string>("ids", id.ToString(CultureInfo.InvariantCulture))));
        var response = await client.PostAsync($"/Messages?handler=sentAll&program={program.ProgramId}", new FormUrlEncodedContent(body));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MessageStatus.Sent, (await MessageData.LoadAsync(app, a)).Status);
        Assert.Equal(MessageStatus.Sent, (await MessageData.LoadAsync(app, b)).Status);
        Assert.Equal(MessageStatus.Pending, (await MessageData.LoadAsync(app, c)).Status); // never opened: certainly not sent
    }
}
