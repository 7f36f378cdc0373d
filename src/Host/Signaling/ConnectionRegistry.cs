using System.Collections.Concurrent;
using Akka.Actor;

namespace OpenTalk.Host.Signaling;

/// <summary>The live connection actors of this node, so a shutdown can close every socket with a reason.</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<IActorRef, byte> _connections = new();

    /// <summary>Sockets this node serves right now.</summary>
    public int Count => _connections.Count;

    public void Add(IActorRef connection) => _connections[connection] = 0;

    public void Remove(IActorRef connection) => _connections.TryRemove(connection, out _);

    public void CloseAll()
    {
        foreach (var connection in _connections.Keys)
            connection.Tell(new ConnectionActor.ShutDown());
    }
}
