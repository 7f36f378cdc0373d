using System.Net.WebSockets;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Hosting;
using OpenTalk.Actors.Collab;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Sharding;
using OpenTalk.Host.Apis;
using OpenTalk.Host.Signaling;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Collab;

/// <summary>
/// <c>GET /v1/collab/{notes|whiteboard}/{room id}?token=…</c>: the socket of the notes' editor and the whiteboard
/// (y-websocket's protocol). The token is the one in the page's address the meeting handed out; the meeting says whether
/// it is still good and whether its bearer writes. Refusals close the socket with a code the page shows (4403 no access,
/// 4404 not started): a browser sees nothing of an HTTP refusal of a WebSocket and would only try again.
/// </summary>
public static partial class CollabEndpoint
{
    /// <summary>A frame this large is no edit a person makes (a pasted chapter is far smaller).</summary>
    public const int MaxFrameBytes = DocumentActor.MaxUpdateBytes + 1024;

    /// <summary>Frames at once, then per second: typing fast with a collaborator's cursor moving stays well below.</summary>
    public const int BurstCapacity = 300;
    public const double SustainedPerSecond = 60;

    /// <summary>Frames waiting for a page that does not read them: past this it is closed (it reconnects and syncs).</summary>
    public const int MaxQueuedFrames = 2000;

    /// <summary>A frame the page has not taken within this is given up, with the socket.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapCollab(this IEndpointRouteBuilder app)
    {
        app.Map("/v1/collab/{kind}/{roomId:guid}", Handle).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task Handle(HttpContext context, string kind, Guid roomId, EngineGateway engine, ActorSystem system, TimeProvider clock,
        ILoggerFactory loggers)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Problems.For(ProblemCodes.ValidationFailed, "This endpoint speaks WebSocket only.").ExecuteAsync(context);
            return;
        }
        if (DocumentKinds.FromWire(kind) is not { } documentKind)
        {
            await Problems.For(ProblemCodes.NotFound, "There are notes and a whiteboard, nothing else.").ExecuteAsync(context);
            return;
        }
        var token = context.Request.Query["token"].ToString();
        // A meeting that does not answer in time: 503 through the node's fault handler, and the page tries again.
        var access = await engine.AskMeetingAsync<DocumentAccessReply>(new CheckDocumentAccess(roomId, documentKind, token), context.RequestAborted);

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        if (access.RefusedWith is { } refused)
        {
            var reason = refused == CloseCodes.NotStarted ? "Not started in this meeting." : "This link is not (or no longer) yours to open.";
            await socket.CloseAsync((WebSocketCloseStatus)refused, reason, context.RequestAborted);
            return;
        }

        var log = loggers.CreateLogger(typeof(CollabEndpoint));
        var documents = ActorRegistry.For(system).Get<DocumentRegion>();
        // A page that stops reading gets its socket closed rather than the node's memory filled (see CollabSocketActor).
        var outgoing = Channel.CreateBounded<object>(new BoundedChannelOptions(MaxQueuedFrames) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var relay = system.ActorOf(Akka.Actor.Props.Create(() => new CollabSocketActor(outgoing.Writer)));
        try
        {
            documents.Tell(new OpenDocument(access.DocumentId, roomId, documentKind, access.ParticipantId, access.CanWrite, relay, access.Version));
            var writer = WriteAsync(socket, outgoing.Reader);
            await ReadAsync(socket, frame => documents.Tell(new DocumentFrame(access.DocumentId, relay, frame)), clock, log, context.RequestAborted);
            outgoing.Writer.TryComplete();
            await writer;
        }
        finally
        {
            // However the socket ended, the document must forget it (it also watches the relay, which stops now).
            documents.Tell(new DocumentSocketClosed(access.DocumentId, relay));
            relay.Tell(PoisonPill.Instance);
        }
    }

    private static async Task ReadAsync(WebSocket socket, Action<byte[]> deliver, TimeProvider clock, ILogger log, CancellationToken ct)
    {
        var limiter = new RateLimiter(BurstCapacity, SustainedPerSecond, clock);
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                    return;
                message.Write(buffer, 0, result.Count);
                string? refusal = result.MessageType != WebSocketMessageType.Binary ? "Frames of this protocol are binary."
                    : message.Length > MaxFrameBytes ? "That frame is too large."
                    : null;
                if (refusal is null && !result.EndOfMessage)
                    continue;
                if (refusal is null && !limiter.TryTake())
                    refusal = "Too many frames: slow down.";
                if (refusal is not null)
                {
                    LogRefused(log, refusal);
                    await socket.CloseOutputAsync((WebSocketCloseStatus)CloseCodes.BadFrame, refusal, CancellationToken.None);
                    return;
                }
                deliver(message.ToArray());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away without a close handshake.
        }
    }

    private static async Task WriteAsync(WebSocket socket, ChannelReader<object> frames)
    {
        try
        {
            await foreach (var frame in frames.ReadAllAsync())
            {
                if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
                    return;
                switch (frame)
                {
                    case DocumentOutbound data:
                        using (var timeout = new CancellationTokenSource(SendTimeout))
                            await socket.SendAsync(data.Data, WebSocketMessageType.Binary, true, timeout.Token);
                        break;
                    case DocumentClose close:
                        await socket.CloseOutputAsync((WebSocketCloseStatus)close.Status, close.Reason, CancellationToken.None);
                        return;
                }
            }
            // The queue ended without a close of the document's: the page fell behind, or the document went away.
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync((WebSocketCloseStatus)CloseCodes.Reconnect, "Connect again.", CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Nothing more can be sent (or the page stopped taking frames): end the socket; the reader sees it too.
            socket.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing a collaboration socket: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    /// <summary>
    /// The socket's address for its document: what the document sends, in order, to the socket's writer. When the
    /// document's entity stops (its node went, it failed), or the page lets too many frames pile up, the writer ends
    /// and closes the socket with "service restart": the page reconnects and syncs again, sending what the document lacks.
    /// </summary>
    private sealed class CollabSocketActor : ReceiveActor
    {
        public CollabSocketActor(ChannelWriter<object> socket)
        {
            Receive<DocumentOpened>(_ => Context.Watch(Sender));
            Receive<DocumentOutbound>(frame =>
            {
                if (!socket.TryWrite(frame))
                    socket.TryComplete();
            });
            Receive<DocumentClose>(close =>
            {
                socket.TryWrite(close);
                socket.TryComplete();
            });
            Receive<Terminated>(_ => socket.TryComplete());
        }
    }
}
