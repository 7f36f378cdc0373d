using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Collab.Yjs;

namespace OpenTalk.Actors.Collab;

/// <summary>Changes to a document, merged into one Yjs update: what came in within one short write-behind.</summary>
public sealed record DocumentChanged([property: JsonPropertyName("update")] byte[] Update) : DomainEvent;

/// <summary>A document's whole content as one update, and how many times it was saved.</summary>
public sealed record DocumentSnapshot(
    [property: JsonPropertyName("content")] byte[] Content,
    [property: JsonPropertyName("version")] long Version);

/// <summary>
/// One meeting document (its notes or its whiteboard), a sharded entity: it relays each change between the sockets
/// that have it open at once, and stores changes a moment later, merged (not every keystroke is a journal row).
/// Every so often, and before an export, it compacts the content into one update, saves it as a snapshot and tells the
/// meeting the version and hash, which the meeting's journal keeps. A change that reaches the node just before it dies
/// is not lost: the browsers still have it and send it again when they reconnect (Yjs' sync).
/// </summary>
public sealed class DocumentActor : ReceivePersistentActor, IWithTimers
{
    /// <summary>How long changes gather before they are written.</summary>
    public static readonly TimeSpan WriteBehind = TimeSpan.FromMilliseconds(300);

    /// <summary>After this many writes since the last save the content is compacted and saved as a version.</summary>
    public const int SaveEvery = 200;

    /// <summary>A change larger than this is refused (a pasted book is fine; a flood is not).</summary>
    public const int MaxUpdateBytes = 4 * 1024 * 1024;

    /// <summary>Awareness (who is here, cursors) is small: a page has one Yjs client (a few per socket are kept) with a few kilobytes each.</summary>
    public const int MaxAwarenessBytes = 64 * 1024, MaxAwarenessClients = 4;

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _meetings;
    private readonly Guid _documentId;
    private readonly Dictionary<IActorRef, Reader> _sockets = [];
    private readonly List<byte[]> _pending = [];
    private List<byte[]> _stored = [];
    private long _version;
    private int _writesSinceSave;
    private Guid _roomId;
    private DocumentKind _kind;

    /// <summary>Who may open the document, as the meeting last said (null until it did), and as of which of its writes.</summary>
    private DocumentAccessChanged? _access;

    public DocumentActor(string entityId, IActorRef meetings)
    {
        _documentId = Guid.Parse(entityId);
        _meetings = meetings;
        PersistenceId = $"document-{entityId}";

        Recover<SnapshotOffer>(offer =>
        {
            var snapshot = (DocumentSnapshot)offer.Snapshot;
            _stored = [snapshot.Content];
            _version = snapshot.Version;
        });
        Recover<DocumentChanged>(e => _stored.Add(e.Update));

        Command<OpenDocument>(Open);
        Command<DocumentFrame>(frame =>
        {
            try
            {
                OnFrame(frame);
            }
            catch (YFormatException)
            {
                // Whatever a browser sends must not restart the document (and lose what others just wrote).
                Refuse(frame.Socket, "That is not a valid frame of the collaboration protocol.");
            }
        });
        Command<DocumentSocketClosed>(c => Forget(c.Socket));
        Command<Terminated>(t => Forget(t.ActorRef));
        Command<DocumentAccessChanged>(OnAccessChanged);
        Command<WriteNow>(_ => WritePending(then: null));
        Command<SaveDocument>(_ =>
        {
            var replyTo = Sender;
            WritePending(then: () => Save(replyTo));
        });
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(f => _log.Warning("Document {0}: snapshot not saved: {1}", _documentId, f.Cause.Message));
        Command<ReceiveTimeout>(_ =>
        {
            if (_sockets.Count == 0 && _pending.Count == 0)
                Context.Parent.Tell(new Akka.Cluster.Sharding.Passivate(StopDocument.Instance));
        });
        // Passivated, or handed off to another node: what is pending is written first.
        Command<StopDocument>(_ => WritePending(then: () => Context.Stop(Self)));
        Context.SetReceiveTimeout(TimeSpan.FromMinutes(2));
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string entityId, IActorRef meetings) => Akka.Actor.Props.Create(() => new DocumentActor(entityId, meetings));

    /// <summary>Everything stored and pending as one update. What is stored is merged in memory once (the journal keeps its rows).</summary>
    private byte[] Content()
    {
        if (_stored.Count > 1)
            _stored = [YUpdate.Merge(_stored)];
        return _pending.Count == 0 ? _stored.FirstOrDefault() ?? YUpdate.Merge([]) : YUpdate.Merge([.. _stored, .. _pending]);
    }

