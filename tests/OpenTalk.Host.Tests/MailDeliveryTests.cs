using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Tests.Shared;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>How mail leaves the node: the outbox folder when no SMTP server is set, and retries while the server is down.</summary>
public sealed class MailDeliveryTests
{
    private static EventRequest Meeting(string title) => new(title, "", null, false, false,
        new DateTimeTz(new DateTime(2027, 3, 1, 9, 0, 0), "Europe/Berlin"), new DateTimeTz(new DateTime(2027, 3, 1, 10, 0, 0), "Europe/Berlin"), null);

    [Fact]
    public async Task Without_an_SMTP_server_mails_are_written_to_the_outbox_folder_on_a_single_machine()
    {
        await using var node = await TestNode.StartAsync(postgres: null, extra: ["--Mail:PollIntervalMilliseconds", "200"]);
        var olga = await node.NewUserAsync("olga");
        var meeting = await olga.CreateEventAsync(Meeting("Local only"));
        await olga.InviteAsync(meeting.Id, new EventInviteRequest(null, "someone@example.org"));

        var outbox = Path.Combine(node.DataFolder, "outbox");
        var mail = Assert.Single(await Mailbox.ForAsync("someone@example.org", folder: outbox));
        Assert.Equal("Invitation: Local only", mail.Subject);
        Assert.Equal("REQUEST", Mailbox.CalendarOf(mail).Method);
        Assert.All(Directory.EnumerateFiles(outbox), f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_the_SMTP_server_is_down_the_API_answers_at_once_and_the_mail_goes_out_when_it_is_back()
    {
        var port = FreePort();
        var maildir = Directory.CreateTempSubdirectory("opentalk-mail-").FullName;
        await using var node = await TestNode.StartAsync(await TestDatabase.CreateAsync(),
            extra: Mailbox.NodeArguments($"127.0.0.1:{port}"));
        var olga = await node.NewUserAsync("olga");
        var meeting = await olga.CreateEventAsync(Meeting("Patience"));

        // The invite succeeds although no mail can be sent: sending never blocks the API.
        await olga.InviteAsync(meeting.Id, new EventInviteRequest(null, "patient@example.org"));
        var outbox = node.Services.GetRequiredService<Projections.Mail.MailOutbox>();
        var retrying = await Poll.UntilAsync(() => outbox.RetryingAsync(CancellationToken.None), r => r.Any(m => m.Id.EndsWith("patient@example.org", StringComparison.Ordinal)));
        var failed = Assert.Single(retrying, m => m.Id.EndsWith("patient@example.org", StringComparison.Ordinal));
        Assert.Contains("refused", failed.Error, StringComparison.OrdinalIgnoreCase); // nobody listens yet

        await Smtp("start", maildir, port);
        try
        {
            var mail = Assert.Single(await Mailbox.ForAsync("patient@example.org", folder: Path.Combine(maildir, "new"), seconds: 60));
            Assert.Equal("Invitation: Patience", mail.Subject);
            var after = await Poll.UntilAsync(() => outbox.CountsAsync(CancellationToken.None), c => !c.ContainsKey("pending"));
            Assert.Equal(1, after.GetValueOrDefault("sent"));
            Assert.Equal(1, after.GetValueOrDefault("skipped")); // the creator's copy: her account has no e-mail address
        }
        finally
        {
            await Smtp("stop", maildir, port);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Smtp(string action, string maildir, int port)
    {
        var script = Path.Combine(Repository.Root, "deploy", "scripts", "smtp.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, action, maildir, port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
    }
}
