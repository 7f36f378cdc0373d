using Microsoft.Extensions.Options;
using MimeKit;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Host.Apis;
using OpenTalk.Host.Auth;
using OpenTalk.Projections.Mail;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Mail;

/// <summary>
/// Sends what the mail outbox holds: resolves the recipient's address and language, builds the message from the
/// meeting as it is now, and hands it to the transport. Failures are retried with growing pauses; the API call that
/// caused a mail never waits for it. Every node runs one; leases keep them from sending the same mail twice.
/// </summary>
public sealed partial class MailDispatcher(
    MailOutbox outbox,
    EngineGateway engine,
    UserDirectory directory,
    IMailTransport transport,
    IOptions<MailSettings> options,
    TimeProvider clock,
    ILogger<MailDispatcher> log) : BackgroundService
{
    private const int BatchSize = 20;
    private readonly MailSettings _settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(_settings.PollIntervalMilliseconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var mail in await outbox.ClaimDueAsync(clock.GetUtcNow(), BatchSize, stoppingToken))
                    await SendOneAsync(mail, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(log, e);
            }
        }
    }

    private async Task SendOneAsync(QueuedMail mail, CancellationToken ct)
    {
        try
        {
            var message = await ComposeAsync(mail, ct);
            if (message.Message is null)
            {
                await outbox.MarkSkippedAsync(mail, message.Skipped!, ct);
                LogSkipped(log, mail.Id, message.Skipped!);
                return;
            }
            await transport.SendAsync(message.Message, ct);
            await outbox.MarkSentAsync(mail, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await outbox.MarkFailedAsync(mail, e.Message, clock.GetUtcNow(), _settings.MaxAttempts, CancellationToken.None);
            LogSendFailed(log, mail.Id, mail.Attempts + 1, e);
        }
    }

    private async Task<(MimeMessage? Message, string? Skipped)> ComposeAsync(QueuedMail mail, CancellationToken ct)
    {
        var reply = await engine.AskEventAsync(new GetEvent(new ScheduledEventId(mail.EventId), IncludeCancelled: true), ct);
        if (reply.Event is not { } evt)
            return (null, "the meeting does not exist");
        var recipient = await PersonAsync(mail.InviteeKey, ct);
        if (recipient?.Email is null)
            return (null, "no e-mail address is known for the recipient");
        var creator = await directory.FindAsync(evt.CreatedBy, ct);
        var from = MailboxAddress.Parse(_settings.From);
        var organizer = new CalendarPerson(creator?.DisplayName ?? from.Name ?? "OpenTalk", creator?.Email ?? from.Address);

        var attendees = new List<(CalendarPerson, string)>();
        if (mail.Kind == MailKind.Uninvite)
        {
            attendees.Add((new CalendarPerson(recipient.DisplayName, recipient.Email), "DECLINED"));
        }
        else
        {
            foreach (var invitee in evt.Invitees.Values.OrderBy(i => i.Key, StringComparer.Ordinal))
            {
                if (await PersonAsync(invitee.Key, ct) is { Email: { } email } person)
                    attendees.Add((new CalendarPerson(person.DisplayName, email), PartStat(invitee.Status)));
            }
        }
        var sip = await engine.AskMeetingAsync<SipReply>(new GetSip(evt.RoomId), ct);
        var invitation = new InvitationMail(mail.Kind, evt, new CalendarPerson(recipient.DisplayName, recipient.Email),
            mail.IsCreatorCopy ? null : evt.Invitees.GetValueOrDefault(mail.InviteeKey)?.Role,
            mail.IsCreatorCopy, organizer, attendees, sip.Sip, recipient.Locale ?? _settings.DefaultLanguage);
        return (InvitationMessage.Build(invitation, _settings, clock.GetUtcNow()), null);
    }

    /// <summary>A registered user from the directory, or an e-mail invitee as just their address.</summary>
    private async Task<KnownUser?> PersonAsync(string inviteeKey, CancellationToken ct)
    {
        var invitee = new Invitee(inviteeKey, InviteeRole.User, InviteeStatus.Pending);
        if (invitee.Email is { } email)
            return new KnownUser(Guid.Empty, email, email, null);
        return invitee.UserId is { } id ? await directory.FindAsync(id, ct) : null;
    }

    private static string PartStat(InviteeStatus status) => status switch
    {
        InviteeStatus.Accepted => "ACCEPTED",
        InviteeStatus.Tentative => "TENTATIVE",
        InviteeStatus.Declined => "DECLINED",
        _ => "NEEDS-ACTION",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} failed (attempt {Attempt}); it is retried later")]
    private static partial void LogSendFailed(ILogger logger, string mailId, int attempt, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} not sent: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string mailId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail pass failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception error);
}
