using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OpenTalk.Client;
using OpenTalk.Protocol.Rest;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Services.CallIn;

/// <summary>
/// The caller in the meeting: joined (through the waiting room when it is on) under their display name, their voice
/// published into the room, everyone's microphone forwarded into the mix they hear; <c>*1</c> mutes and unmutes,
/// <c>*2</c> raises and lowers the hand, a moderator's mute and removal reach them.
/// </summary>
public sealed partial class CallSession
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan WaitingPromptEvery = TimeSpan.FromSeconds(30);

    private sealed record SocketClosed;

    private sealed record Key(char Value);

    private async Task MeetingAsync(TicketResponse ticket, CancellationToken ct)
    {
        await using var signaling = await SignalingClient.ConnectAsync(settings.Node!, ticket.Ticket, ct);
        await signaling.JoinAsync(Caller, ct);
        var answer = await signaling.WaitForAsync(m => m.Message is "join_success" or "in_waiting_room" or "join_blocked" or "error", AnswerTimeout);
        if (answer.Message == "in_waiting_room")
            answer = await WaitingRoomAsync(signaling, ct);
        if (answer.Message != "join_success")
        {
            LogNotAdmitted(log, Caller, answer.Raw);
            await SayToTheEndAsync(ct, answer.Message is "kicked" or "banned" ? Prompt.Removed : Prompt.Unavailable);
            return;
        }
        var me = answer.Payload.GetProperty("id").GetGuid();
        LogJoined(log, Caller, me);
        _ = SayAsync([Prompt.Joined]);

        using var room = RoomAudioMix.Start(settings.RoomRtpAddress, log);
        leg.Media.RoomAudio = room.NextFrame;
        var state = new InMeeting(signaling, room, me);
        try
        {
            await state.SendAsync(Namespaces.CallIn, "publish", null, ct);
            foreach (var participant in answer.Payload.GetProperty("participants").EnumerateArray())
                await HearAsync(state, participant, ct);
            await LoopAsync(state, ct);
        }
        finally
        {
            leg.Media.RoomAudio = null;
            leg.Media.AudioReceived -= state.Relay;
            state.Uplink?.Dispose();
            if (!signaling.CloseStatus.HasValue)
                await signaling.SendAsync(Namespaces.Control, "leave", null, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>The waiting room: a prompt now and then until a moderator lets the caller in.</summary>
    private async Task<ServerMessage> WaitingRoomAsync(SignalingClient signaling, CancellationToken ct)
    {
        LogWaiting(log, Caller);
        while (true)
        {
            await SayAsync([Prompt.WaitingRoom]);
            try
            {
                var next = await signaling.WaitForAsync(m => m.Message is "accepted" or "kicked" or "banned" or "error", WaitingPromptEvery).WaitAsync(ct);
                if (next.Message != "accepted")
                    return next;
                await signaling.SendAsync(Namespaces.Control, "enter_room", null, ct);
                return await signaling.WaitForAsync(m => m.Message is "join_success" or "join_blocked" or "kicked" or "banned" or "error", AnswerTimeout);
            }
            catch (TimeoutException)
            {
                // still waiting: say it again
            }
        }
    }

    private sealed class InMeeting(SignalingClient signaling, RoomAudioMix room, Guid me)
    {
        public SignalingClient Signaling { get; } = signaling;
        public RoomAudioMix Room { get; } = room;
        public Guid Me { get; } = me;
        public CallUplink? Uplink { get; set; }
        public bool Muted { get; set; }
        public bool HandRaised { get; set; }
        public bool Star { get; set; }
        public Action<short[]> Relay => samples => Uplink?.Send(samples);

        /// <summary>
        /// Sends unless the node closed the socket meanwhile (e.g. right after removing the caller): then the loop
        /// reads what came before the close (the reason) and says goodbye; failing here would leave the call open.
        /// </summary>
        public async Task SendAsync(string ns, string action, object? fields, CancellationToken ct)
        {
            try
            {
                await Signaling.SendAsync(ns, action, fields, ct);
            }
            catch (WebSocketException) when (Signaling.State != WebSocketState.Open)
            {
                // closed: the reader ends the loop
            }
        }
    }

    private async Task LoopAsync(InMeeting state, CancellationToken ct)
    {
        var inbox = Channel.CreateUnbounded<object>();
        var reading = Task.Run(async () =>
        {
            try
            {
                while (await state.Signaling.ReadAsync(ct) is { } message)
                    inbox.Writer.TryWrite(message);
            }
            catch (OperationCanceledException)
            {
                // the call ended, or the socket broke: both end the loop
            }
            inbox.Writer.TryWrite(new SocketClosed());
        }, ct);
        var keys = Task.Run(async () =>
        {
            await foreach (var key in leg.Media.Keys.ReadAllAsync(ct))
                inbox.Writer.TryWrite(new Key(key));
        }, ct);
        await foreach (var item in inbox.Reader.ReadAllAsync(ct))
        {
            switch (item)
            {
                case SocketClosed:
                    LogMeetingGone(log, Caller, state.Signaling.CloseReason ?? "");
                    await SayToTheEndAsync(ct, Prompt.MeetingEnded);
                    return;
                case Key key:
                    await OnKeyAsync(state, key.Value, ct);
                    break;
                case ServerMessage message when await OnMessageAsync(state, message, ct) is { } goodbye:
                    await SayToTheEndAsync(ct, goodbye);
                    return;
            }
        }
    }

    /// <summary>The prompt to end the call with, or null to go on.</summary>
    private async Task<Prompt?> OnMessageAsync(InMeeting state, ServerMessage m, CancellationToken ct)
    {
        switch (m.Namespace, m.Message)
        {
            case (Namespaces.Media, "call_publishing"):
                var janus = new IPEndPoint(IPAddress.Parse(m.Payload.GetProperty("host").GetString()!), m.Payload.GetProperty("port").GetInt32());
                leg.Media.AudioReceived -= state.Relay;
                state.Uplink?.Dispose();
                state.Uplink = new CallUplink(settings.RoomRtpAddress, janus, m.Payload.GetProperty("ssrc").GetUInt32()) { Muted = state.Muted };
                leg.Media.AudioReceived += state.Relay;
                break;
            case (Namespaces.Media, "webrtc_down") when m.Payload.GetProperty("source").GetGuid() == state.Me:
                await state.SendAsync(Namespaces.CallIn, "publish", null, ct); // its media server went: anew
                break;
            case (Namespaces.Media, "request_mute") when !state.Muted:
                await SetMutedAsync(state, true, ct);
                break;
            case (Namespaces.Control, "joined" or "update"):
                await HearAsync(state, m.Payload, ct);
                break;
            case (Namespaces.Control, "left"):
                await StopHearingAsync(state, m.Payload.GetProperty("id").GetGuid(), ct);
                break;
            case (Namespaces.Moderation, "kicked" or "banned"):
                return Prompt.Removed;
            case (Namespaces.Moderation, "session_ended"):
                return Prompt.MeetingEnded;
        }
        return null;
    }

    /// <summary>Someone with a microphone in the room is forwarded into the mix (the mix listens first).</summary>
    private async Task HearAsync(InMeeting state, JsonElement participant, CancellationToken ct)
    {
        var id = participant.GetProperty("id").GetGuid();
        if (id == state.Me)
            return;
        var hasAudio = participant.TryGetProperty("media", out var media) && media.ValueKind == JsonValueKind.Object
            && media.TryGetProperty("video", out var session) && session.ValueKind == JsonValueKind.Object;
        if (!hasAudio)
        {
            await StopHearingAsync(state, id, ct);
            return;
        }
        if (state.Room.Has(id))
            return;
        var port = FreeUdpPort(settings.RoomRtpAddress);
        state.Room.Add(id, port);
        await state.SendAsync(Namespaces.CallIn, "forward", new { target = id, host = settings.RoomRtpAddress, audio_port = port }, ct);
    }

    private async Task StopHearingAsync(InMeeting state, Guid id, CancellationToken ct)
    {
        if (!state.Room.Has(id))
            return;
        state.Room.Remove(id);
        await state.SendAsync(Namespaces.CallIn, "stop_forward", new { target = id }, ct);
    }

    /// <summary><c>*1</c> mute, <c>*2</c> hand; keys not after a star mean nothing in the meeting.</summary>
    private async Task OnKeyAsync(InMeeting state, char key, CancellationToken ct)
    {
        if (key == '*')
        {
            state.Star = true;
            return;
        }
        var afterStar = state.Star;
        state.Star = false;
        if (!afterStar)
            return;
        if (key == '1')
            await SetMutedAsync(state, !state.Muted, ct);
        else if (key == '2')
        {
            state.HandRaised = !state.HandRaised;
            await state.SendAsync(Namespaces.Control, state.HandRaised ? "raise_hand" : "lower_hand", null, ct);
            _ = SayAsync([state.HandRaised ? Prompt.HandRaised : Prompt.HandLowered]);
        }
    }

    private async Task SetMutedAsync(InMeeting state, bool muted, CancellationToken ct)
    {
        state.Muted = muted;
        if (state.Uplink is { } uplink)
            uplink.Muted = muted;
        await state.SendAsync(Namespaces.Media, "update_media_session",
            new { media_session_type = "video", media_session_state = new { audio = !muted, video = false } }, ct);
        _ = SayAsync([muted ? Prompt.Muted : Prompt.Unmuted]);
    }

    private static int FreeUdpPort(string address)
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Parse(address), 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Caller} joined the meeting as {Participant}")]
    private static partial void LogJoined(ILogger log, string caller, Guid participant);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Caller} waits in the waiting room")]
    private static partial void LogWaiting(ILogger log, string caller);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Caller} was not let into the meeting: {Answer}")]
    private static partial void LogNotAdmitted(ILogger log, string caller, string answer);

    [LoggerMessage(Level = LogLevel.Information, Message = "The meeting of {Caller} ended ({Reason})")]
    private static partial void LogMeetingGone(ILogger log, string caller, string reason);
}
