using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Channels;
using Akka.Actor;
using OpenTalk.Actors.Meetings;

namespace OpenTalk.Host.Signaling;

/// <summary>
/// The sockets this node serves, so that a stopping node can close each of them with 1001
/// <c>server_shutting_down</c> itself: the actor system may already be going down, so the close is
/// written to the socket's outgoing queue directly, not sent through its connection actor.
/// </summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<IActorRef, Socket> _connections = new();
    private volatile bool _closing;

    /// <summary>Sockets this node serves right now.</summary>
    public int Count => _connections.Count;

    /// <summary>Registers a socket; false when the node is already closing its sockets (the socket is closed at once).</summary>
    public bool Add(IActorRef connection, ChannelWriter<OutgoingFrame> outgoing, CancellationTokenSource abort)
    {
        var socket = new Socket(outgoing, abort);
        _connections[connection] = socket;
        if (!_closing)
            return true;
        socket.CloseForShutdown();
        return false;
    }

    public void Remove(IActorRef connection) => _connections.TryRemove(connection, out _);

    /// <summary>Tells every socket's connection actor <paramref name="message"/>.</summary>
    public void TellAll(object message)
    {
        foreach (var connection in _connections.Keys)
            connection.Tell(message);
    }

    /// <summary>
    /// Sends every client the close handshake with 1001 and waits, up to <paramref name="grace"/>, for
    /// them to answer; sockets still open then are cut. New sockets are closed as they arrive.
    /// </summary>
    public async Task CloseAllAsync(TimeSpan grace, TimeProvider clock, CancellationToken ct)
    {
        _closing = true;
        foreach (var socket in _connections.Values)
            socket.CloseForShutdown();
        var deadline = clock.GetUtcNow() + grace;
        while (!_connections.IsEmpty && clock.GetUtcNow() < deadline && !ct.IsCancellationRequested)
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, CancellationToken.None);
        foreach (var socket in _connections.Values)
            socket.Abort.Cancel();
    }

    private sealed record Socket(ChannelWriter<OutgoingFrame> Outgoing, CancellationTokenSource Abort)
    {
        public void CloseForShutdown()
        {
            Outgoing.TryWrite(new OutgoingFrame.Close(WebSocketCloseStatus.EndpointUnavailable, CloseReasons.ServerShuttingDown));
            Outgoing.TryComplete();
        }
    }
}