    private void Open(OpenDocument open)
    {
        (_roomId, _kind) = (open.RoomId, open.Kind);
        // The meeting checked the token moments ago. Its word about access that came here since (from another node,
        // in any order with this open) is newer: a kick or a lost write access then counts.
        var canWrite = open.CanWrite;
        if (_access is { } access && access.Version > open.AccessVersion)
        {
            if (!access.Readers.Contains(open.ParticipantId))
            {
                open.Socket.Tell(new DocumentClose(CloseCodes.NoAccess, "You are no longer in the meeting."));
                return;
            }
            canWrite = access.Writers.Contains(open.ParticipantId);
        }
        _sockets[open.Socket] = new Reader(open.ParticipantId, canWrite);
        Context.Watch(open.Socket);
        open.Socket.Tell(new DocumentOpened());
        // As y-websocket's server: our state vector, so the client sends what we lack (edits made while it was away);
        // and who else is here.
        var content = Content();
        open.Socket.Tell(new DocumentOutbound(SyncProtocol.Step1(YUpdate.StateVector(content))));
        foreach (var other in _sockets.Values.Where(r => r.LastAwareness is not null))
            open.Socket.Tell(new DocumentOutbound(SyncProtocol.Awareness(other.LastAwareness!)));
    }

    private void OnFrame(DocumentFrame frame)
    {
        if (!_sockets.TryGetValue(frame.Socket, out var reader))
        {
            // A socket this document does not know: it was opened with an earlier life of this entity (which stopped,
            // say, on a failed write, or moved with its node). Closing it has the page reconnect and sync again, and
            // the page then sends whatever this life lacks: nothing is lost.
            frame.Socket.Tell(new DocumentClose(CloseCodes.Reconnect, "The document restarted: connect again."));
            return;
        }
        switch (SyncProtocol.Read(frame.Data))
        {
            case SyncMessage.Step1 step1:
                frame.Socket.Tell(new DocumentOutbound(SyncProtocol.Step2(Diff(step1.StateVector))));
                break;
            case SyncMessage.Step2 { Data: var update }:
                Change(frame.Socket, reader, update);
                break;
            case SyncMessage.Update { Data: var update }:
                Change(frame.Socket, reader, update);
                break;
            case SyncMessage.Awareness awareness:
                if (awareness.Data.Length > MaxAwarenessBytes)
                {
                    Refuse(frame.Socket, "That awareness update is too large.");
                    return;
                }
                // y-websocket's pages pass on the others' awareness too, so an update may name other pages' clients:
                // relayed as it came (as y-websocket's server does), but a socket is known to speak for the first few
                // clients it named that no other socket named before (to say they left when it closes).
                foreach (var (client, clock, removed) in awareness.Clients)
                {
                    if (_sockets.Values.Any(other => other != reader && other.AwarenessClocks.ContainsKey(client)))
                        continue;
                    if (removed)
                        reader.AwarenessClocks.Remove(client);
                    else if (reader.AwarenessClocks.ContainsKey(client) || reader.AwarenessClocks.Count < MaxAwarenessClients)
                        reader.AwarenessClocks[client] = clock;
                }
                // What a newcomer is shown of this page: its last update about its own clients.
                if (awareness.Clients.Any(c => reader.AwarenessClocks.ContainsKey(c.Client)))
                    reader.LastAwareness = awareness.Data;
                Relay(frame.Socket, SyncProtocol.Awareness(awareness.Data));
                break;
            case SyncMessage.QueryAwareness:
                foreach (var other in _sockets.Values.Where(r => r.LastAwareness is not null))
                    frame.Socket.Tell(new DocumentOutbound(SyncProtocol.Awareness(other.LastAwareness!)));
                break;
            default:
                Refuse(frame.Socket, "That is not a frame of the collaboration protocol.");
                break;
        }
    }

    /// <summary>What a peer with <paramref name="stateVector"/> lacks; everything when its state vector is not one.</summary>
    private byte[] Diff(byte[] stateVector)
    {
        var content = Content();
        try
        {
            return YUpdate.Diff(content, stateVector);
        }
        catch (YFormatException)
        {
            return content;
        }
    }

    private void Change(IActorRef socket, Reader reader, byte[] update)
    {
        if (update.Length > MaxUpdateBytes || !IsWellFormed(update))
        {
            Refuse(socket, "That change is not a valid document update.");
            return;
        }
        if (YUpdate.IsEmpty(update))
            return;
        if (!reader.CanWrite)
        {
            socket.Tell(new DocumentOutbound(SyncProtocol.PermissionDenied("You may read this document but not change it.")));
            return;
        }
        _pending.Add(update);
        Relay(socket, SyncProtocol.Update(update));
        if (!Timers.IsTimerActive(WriteNow.Instance))
            Timers.StartSingleTimer(WriteNow.Instance, WriteNow.Instance, WriteBehind);
    }

