using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using OpenTalk.Client;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Services.CallIn;

/// <summary>
/// One caller from the first prompt to the last: the keypad dialogue for conference id and PIN (checked by the node),
/// then the meeting (<see cref="CallSession"/>'s other part). The caller hangs up whenever they like; the session ends
/// the call itself when the dialogue gives up, the meeting ends or the caller is removed, always after saying why.
/// </summary>
public sealed partial class CallSession(ICallLeg leg, CallInSettings settings, PromptLibrary prompts, Func<CancellationToken, Task<OpenTalkApi>> node, ILogger log)
{
    public Task RunAsync(CancellationToken ct) => RunAsync(KeypadAsync, ct);

    /// <summary>A phone a room called picked up: no keypad, straight into the meeting with the ticket <paramref name="admit"/> gets.</summary>
    public Task RunCalledAsync(Func<CancellationToken, Task<TicketResponse>> admit, CancellationToken ct) =>
        RunAsync(async token => await admit(token), ct);

    private async Task RunAsync(Func<CancellationToken, Task<TicketResponse?>> admit, CancellationToken ct)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(ct, leg.HungUp);
        try
        {
            if (await admit(call.Token) is { } ticket)
                await MeetingAsync(ticket, call.Token);
        }
        catch (OperationCanceledException) when (call.IsCancellationRequested)
        {
            LogHungUp(log, Caller);
            return; // the caller hung up (or the gateway stops): nothing more to say
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or HttpRequestException or OpenTalkApiException)
        {
            // The node went away or stopped answering mid-call: say so rather than leave the caller on a dead line.
            LogMeetingFailed(log, e, Caller);
            await SayToTheEndAsync(call.Token, Prompt.Unavailable).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        if (!leg.HungUp.IsCancellationRequested)
            await leg.HangUpAsync();
    }

    /// <summary>Says the prompts (after a key pressed during them, at once); done when they were heard.</summary>
    private Task SayAsync(IEnumerable<Prompt> what, bool interrupt = true) => leg.Media.PlayAsync(what.Select(p => prompts[p]), interrupt);

    /// <summary>Plays to the end, also when the caller presses keys meanwhile (a goodbye).</summary>
    private async Task SayToTheEndAsync(CancellationToken ct, params Prompt[] what) => await SayAsync(what).WaitAsync(ct);

    /// <summary>The conference id and PIN until the node gives a ticket for them; null when the call is to end.</summary>
    private async Task<TicketResponse?> KeypadAsync(CancellationToken ct)
    {
        var dialogue = new KeypadDialogue();
        var played = SayAsync(KeypadDialogue.Start().Play);
        Task<char>? key = null;
        while (true)
        {
            key ??= leg.Media.Keys.ReadAsync(ct).AsTask();
            var silence = played.ContinueWith(_ => Task.Delay(TimeSpan.FromSeconds(settings.KeySeconds), ct), ct,
                TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            KeypadStep step;
            if (await Task.WhenAny(key, silence) == key)
            {
                var pressed = await key;
                key = null;
                step = dialogue.Press(pressed);
                if (step != KeypadStep.Nothing)
                    leg.Media.StopPrompts(); // a key during a prompt: the caller knows what to do
            }
            else
            {
                ct.ThrowIfCancellationRequested();
                step = dialogue.Silence();
            }
            if (step.Check is var (conferenceId, pin))
            {
                switch (await CheckAsync(conferenceId, pin, ct))
                {
                    case (Checked.Admitted, var ticket):
                        dialogue.Accepted();
                        return ticket;
                    case (Checked.Refused, _):
                        step = dialogue.Refused();
                        break;
                    default:
                        await SayToTheEndAsync(ct, Prompt.Unavailable);
                        return null;
                }
            }
            if (step.HangUp)
            {
                await SayToTheEndAsync(ct, [.. step.Play]);
                return null;
            }
            if (step.Play.Count > 0)
                played = SayAsync(step.Play);
        }
    }

    private enum Checked { Admitted, Refused, Unavailable }

    private async Task<(Checked, TicketResponse?)> CheckAsync(string conferenceId, string pin, CancellationToken ct)
    {
        try
        {
            var api = await node(ct);
            return (Checked.Admitted, await api.StartCallInAsync(conferenceId, pin, ct));
        }
        catch (OpenTalkApiException e) when (e.Status is HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests or HttpStatusCode.UnprocessableEntity)
        {
            LogRefused(log, Caller, e.Code ?? "");
            return (Checked.Refused, null);
        }
        catch (Exception e) when (e is OpenTalkApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogNodeUnavailable(log, e, Caller);
            return (Checked.Unavailable, null);
        }
    }

    /// <summary>How the caller is shown in the meeting: their phone's name, else the last digits of their number.</summary>
    public static string DisplayNameOf(string? callerName, string? callerNumber, int shownDigits)
    {
        if (!string.IsNullOrWhiteSpace(callerName) && callerName.Any(char.IsLetter))
            return callerName.Trim();
        var digits = new string((callerNumber ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 || shownDigits <= 0 ? "Phone"
            : digits.Length <= shownDigits ? $"Phone …{digits}"
            : $"Phone …{digits[^shownDigits..]}";
    }

    private string Caller => DisplayNameOf(leg.CallerName, leg.CallerNumber, settings.ShownDigits);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The meeting of {Caller} failed; the call ends")]
    private static partial void LogMeetingFailed(ILogger log, Exception e, string caller);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Caller} hung up")]
    private static partial void LogHungUp(ILogger log, string caller);

    [LoggerMessage(Level = LogLevel.Information, Message = "The node refused the conference id and PIN of {Caller} ({Code})")]
    private static partial void LogRefused(ILogger log, string caller, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The node could not be asked about {Caller}'s conference id and PIN")]
    private static partial void LogNodeUnavailable(ILogger log, Exception e, string caller);
}
