using Tunas.Web.Features.Messages;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.UnitTests.Features.Messages;

public class OutboxSettingsTests
{
    [Fact]
    public void TheWaitDoublesFromOneMinuteAndStopsAtOneHour()
    {
        var o = new MessagingOptions();

        var waits = Enumerable.Range(1, 9).Select(a => OutboxDispatcher.Backoff(a, o).TotalMinutes).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], waits);
    }

    [Fact]
    public void TheDefaultsAreUsableAndSendNothingByThemselves()
    {
        var o = new MessagingOptions();

        Assert.Empty(o.Problems());
        Assert.False(o.HasAutomaticChannel);
        Assert.True(o.LeaseSeconds > o.SendTimeoutSeconds);
    }

    [Fact]
    public void WrongSettingsAreNamed()
    {
        var o = new MessagingOptions
        {
            SmtpHost = "smtp.example.id",
            SmtpPort = 0,
            GatewayUrl = "ftp://gateway",
            MaxAttempts = 0,
            LeaseSeconds = 10,
            SendTimeoutSeconds = 30,
        };

        var problems = o.Problems();

        Assert.Contains(problems, p => p.Contains("SmtpFrom", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("SmtpPort", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("GatewayUrl", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("LeaseSeconds must be longer", StringComparison.Ordinal));
    }

    [Fact]
    public void TheMailMessageIdComesFromTheKeyWithoutShowingIt()
    {
        var id = SmtpMailer.ReferenceId("selection:12:TNS-25-7K3Q-9MXD", "dinsos.example.id");

        Assert.Equal(id, SmtpMailer.ReferenceId("selection:12:TNS-25-7K3Q-9MXD", "dinsos.example.id"));
        Assert.NotEqual(id, SmtpMailer.ReferenceId("selection:12:TNS-25-7K3Q-9MXE", "dinsos.example.id"));
        Assert.Matches("^[0-9a-f]{32}@dinsos\\.example\\.id$", id);
        Assert.EndsWith("@tunas.local", SmtpMailer.ReferenceId("k", null), StringComparison.Ordinal);
    }
}
