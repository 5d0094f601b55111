using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Messages;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.IntegrationTests.Features.Messages;

/// <summary>Storing messages: one per event key, the channel by configuration, never a NIK. The app has no e-mail or gateway.</summary>
[Collection(SharedApp.Name)]
public sealed class OutboxTests(TunasFactory app)
{
    [Fact]
    public async Task TheSameEventIsStoredOnceWhetherRepeatedInOneSaveOrLater()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Sri Rahayu");
        var draft = MessageData.Draft(program, applicant);

        using (var scope = app.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            Assert.True(await outbox.AddAsync(draft));
            Assert.False(await outbox.AddAsync(draft with { Body = "Teks lain untuk peristiwa yang sama." }));
            await scope.ServiceProvider.GetRequiredService<TunasDb>().SaveChangesAsync();
        }
        Assert.Null(await MessageData.AddAsync(app, draft));

        using var check = app.Services.CreateScope();
        var stored = await check.ServiceProvider.GetRequiredService<TunasDb>().OutboxMessages.AsNoTracking()
            .Where(m => m.DedupeKey == draft.DedupeKey).ToListAsync();
        var message = Assert.Single(stored);
        Assert.Equal(draft.Body, message.Body);
        Assert.Equal(MessageStatus.Pending, message.Status);
    }

    [Fact]
    public async Task ManyMessagesAtOnceSkipKeysAlreadyStoredOrRepeatedAndThoseNobodyCanReceive()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Sri Banyak");
        var stored = MessageData.Draft(program, applicant);
        Assert.NotNull(await MessageData.AddAsync(app, stored));

        using var scope = app.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var fresh = stored with { DedupeKey = stored.DedupeKey + ":baru" };
        var added = await outbox.AddRangeAsync([stored, fresh, fresh with { Body = "Ulang." }, fresh with { DedupeKey = fresh.DedupeKey + ":x", Phone = null, Email = null }]);
        await scope.ServiceProvider.GetRequiredService<TunasDb>().SaveChangesAsync();

        Assert.Equal(1, added);
        using var check = app.Services.CreateScope();
        var keys = await check.ServiceProvider.GetRequiredService<TunasDb>().OutboxMessages.AsNoTracking()
            .Where(m => m.DedupeKey.StartsWith(stored.DedupeKey)).Select(m => m.DedupeKey).ToListAsync();
        Assert.Equal([stored.DedupeKey, fresh.DedupeKey], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WithoutEmailOrGatewayAPhoneMessageBecomesAWhatsAppLinkAndNoPhoneMeansNoMessage()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Yuni Astuti");

        var id = await MessageData.AddAsync(app, MessageData.Draft(program, applicant, email: "yuni@warga.test"));
        var none = await MessageData.AddAsync(app, MessageData.Draft(program, applicant, phone: null, email: "yuni@warga.test", key: "selection:no-phone:" + applicant.RegistrationNumber));

        var message = await MessageData.LoadAsync(app, id!.Value);
        Assert.Equal(MessageChannel.WhatsAppLink, message.Channel);
        Assert.Equal(applicant.Phone, message.Recipient);
        Assert.Equal(program.AgencyId, message.AgencyId);
        Assert.Equal(applicant.ApplicationId, message.ApplicationId);
        Assert.Null(none);
    }

    [Fact]
    public async Task AMessageCarryingANikIsRefusedAndNothingIsStored()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Eko Prasetyo");
        var draft = MessageData.Draft(program, applicant) with { Body = "NIK Anda 3572031508935999 terdaftar." };

        using var scope = app.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        await Assert.ThrowsAsync<ArgumentException>(() => outbox.AddAsync(draft));
        await Assert.ThrowsAsync<ArgumentException>(() => outbox.AddAsync(draft with { Body = new string('a', Outbox.MaxBodyLength + 1) }));
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        await db.SaveChangesAsync();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.DedupeKey == draft.DedupeKey));
    }

    [Fact]
    public async Task TheMessageTextsUseTheConfiguredStatusPage()
    {
        var texts = app.Services.GetRequiredService<MessageTexts>();

        var text = texts.Promotion("Pelatihan Wirausaha 2025", "TNS-25-ABCD-EFGH");

        // No Messages:PublicBaseUrl in this app: still an absolute link (a request's host, else the app's own), never "/Status" alone.
        Assert.Matches("^https?://[^/]+/Status$", texts.StatusUrl);
        Assert.EndsWith("Cek status di " + texts.StatusUrl, text.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(" /Status", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAPublicAddressTheAppStartsAndWarnsOnce()
    {
        using var client = app.CreateClient();
        Assert.True((await client.GetAsync("/")).IsSuccessStatusCode);

        Assert.Single(app.LogLines, l => l.Contains("Messages:PublicBaseUrl is not set", StringComparison.Ordinal));
    }
}