    /// <summary>An update the document can take: checked once here, so a stored one never breaks a merge later.</summary>
    private static bool IsWellFormed(byte[] update)
    {
        try
        {
            YUpdate.StateVector(update);
            return true;
        }
        catch (YFormatException)
        {
            return false;
        }
    }

    private void Relay(IActorRef from, byte[] frame)
    {
        foreach (var socket in _sockets.Keys)
        {
            if (!socket.Equals(from))
                socket.Tell(new DocumentOutbound(frame));
        }
    }

    private void WritePending(Action? then)
    {
        Timers.Cancel(WriteNow.Instance);
        if (_pending.Count == 0)
        {
            then?.Invoke();
            return;
        }
        var merged = YUpdate.Merge(_pending);
        _pending.Clear();
        Persist(new DocumentChanged(merged) { OccurredAt = DateTimeOffset.UtcNow, By = OpenTalk.Actors.Journal.Actor.System }, e =>
        {
            _stored.Add(e.Update);
            _writesSinceSave++;
            if (then is not null)
                then();
            else if (_writesSinceSave >= SaveEvery)
                Save(replyTo: null);
        });
    }

    /// <summary>Compacts the content into one update, saves it as a snapshot and tells the meeting its version and hash.</summary>
    private void Save(IActorRef? replyTo)
    {
        var content = YUpdate.Merge(_stored);
        _stored = [content];
        _writesSinceSave = 0;
        _version++;
        SaveSnapshot(new DocumentSnapshot(content, _version));
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        if (_roomId != Guid.Empty)
            _meetings.Tell(new RecordDocumentVersion(_roomId, _kind, _documentId, _version, hash));
        replyTo?.Tell(new DocumentSaved(_documentId, content, _version, hash));
    }

    /// <summary>Closes a socket that sent what the protocol does not allow, and forgets it.</summary>
    private void Refuse(IActorRef socket, string reason)
    {
        socket.Tell(new DocumentClose(CloseCodes.BadFrame, reason));
        Forget(socket);
    }

    private void OnAccessChanged(DocumentAccessChanged access)
    {
        // Messages from the meeting may pass each other when it moved between nodes: the newest word counts.
        if (_access is { } known && known.Version > access.Version)
            return;
        _access = access;
        (_roomId, _kind) = (access.RoomId, access.Kind);
        foreach (var (socket, reader) in _sockets.ToList())
        {
            if (!access.Readers.Contains(reader.ParticipantId))
            {
                socket.Tell(new DocumentClose(CloseCodes.NoAccess, "You are no longer in the meeting."));
                Forget(socket);
            }
            else
                reader.CanWrite = access.Writers.Contains(reader.ParticipantId);
        }
    }

    /// <summary>A socket gone: the others are told its people left (their awareness), and the rest is written.</summary>
    private void Forget(IActorRef socket)
    {
        if (!_sockets.Remove(socket, out var reader))
            return;
        Context.Unwatch(socket);
        if (reader.AwarenessClocks.Count > 0)
            Relay(socket, SyncProtocol.AwarenessGone(reader.AwarenessClocks.Select(c => (c.Key, c.Value))));
        if (_sockets.Count == 0)
            WritePending(then: () =>
            {
                if (_writesSinceSave > 0)
                    Save(replyTo: null);
            });
    }

    private sealed class Reader(Guid participantId, bool canWrite)
    {
        public Guid ParticipantId { get; } = participantId;

        public bool CanWrite { get; set; } = canWrite;

        /// <summary>The awareness clients this socket spoke for, with their last clocks (to say they left).</summary>
        public Dictionary<ulong, ulong> AwarenessClocks { get; } = [];

        public byte[]? LastAwareness { get; set; }
    }

    private sealed class WriteNow
    {
        public static readonly WriteNow Instance = new();
    }
}

/// <summary>How a collaboration socket ends, beyond the usual codes (4000-4999 are the application's).</summary>
public static class CloseCodes
{
    /// <summary>The person has no access (left the meeting, token not of this meeting); the client stops reconnecting.</summary>
    public const int NoAccess = 4403;

    /// <summary>The notes or whiteboard are not started in the room.</summary>
    public const int NotStarted = 4404;

    /// <summary>A frame that is not of the protocol.</summary>
    public const int BadFrame = 4400;

    /// <summary>The document restarted (WebSocket's "service restart"): the page connects again and syncs.</summary>
    public const int Reconnect = 1012;
}
