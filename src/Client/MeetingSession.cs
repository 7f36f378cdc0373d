using System.Net.WebSockets;
using System.Threading.Channels;

namespace OpenTalk.Client;

/// <summary>
/// Someone in a meeting over a signaling socket that comes back by itself, as the web app does:
/// when the socket drops (network, a node stopping with 1001) it asks for a new ticket with its
/// resumption token, reconnects and joins again as the same participant. Services (recorder, SIP
/// gateway) and bots use it; a socket the server closes normally (kicked, banned, left) stays closed.
/// </summary>
public sealed class MeetingSession : IAsyncDisposable
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    private readonly OpenTalkApi _api;
    private readonly Uri _server;
    private readonly Guid _roomId;
    private readonly string _displayName;
    private readonly TimeSpan _giveUpAfter;
    private readonly Channel<ServerMessage> _inbox = Channel.CreateUnbounded<ServerMessage>();
    private readonly CancellationTokenSource _stop = new();
    private string _resumption = "";
    private SignalingClient _socket = null!;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _pump = Task.CompletedTask;

    private MeetingSession(OpenTalkApi api, Uri server, Guid roomId, string displayName, TimeSpan giveUpAfter)
    {
        _api = api;
        _server = server;
        _roomId = roomId;
        _displayName = displayName;
        _giveUpAfter = giveUpAfter;
    }

    /// <summary>The participant id, the same across every resumption.</summary>
    public Guid ParticipantId { get; private set; }

    /// <summary>How often the session came back after its socket dropped.</summary>
    public int Resumptions { get; private set; }

    /// <summary>How the last socket was closed by the server, once the session ended for good.</summary>
    public WebSocketCloseStatus? ClosedWith { get; private set; }

    /// <summary>Joins <paramref name="roomId"/> and returns once <c>join_success</c> arrived.</summary>
    /// <param name="giveUpAfter">How long to keep trying after a drop; the server's resume window (30 s by default) is the useful limit.</param>
    public static async Task<MeetingSession> JoinAsync(OpenTalkApi api, Uri server, Guid roomId, string displayName,
        TimeSpan? giveUpAfter = null, CancellationToken ct = default)
    {
        var session = new MeetingSession(api, server, roomId, displayName, giveUpAfter ?? TimeSpan.FromSeconds(30));
        var ticket = await api.StartAsync(roomId, ct: ct);
        session._resumption = ticket.Resumption;
        await session.ConnectAsync(ticket.Ticket, ct);
        return session;
    }

    /// <summary>Sends a command; while the session is reconnecting, waits for it (up to the give-up time).</summary>
    public async Task SendAsync(string ns, string action, object? fields = null, CancellationToken ct = default)
    {
        await _connected.Task.WaitAsync(_giveUpAfter, ct);
        await _socket.SendAsync(ns, action, fields, ct);
    }

    /// <summary>Waits for the next message that matches, across reconnections, skipping others.</summary>
    public async Task<ServerMessage> WaitForAsync(Func<ServerMessage, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            while (true)
            {
                var message = await _inbox.Reader.ReadAsync(cts.Token);
                if (match(message))
                    return message;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("The expected signaling message did not arrive.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _socket.DisposeAsync();
        await _pump.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ConnectAsync(string ticket, CancellationToken ct, bool resuming = false)
    {
        var socket = await SignalingClient.ConnectAsync(_server, ticket, ct);
        await socket.JoinAsync(_displayName, ct);
        ServerMessage success;
        try
        {
            success = await socket.WaitForAsync(m => m.Message is "join_success" or "join_blocked" or "error");
        }
        catch
        {
            await socket.DisposeAsync();
            throw;
        }
        if (success.Message != "join_success")
        {
            await socket.DisposeAsync();
            throw new InvalidOperationException($"The meeting did not let us in: {success.Raw}");
        }
        ParticipantId = success.Payload.GetProperty("id").GetGuid();
        _socket = socket;
        // Counted before the join_success is handed on: whoever reads it sees the count that goes with it.
        if (resuming)
            Resumptions++;
        await _inbox.Writer.WriteAsync(success, ct);
        _pump = Task.Run(() => PumpAsync(socket), CancellationToken.None);
        _connected.TrySetResult();
    }

    /// <summary>Copies the socket's messages into the session's inbox until it closes, then resumes if it should.</summary>
    private async Task PumpAsync(SignalingClient socket)
    {
        while (true)
        {
            try
            {
                await _inbox.Writer.WriteAsync(await socket.WaitForAsync(_ => true, Timeout.InfiniteTimeSpan));
            }
            catch (WebSocketException)
            {
                break;
            }
        }
        if (_stop.IsCancellationRequested)
            return;
        // Closed by the meeting itself (kicked, banned, the session ended): that is final.
        if (socket.CloseStatus == WebSocketCloseStatus.NormalClosure)
        {
            ClosedWith = socket.CloseStatus;
            _inbox.Writer.TryComplete();
            return;
        }
        _connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await socket.DisposeAsync();
        await ResumeAsync();
    }

    private async Task ResumeAsync()
    {
        var deadline = DateTimeOffset.UtcNow + _giveUpAfter;
        for (var attempt = 0; DateTimeOffset.UtcNow < deadline && !_stop.IsCancellationRequested; attempt++)
        {
            try
            {
                var ticket = await _api.StartAsync(_roomId, _resumption, ct: _stop.Token);
                _resumption = ticket.Resumption;
                await ConnectAsync(ticket.Ticket, _stop.Token, resuming: true);
                return;
            }
            catch (Exception e) when (e is OpenTalkApiException or HttpRequestException or WebSocketException or TimeoutException or InvalidOperationException)
            {
                // The node is stopping or the meeting moving: try again shortly.
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await Task.Delay(Backoff[Math.Min(attempt, Backoff.Length - 1)], CancellationToken.None);
        }
        _inbox.Writer.TryComplete();
    }
}
