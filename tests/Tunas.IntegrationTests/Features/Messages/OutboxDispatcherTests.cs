using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Messages;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.IntegrationTests.Features.Messages;

/// <summary>The sender against a real SMTP server and a real HTTP gateway, on a clock the test moves.</summary>
[Collection(MessagesAppGroup.Name)]
public sealed class OutboxDispatcherTests(MessagesApp app)
{
    private OutboxDispatcher Dispatcher => app.Services.GetRequiredService<OutboxDispatcher>();

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task AnEmailArrivesOnceWithItsSubjectAndBody()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Siti Aminah");
        var address = $"siti.{applicant.ApplicationId}@warga.test";
        var id = (await MessageData.AddAsync(app, MessageData.Draft(program, applicant, email: address)))!.Value;
        Assert.Equal(MessageChannel.Email, (await MessageData.LoadAsync(app, id)).Channel);

        var pass = await Dispatcher.DispatchDueAsync(CancellationToken.None);
        var again = await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.True(pass.Sent >= 1);
        var mail = Assert.Single(app.Smtp.To(address));
        Assert.Equal($"Hasil seleksi {program.Name}", mail.Subject);
        Assert.Contains($"No. pendaftaran: {applicant.RegistrationNumber}", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("Siti Aminah", mail.To.Mailboxes.Single().Name);
        Assert.Equal("noreply@uji.test", mail.From.Mailboxes.Single().Address);
        Assert.Equal(SmtpMailer.ReferenceId($"selection:{program.ProgramId}:{applicant.RegistrationNumber}", "uji.test"), mail.MessageId);
        Assert.DoesNotContain(applicant.RegistrationNumber, mail.MessageId, StringComparison.Ordinal);
        var stored = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Sent, stored.Status);
        Assert.Equal(Now, stored.SentAt);
        Assert.Equal(1, stored.Attempts);
        Assert.Null(stored.LastError);
        Assert.Equal(0, again.Claimed);
    }

    [Fact]
    public async Task ARefusedRecipientIsRetriedWithGrowingWaitsAndThenMarkedFailed()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Tolak Santoso");
        var address = $"tolak.{applicant.ApplicationId}@warga.test";
        var id = (await MessageData.AddAsync(app, MessageData.Draft(program, applicant, email: address)))!.Value;

        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        var first = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Pending, first.Status);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(Now.AddMinutes(1), first.NextAttemptAt);
        Assert.StartsWith("SMTP 550", first.LastError, StringComparison.Ordinal);

        // Not due before its time.
        app.Clock.Advance(TimeSpan.FromSeconds(59));
        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(1, (await MessageData.LoadAsync(app, id)).Attempts);

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        var second = await MessageData.LoadAsync(app, id);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(Now.AddMinutes(2), second.NextAttemptAt);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var last = await Dispatcher.DispatchDueAsync(CancellationToken.None);
        var failed = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Failed, failed.Status);
        Assert.Equal(MessagesApp.MaxAttempts, failed.Attempts);
        Assert.True(last.GaveUp >= 1);
        Assert.Null(failed.SentAt);
        Assert.Empty(app.Smtp.To(address));

        // A failed message stays failed until someone retries it.
        app.Clock.Advance(TimeSpan.FromHours(2));
        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(MessagesApp.MaxAttempts, (await MessageData.LoadAsync(app, id)).Attempts);

        // Neither the error nor any log line carries the address or the body.
        Assert.DoesNotContain(address, failed.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(app.LogLines, l => l.Contains(address, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(app.LogLines, l => l.Contains(failed.Body, StringComparison.Ordinal));
        Assert.Contains(app.LogLines, l => l.Contains($"Message {id} ", StringComparison.Ordinal) && l.Contains("t•••@warga.test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATemporaryServerErrorIsRetriedAndTheMailThenArrivesOnce()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Dewi Lestari");
        var address = $"dewi.{applicant.ApplicationId}@warga.test";
        var id = (await MessageData.AddAsync(app, MessageData.Draft(program, applicant, email: address)))!.Value;
        app.Smtp.FailNext = 1;

        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        var first = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Pending, first.Status);
        Assert.StartsWith("SMTP 421", first.LastError, StringComparison.Ordinal);
        Assert.Empty(app.Smtp.To(address));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Single(app.Smtp.To(address));
        var sent = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task AGatewayMessageIsPostedOnceWithItsReferenceAsIdempotencyKey()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Budi Hartono");
        var draft = MessageData.Draft(program, applicant);
        var id = (await MessageData.AddAsync(app, draft))!.Value;
        Assert.Equal(MessageChannel.Gateway, (await MessageData.LoadAsync(app, id)).Channel);

        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        var call = Assert.Single(app.Gateway.For(draft.DedupeKey));
        Assert.Equal(applicant.Phone, call.To);
        Assert.Equal(draft.Body, call.Body);
        Assert.Equal(draft.DedupeKey, call.IdempotencyKey);
        Assert.Equal("Bearer " + MessagesApp.GatewayToken, call.Authorization);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        Assert.Equal(["to", "body", "reference"], call.Fields);
        var stored = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Sent, stored.Status);
        Assert.Equal(Now, stored.SentAt);
    }

    [Fact]
    public async Task AGatewayAnswering500IsTriedAgainLaterWithTheSameKey()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Rina Wati");
        var draft = MessageData.Draft(program, applicant);
        app.Gateway.FailFirst[draft.DedupeKey] = 1;
        var id = (await MessageData.AddAsync(app, draft))!.Value;

        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        var first = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Pending, first.Status);
        Assert.Equal("The gateway answered HTTP 500.", first.LastError);
        Assert.Equal(Now.AddMinutes(1), first.NextAttemptAt);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        var calls = app.Gateway.For(draft.DedupeKey);
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal(draft.DedupeKey, c.IdempotencyKey));
        Assert.Equal(MessageStatus.Sent, (await MessageData.LoadAsync(app, id)).Status);
        Assert.DoesNotContain(app.LogLines, l => l.Contains(applicant.Phone, StringComparison.Ordinal) || l.Contains(applicant.Phone[1..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoInstancesRacingOverTheSameMessagesSendEachOnce()
    {
        var program = await MessageData.ProgramAsync(app);
        var keys = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, $"Peserta Balapan {i}");
            var draft = MessageData.Draft(program, applicant, email: i % 3 == 0 ? $"balapan.{applicant.ApplicationId}@warga.test" : null);
            Assert.NotNull(await MessageData.AddAsync(app, draft));
            keys.Add(draft.DedupeKey);
        }
        // Two instances of the app: each its own dispatcher, its own database connections, the same database.
        var first = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services);
        var second = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services);
        app.Gateway.Delay = TimeSpan.FromMilliseconds(15);
        DispatchResult[] passes;
        try
        {
            using var start = new SemaphoreSlim(0, 2);
            var a = Task.Run(async () => { await start.WaitAsync(); return await first.DispatchDueAsync(CancellationToken.None); });
            var b = Task.Run(async () => { await start.WaitAsync(); return await second.DispatchDueAsync(CancellationToken.None); });
            start.Release(2);
            passes = await Task.WhenAll(a, b);
        }
        finally
        {
            app.Gateway.Delay = TimeSpan.Zero;
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var stored = await db.OutboxMessages.AsNoTracking().Where(m => m.ProgramId == program.ProgramId).ToListAsync();
        Assert.Equal(24, stored.Count);
        Assert.All(stored, m => Assert.Equal(MessageStatus.Sent, m.Status));
        Assert.All(stored, m => Assert.Equal(1, m.Attempts));
        foreach (var m in stored)
        {
            var deliveries = m.Channel == MessageChannel.Email ? app.Smtp.To(m.Recipient).Count : app.Gateway.For(m.DedupeKey).Count;
            Assert.True(deliveries == 1, $"{m.DedupeKey} was delivered {deliveries} times.");
        }
        Assert.True(passes.Sum(p => p.Due) > 24, "Both instances found the same messages due, so their claims met.");
        Assert.True(passes.Sum(p => p.Claimed) >= 24);
        Assert.Equal(passes.Sum(p => p.Claimed), passes.Sum(p => p.Sent));
    }

    [Fact]
    public async Task AClaimedMessageIsLeftAloneUntilItsLeaseRunsOut()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Agus Lease");
        var draft = MessageData.Draft(program, applicant);
        var id = (await MessageData.AddAsync(app, draft))!.Value;
        // Claimed the way a version before the in-flight mark did (still Pending, the lease in NextAttemptAt), and that
        // instance died: like any message waiting its time, it goes out once the lease is over.
        var lease = Now.AddSeconds(300);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, lease).SetProperty(m => m.Attempts, 1));
        }

        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Empty(app.Gateway.For(draft.DedupeKey));

        app.Clock.Advance(TimeSpan.FromSeconds(300));
        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Single(app.Gateway.For(draft.DedupeKey));
        var sent = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task TheBackgroundSenderWakesWhenAMessageIsStoredAndStopsWhenAsked()
    {
        var options = app.Services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        var running = new MessagingOptions
        {
            SmtpHost = options.SmtpHost,
            SmtpPort = options.SmtpPort,
            SmtpFrom = options.SmtpFrom,
            SmtpSecurity = options.SmtpSecurity,
            GatewayEnabled = true,
            GatewayUrl = options.GatewayUrl,
            SenderEnabled = true,
            PollSeconds = 3600, // only the signal can wake it in time: the test clock does not move
        };
        using var sender = new OutboxSender(
            app.Services.GetRequiredService<OutboxDispatcher>(), app.Services.GetRequiredService<OutboxSignal>(), app.Clock,
            Options.Create(running), app.Services, app.Services.GetRequiredService<ILogger<OutboxSender>>());
        await sender.StartAsync(CancellationToken.None);
        await Task.Delay(200); // let it finish its first pass and wait

        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Wahyu Bangun");
        var draft = MessageData.Draft(program, applicant);
        var id = (await MessageData.AddAsync(app, draft))!.Value;

        var status = MessageStatus.Pending;
        // Sending is the in-flight mark between the claim and the gateway's answer: wait through it too.
        for (var i = 0; i < 100 && status is MessageStatus.Pending or MessageStatus.Sending; i++)
        {
            await Task.Delay(100);
            status = (await MessageData.LoadAsync(app, id)).Status;
        }
        Assert.Equal(MessageStatus.Sent, status);
        Assert.Single(app.Gateway.For(draft.DedupeKey));

        var stop = sender.StopAsync(CancellationToken.None);
        Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(5))));
        Assert.True(sender.ExecuteTask!.IsCompletedSuccessfully);
    }
}
