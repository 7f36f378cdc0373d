using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Hosting;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Host.Apis;
using OpenTalk.Host.Auth;
using OpenTalk.Projections.Events;
using OpenTalk.Projections.Rooms;
using OpenTalk.Protocol.Rest;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>
/// <c>GET /signaling</c>: redeems the ticket named in the subprotocol header (once, on any node),
/// then pumps frames between the socket and its <see cref="ConnectionActor"/>.
/// </summary>
public static partial class SignalingEndpoint
{
    /// <summary>
    /// Frames a socket may send at once, then per second. Joining a room with video sends a subscribe, an answer and a
    /// handful of ICE candidates per person already publishing (OpenTalk's web app sends them as fast as they come),
    /// so a burst must hold a room of a dozen; a client past the sustained rate is flooding.
    /// </summary>
    public const int BurstCapacity = 150;
    public const double SustainedPerSecond = 25;

    public static IEndpointRouteBuilder MapSignaling(this IEndpointRouteBuilder app)
    {
        app.Map(Subprotocol.Path, Handle).AllowAnonymous();
        return app;
    }

    private static async Task Handle(HttpContext context, EngineGateway engine, ActorSystem system,
        ConnectionRegistry registry, TimeProvider clock, ILoggerFactory loggers, EventsReader events, UserProfiles profiles, DisabledModules disabledModules,
        RoomsReader rooms, Hosting.NodeDrain drain)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Problems.For(ProblemCodes.ValidationFailed, "This endpoint speaks WebSocket only.").ExecuteAsync(context);
            return;
        }
        if (drain.IsDraining)
        {
            // The ticket stays good: the client connects again and the load balancer sends it to another node.
            await Problems.For(ProblemCodes.Unavailable, "This server is being taken out of service: connect again.").ExecuteAsync(context);
            return;
        }

        var protocols = context.WebSockets.WebSocketRequestedProtocols;
        var ticket = protocols.FirstOrDefault(p => p.StartsWith(Subprotocol.TicketPrefix, StringComparison.Ordinal))?[Subprotocol.TicketPrefix.Length..];
        if (!protocols.Contains(Subprotocol.Json) || ticket is null || Secrets.Split(ticket) is not var (participantId, secret))
        {
            await Problems.For(ProblemCodes.InvalidTicket).ExecuteAsync(context);
            return;
        }

        var redeemed = await engine.AskParticipantAsync<ParticipantReply>(new RedeemTicket(participantId, Secrets.Hash(secret)), context.RequestAborted);
        if (!redeemed.IsOk)
        {
            await Problems.For(ProblemCodes.InvalidTicket).ExecuteAsync(context);
            return;
        }

        var log = loggers.CreateLogger(typeof(SignalingEndpoint));
        var extras = await JoinExtras.LoadAsync(redeemed.RoomId!.Value, engine, events, profiles,
            new RoomsApi.JoinDetails(EventsApi.CallInNumber(context), rooms), log, context.RequestAborted) ?? JoinExtras.Unknown;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = Subprotocol.Json,
            KeepAliveInterval = TimeSpan.FromSeconds(15),
        });
        var outgoing = Channel.CreateUnbounded<OutgoingFrame>(new UnboundedChannelOptions { SingleReader = true });
        var mediaGateway = ActorRegistry.For(system).TryGet<OpenTalk.Media.MediaGatewayActor>(out var gateway) ? gateway : null;
        var room = new RoomId(redeemed.RoomId!.Value);
        var participant = new ParticipantId(participantId);
        // Whatever is logged while serving this socket names the meeting and the participant (JSON logs show scopes as fields).
        using var scope = log.BeginScope(new Dictionary<string, object> { ["MeetingId"] = room.Value, ["ParticipantId"] = participantId });
        var connection = system.ActorOf(ConnectionActor.Props(room, participant, redeemed.Identity!, engine.Meetings,
            outgoing.Writer, mediaGateway, extras, disabledModules));
        // Cancelled when the client is gone or when a stopping node gives up waiting for its close handshake.
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var clientLeft = false;
        try
        {
            registry.Add(connection, outgoing.Writer, abort);
            var closing = new CloseOrder();
            var writer = WriteAsync(socket, outgoing.Reader, closing, log);
            var clientClosedNormally = await ReadAsync(socket, connection, room, participant, clock, log, abort.Token);
            // A client answering the node's own close (a drain, a removal) echoes a status too, often 1000: it did not leave.
            clientLeft = clientClosedNormally && !closing.NodeClosedFirst;
            outgoing.Writer.TryComplete();
            await writer;
        }
        finally
        {
            // Whatever ended the socket (close, network, a fault in this code), its actor must know:
            // otherwise the participant stays "connected" for everyone else, for good.
            connection.Tell(new ConnectionActor.SocketClosed(clientLeft));
            registry.Remove(connection);
        }
    }

    /// <summary>Reads frames until the socket ends; true when the client closed it normally (1000).</summary>
    private static async Task<bool> ReadAsync(WebSocket socket, IActorRef connection, RoomId roomId, ParticipantId participantId, TimeProvider clock, ILogger log,
        CancellationToken ct)
    {
        var limiter = new RateLimiter(BurstCapacity, SustainedPerSecond, clock);
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        var tooLarge = false;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                    return result.CloseStatus == WebSocketCloseStatus.NormalClosure;
                if (!tooLarge && result.MessageType == WebSocketMessageType.Text)
                {
                    message.Write(buffer, 0, result.Count);
                    tooLarge = message.Length > Subprotocol.MaxFrameBytes;
                }
                if (!result.EndOfMessage)
                    continue;

                string? error = result.MessageType == WebSocketMessageType.Binary ? ErrorCodes.BinaryNotSupported
                    : tooLarge ? ErrorCodes.MessageTooLarge
                    : !limiter.TryTake() ? ErrorCodes.RateLimitExceeded
                    : null;
                connection.Tell(error is null
                    ? Parse(message.GetBuffer().AsSpan(0, (int)message.Length), roomId, participantId, log)
                    : new ParsedMessage.Invalid(Namespaces.Control, error));
                message.SetLength(0);
                tooLarge = false;
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away without a close handshake, or the node stopped waiting for it.
        }
        return false;
    }

    /// <summary>The parser answers every frame; should it ever throw, the client still gets an error and keeps its socket.</summary>
    private static ParsedMessage Parse(ReadOnlySpan<byte> frame, RoomId roomId, ParticipantId participantId, ILogger log)
    {
        try
        {
            return ClientMessageParser.Parse(frame, roomId, participantId);
        }
        catch (Exception e)
        {
            LogParserFault(log, e);
            return new ParsedMessage.Invalid(Namespaces.Control, ErrorCodes.InvalidPayload);
        }
    }

    /// <summary>
    /// Whether the node began the close handshake. Set before the close frame goes out, so it is seen by the time the
    /// client's answer is read (the socket's own state may still say <c>CloseReceived</c> then: its send has not finished).
    /// </summary>
    private sealed class CloseOrder
    {
        private volatile bool _nodeClosedFirst;
        public bool NodeClosedFirst => _nodeClosedFirst;
        public void NodeCloses() => _nodeClosedFirst = true;
    }

    private static async Task WriteAsync(WebSocket socket, ChannelReader<OutgoingFrame> frames, CloseOrder closing, ILogger log)
    {
        try
        {
            await foreach (var frame in frames.ReadAllAsync())
            {
                if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
                    return;
                switch (frame)
                {
                    case OutgoingFrame.Text text:
                        await socket.SendAsync(Encoding.UTF8.GetBytes(text.Json), WebSocketMessageType.Text, true, CancellationToken.None);
                        break;
                    case OutgoingFrame.Close close:
                        LogClosing(log, close.Reason);
                        closing.NodeCloses();
                        await socket.CloseOutputAsync(close.Status, close.Reason, CancellationToken.None);
                        return;
                }
            }
        }
        catch (WebSocketException)
        {
            // Nothing more can be sent; the reader sees the broken socket too.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The signaling parser failed on a frame; the client was sent invalid_payload")]
    private static partial void LogParserFault(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing a signaling socket: {Reason}")]
    private static partial void LogClosing(ILogger logger, string reason);
}
