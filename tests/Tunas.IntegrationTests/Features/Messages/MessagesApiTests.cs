using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Messages;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Messages;

[Collection(SharedApp.Name)]
public sealed class MessagesApiTests(TunasFactory app)
{
    [Fact]
    public async Task AnOfficerListsTheWaitingWhatsAppMessagesOfAProgramWithMaskedNumbersAndLinks()
    {
        var program = await MessageData.ProgramAsync(app);
        var own = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Siti Wahyuni");
        var other = await MessageData.ApplicationAsync(app, program, MessageData.OtherVillage, "Bambang Susilo");
        var ownId = await MessageData.AddAsync(app, MessageData.Draft(program, own));
        await MessageData.AddAsync(app, MessageData.Draft(program, other));
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/messages?programId={program.ProgramId}&status=pending&kind=selectionResult");

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var item = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == ownId);
        Assert.Equal("whatsAppLink", item.GetProperty("channel").GetString());
        Assert.Equal("pending", item.GetProperty("status").GetString());
        Assert.Equal("selectionResult", item.GetProperty("kind").GetString());
        Assert.Equal("Siti Wahyuni", item.GetProperty("recipientName").GetString());
        Assert.Equal(RecipientMask.Phone(own.Phone), item.GetProperty("recipient").GetString());
        Assert.EndsWith(own.Phone[^4..], item.GetProperty("recipient").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(own.Phone[3..^4], item.GetProperty("recipient").GetString(), StringComparison.Ordinal);
        Assert.Equal(own.RegistrationNumber, item.GetProperty("registrationNumber").GetString());
        Assert.Equal(program.Name, item.GetProperty("programName").GetString());
        var link = item.GetProperty("whatsAppUrl").GetString()!;
        Assert.StartsWith($"https://wa.me/{own.Phone[1..]}?text=Selamat%2C%20Anda%20terpilih", link, StringComparison.Ordinal);

        var sent = await client.GetFromJsonAsync<JsonElement>($"/api/v1/messages?programId={program.ProgramId}&status=sent");
        Assert.Equal(0, sent.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task MarkingSentStoresWhoAndWhenOnceAndRefusesAnEmail()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Nur Hidayah");
        var id = (await MessageData.AddAsync(app, MessageData.Draft(program, applicant)))!.Value;
        var email = await MessageData.InsertAsync(app, Message(program, applicant, MessageChannel.Email, MessageStatus.Pending));
        var operatorClient = await app.ApiClientAsync(Roles.VillageOperator);
        var officerClient = await app.ApiClientAsync(Roles.ProgramOfficer);
        var before = DateTime.UtcNow.AddSeconds(-1);

        var response = await operatorClient.PostAsync($"/api/v1/messages/{id}/sent", null);
        var again = await officerClient.PostAsync($"/api/v1/messages/{id}/sent", null);
        var refused = await officerClient.PostAsync($"/api/v1/messages/{email}/sent", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sent", body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stored = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Sent, stored.Status);
        Assert.Equal(await MessageData.UserIdAsync(app, Roles.VillageOperator), stored.SentById); // the first who marked it
        Assert.InRange(stored.SentAt!.Value, before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Hanya pesan tautan WhatsApp", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(MessageStatus.Pending, (await MessageData.LoadAsync(app, email)).Status);
    }

    [Fact]
    public async Task AFailedMessageIsPutBackInTheQueueAndOnlyAFailedOne()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Hadi Purnomo");
        var failed = await MessageData.InsertAsync(app, Message(program, applicant, MessageChannel.Email, MessageStatus.Failed, attempts: 8, error: "SMTP 550 (RecipientNotAccepted): mailbox unavailable"));
        var pending = await MessageData.InsertAsync(app, Message(program, applicant, MessageChannel.Email, MessageStatus.Pending));
        var client = await app.ApiClientAsync(Roles.VillageOperator);

        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/messages?programId={program.ProgramId}&status=failed");
        var response = await client.PostAsync($"/api/v1/messages/{failed}/retry", null);
        var refused = await client.PostAsync($"/api/v1/messages/{pending}/retry", null);

        var item = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal("SMTP 550 (RecipientNotAccepted): mailbox unavailable", item.GetProperty("lastError").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("whatsAppUrl").ValueKind);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await MessageData.LoadAsync(app, failed);
        Assert.Equal(MessageStatus.Pending, stored.Status);
        Assert.Equal(0, stored.Attempts);
        Assert.Null(stored.LastError);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task AKelurahanOperatorNeitherSeesNorChangesAnotherKelurahansMessages()
    {
        var program = await MessageData.ProgramAsync(app);
        var own = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Lina Marlina");
        var other = await MessageData.ApplicationAsync(app, program, MessageData.OtherVillage, "Joko Widodo Uji");
        var ownId = (await MessageData.AddAsync(app, MessageData.Draft(program, own)))!.Value;
        var otherId = (await MessageData.AddAsync(app, MessageData.Draft(program, other)))!.Value;
        var otherFailed = await MessageData.InsertAsync(app, Message(program, other, MessageChannel.Email, MessageStatus.Failed, attempts: 8));
        var noApplication = await MessageData.InsertAsync(app, Message(program, null, MessageChannel.WhatsAppLink, MessageStatus.Pending));
        var client = await app.ApiClientAsync(Roles.VillageOperator);

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/messages?programId={program.ProgramId}&status=");
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

        Assert.Equal([ownId], ids);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/messages/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/messages/{otherId}/sent", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/messages/{noApplication}/sent", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/messages/{otherFailed}/retry", null)).StatusCode);
        Assert.Equal(MessageStatus.Pending, (await MessageData.LoadAsync(app, otherId)).Status);
        Assert.Equal(MessageStatus.Failed, (await MessageData.LoadAsync(app, otherFailed)).Status);
        // The officer sees them all.
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var all = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/messages?programId={program.ProgramId}&status=");
        Assert.Equal(4, all.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnotherAgencysMessagesAreNotFoundEvenForAnAdministrator()
    {
        int otherAgency;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var agency = new Agency { Name = "Dinas Sosial Kabupaten Lain", UpdatedAt = DateTime.UtcNow };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            otherAgency = agency.Id;
        }
        var id = await MessageData.InsertAsync(app, new OutboxMessage
        {
            AgencyId = otherAgency,
            DedupeKey = "other-agency:" + MessageData.Next(),
            Kind = MessageKind.SelectionResult,
            Channel = MessageChannel.WhatsAppLink,
            Recipient = "+6281299990000",
            Body = "Pesan instansi lain.",
            Status = MessageStatus.Pending,
            CreatedAt = DateTime.UtcNow,
            NextAttemptAt = DateTime.UtcNow,
        });
        var client = await app.ApiClientAsync(Roles.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/messages/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/messages/{id}/sent", null)).StatusCode);
        Assert.Equal(MessageStatus.Pending, (await MessageData.LoadAsync(app, id)).Status);
    }

    [Theory]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.Facilitator)]
    [InlineData(Roles.Participant)]
    [InlineData(Roles.Leadership)]
    public async Task OtherRolesAreRefused(string role)
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Refused Role");
        var id = (await MessageData.AddAsync(app, MessageData.Draft(program, applicant)))!.Value;
        var client = await app.ApiClientAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/messages/{id}/sent", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/messages/{id}/retry", null)).StatusCode);
        Assert.Equal(MessageStatus.Pending, (await MessageData.LoadAsync(app, id)).Status);
    }

    [Fact]
    public async Task AnonymousCallersAreAskedToSignIn()
    {
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/messages/1/sent", null)).StatusCode);
    }

    [Fact]
    public async Task WrongFiltersAreExplainedInIndonesian()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.GetAsync("/api/v1/messages?status=terkirim&kind=x&channel=sms&page=0&pageSize=500");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("'terkirim' tidak termasuk pilihan: pending, sent, failed, sending, unknown.", errors.GetProperty("status")[0].GetString());
        Assert.StartsWith("'x' tidak termasuk pilihan: selectionResult, appealAnswer", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("'sms' tidak termasuk pilihan: whatsAppLink, email, gateway.", errors.GetProperty("channel")[0].GetString());
        Assert.Equal("Nomor halaman dimulai dari 1.", errors.GetProperty("page")[0].GetString());
        Assert.Equal("Satu halaman memuat 1 sampai 100 pesan.", errors.GetProperty("pageSize")[0].GetString());
    }

    internal static OutboxMessage Message(MessageData.ProgramRows program, MessageData.ApplicationRows? applicant, MessageChannel channel, MessageStatus status, int attempts = 0, string? error = null) => new()
    {
        AgencyId = program.AgencyId,
        DedupeKey = $"test:{channel}:{status}:{MessageData.Next()}",
        Kind = MessageKind.SelectionResult,
        Channel = channel,
        Recipient = channel == MessageChannel.Email ? $"warga{MessageData.Next()}@warga.test" : applicant?.Phone ?? "+6281200001111",
        RecipientName = applicant?.FullName,
        Subject = "Hasil seleksi",
        Body = $"Pesan uji {channel} {status}.",
        ApplicationId = applicant?.ApplicationId,
        ProgramId = program.ProgramId,
        Status = status,
        Attempts = attempts,
        LastError = error,
        CreatedAt = DateTime.UtcNow,
        NextAttemptAt = DateTime.UtcNow,
    };
}
