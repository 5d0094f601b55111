using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Messages;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Messages;

/// <summary>
/// At most once on our side (issue 11): a send is marked in flight before it leaves, and one whose answer never came
/// (its instance died, the connection dropped) is reconciled with the gateway, never sent again by itself.
/// </summary>
[Collection(MessagesAppGroup.Name)]
public sealed class InFlightSendTests(MessagesApp app)
{
    private OutboxDispatcher Dispatcher => app.Services.GetRequiredService<OutboxDispatcher>();

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task TheGatewayRequestHasAContentLengthAndIsNotChunked()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Lina Panjang");
        var draft = MessageData.Draft(program, applicant);
        var id = (await MessageData.AddAsync(app, draft))!.Value;

        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        var call = Assert.Single(app.Gateway.For(draft.DedupeKey));
        Assert.True(call.ContentLength > 0, "The request carries a Content-Length.");
        Assert.DoesNotContain("chunked", call.TransferEncoding ?? "", StringComparison.OrdinalIgnoreCase);
        var stored = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Sent, stored.Status);
        Assert.Equal(app.Gateway.Ids[draft.DedupeKey], stored.GatewayReference); // the gateway's own id is kept
    }

    [Fact]
    public async Task ASendWhoseInstanceDiedBeforeTheAnswerIsReconciledWithTheGatewayAndNotSentAgain()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Tuti Terputus");
        var draft = MessageData.Draft(program, applicant);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Gateway.Hold[draft.DedupeKey] = hold;
        var id = (await MessageData.AddAsync(app, draft))!.Value;
        var dying = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services);
        var live = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services);

        // The first instance sends and hangs before it hears the answer: as good as dead for the others.
        var deadPass = Task.Run(() => dying.DispatchDueAsync(CancellationToken.None));
        await WaitUntilAsync(() => app.Gateway.For(draft.DedupeKey).Count == 1);
        var inFlight = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Sending, inFlight.Status); // marked (and committed) before the request left
        Assert.Equal(1, inFlight.Attempts);

        // Within its lease nobody touches it; after the lease the live instance asks the gateway instead of resending.
        await live.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(MessageStatus.Sending, (await MessageData.LoadAsync(app, id)).Status);
        app.Clock.Advance(TimeSpan.FromSeconds(301));
        var pass = await live.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, pass.Reconciled);
        var settled = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Sent, settled.Status);
        Assert.Equal(app.Gateway.Ids[draft.DedupeKey], settled.GatewayReference);
        Assert.Single(app.Gateway.For(draft.DedupeKey));

        // The hung instance wakes up: its late answer changes nothing, and nothing goes out again.
        hold.SetResult();
        var late = await deadPass;
        Assert.Equal(0, late.Sent);
        app.Clock.Advance(TimeSpan.FromHours(3));
        await live.DispatchDueAsync(CancellationToken.None);
        Assert.Single(app.Gateway.For(draft.DedupeKey));
        Assert.Equal(MessageStatus.Sent, (await MessageData.LoadAsync(app, id)).Status);
    }

    [Fact]
    public async Task AnInterruptedSendTheGatewayCannotConfirmWaitsForAnOfficerWhoResendsItOnPurpose()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Umi Tidakpasti");
        var draft = MessageData.Draft(program, applicant);
        app.Gateway.Drop[draft.DedupeKey] = true;
        app.Gateway.NoLookup[draft.DedupeKey] = true;
        var id = (await MessageData.AddAsync(app, draft))!.Value;

        var first = await Dispatcher.DispatchDueAsync(CancellationToken.None); // the connection drops: no answer
        Assert.True(first.Uncertain >= 1);
        Assert.Equal(MessageStatus.Sending, (await MessageData.LoadAsync(app, id)).Status);
        await Dispatcher.DispatchDueAsync(CancellationToken.None); // the gateway cannot be asked: unknown
        app.Clock.Advance(TimeSpan.FromHours(5));
        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        var unknown = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Unknown, unknown.Status);
        Assert.Single(app.Gateway.For(draft.DedupeKey));
        var page = await app.PageClientAsync(Roles.ProgramOfficer);
        var html = await page.GetStringAsync($"/Messages?status=unknown&program={program.ProgramId}");
        Assert.Contains("Tidak pasti, periksa manual", html, StringComparison.Ordinal);
        Assert.Contains("Kirim ulang (sengaja)", html, StringComparison.Ordinal);

        // The officer checked with the applicant and sends it again: under a new key, so the gateway does not drop it.
        app.Gateway.Drop.TryRemove(draft.DedupeKey, out _);
        var form = await TunasFactory.FormAsync(page, "/Messages", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, (await page.PostAsync("/Messages?handler=retry", form)).StatusCode);
        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        var calls = app.Gateway.For(draft.DedupeKey);
        Assert.Equal(2, calls.Count);
        Assert.NotEqual(draft.DedupeKey, calls[1].IdempotencyKey);
        var resent = await MessageData.LoadAsync(app, id);
        Assert.Equal(MessageStatus.Sent, resent.Status);
        Assert.Equal(calls[1].IdempotencyKey, resent.SendKey);
    }

    [Fact]
    public async Task ASendTheGatewayNeverReceivedGoesOutOnceAfterTheLease()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Vivi Belumsampai");
        var draft = MessageData.Draft(program, applicant);
        var id = (await MessageData.AddAsync(app, draft))!.Value;
        // An instance marked it in flight and died before its request left.
        await MarkInFlightAsync(id, Now.AddSeconds(300));

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
    public async Task AnEmailFoundInFlightAfterACrashIsMarkedUnknownNotSentAgain()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Wati Surel");
        var address = $"wati.{applicant.ApplicationId}@warga.test";
        var id = (await MessageData.AddAsync(app, MessageData.Draft(program, applicant, email: address)))!.Value;
        await MarkInFlightAsync(id, Now);

        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(MessageStatus.Unknown, (await MessageData.LoadAsync(app, id)).Status);
        Assert.Empty(app.Smtp.To(address));
    }

    private async Task MarkInFlightAsync(long id, DateTime lease)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, MessageStatus.Sending)
            .SetProperty(m => m.NextAttemptAt, lease)
            .SetProperty(m => m.Attempts, 1));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }
        Assert.True(condition(), "The gateway did not receive the request in time.");
    }
}
