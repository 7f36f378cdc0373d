using System.Diagnostics;
using Akka.Persistence;
using OpenTalk.Actors.Telemetry;

namespace OpenTalk.Actors.Journal;

/// <summary>
/// A persistent entity whose events form a hash chain. Recovery and live updates both go through
/// <see cref="Evolve"/>, so the recovered state is exactly the live one. Subclasses decide; this
/// class links, persists, applies and snapshots.
/// </summary>
public abstract class ChainedEntityActor<TState> : ReceivePersistentActor
    where TState : class, IChainedState<TState>
{
    private readonly int _snapshotEvery;

    // The kind of entity (the persistence id's prefix) the journal's write latency is recorded under.
    private readonly KeyValuePair<string, object?> _entity;

    // One entry per PersistChained call still being written, oldest first: what to tell whoever asked
    // if the write fails. A failed write stops the actor, so every write still in flight failed too.
    private readonly Queue<Action?> _unwritten = new();

    protected ChainedEntityActor(string persistenceId, TState initial, int snapshotEvery)
    {
        PersistenceId = persistenceId;
        State = initial;
        _snapshotEvery = snapshotEvery;
        var dash = persistenceId.IndexOf('-', StringComparison.Ordinal);
        _entity = new("entity", dash > 0 ? persistenceId[..dash] : persistenceId);

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is TState snapshot)
                State = snapshot;
        });
        Recover<DomainEvent>(evt => State = Apply(State, evt));
        Recover<RecoveryCompleted>(_ => OnRecovered());
        Command<SaveSnapshotSuccess>(success =>
            DeleteSnapshots(new SnapshotSelectionCriteria(success.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }

    /// <summary>
    /// Changed by applying events; the setter is also used for parts of the state that are not journaled
    /// (such as who has the floor), which therefore never reach the hash chain.
    /// </summary>
    protected TState State { get; set; }

    protected abstract TState Evolve(TState state, DomainEvent evt);

    /// <summary>Runs once the journal has been replayed: restart timers and the like.</summary>
    protected virtual void OnRecovered()
    {
    }

    /// <summary>
    /// Links the events into the chain and persists them as one atomic write. Each event is applied
    /// as soon as it is stored and <paramref name="onApplied"/> sees the state before and after it;
    /// <paramref name="afterAll"/> runs once the last one is applied (or at once when there are none).
    /// </summary>
    protected void PersistChained(
        IReadOnlyList<DomainEvent> events,
        Action<DomainEvent, TState, TState>? onApplied = null,
        Action? afterAll = null,
        Action? onNotStored = null)
    {
        if (events.Count == 0)
        {
            afterAll?.Invoke();
            return;
        }

        var linked = new List<DomainEvent>(events.Count);
        var previous = State.LastHash;
        foreach (var evt in events)
        {
            var withLink = evt with { PrevHash = previous };
            previous = HashChain.HashOf(withLink);
            linked.Add(withLink);
        }

        var remaining = linked.Count;
        var started = Stopwatch.GetTimestamp();
        _unwritten.Enqueue(onNotStored);
        PersistAll(linked, evt =>
        {
            // The write is one batch: its first event's callback is when the journal confirmed it.
            if (remaining == linked.Count)
                OpenTalkTelemetry.JournalWrite.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, _entity);
            var before = State;
            State = Apply(State, evt);
            if (_snapshotEvery > 0 && LastSequenceNr % _snapshotEvery == 0)
                SaveSnapshot(State);
            onApplied?.Invoke(evt, before, State);
            if (--remaining == 0)
            {
                _unwritten.Dequeue();
                afterAll?.Invoke();
            }
        });
    }

    /// <summary>
    /// The journal could not store a write (database down, circuit breaker open): tell everyone whose
    /// command was in flight, then stop as Akka does; the entity recovers from the journal on its next message.
    /// </summary>
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        while (_unwritten.TryDequeue(out var notStored))
            notStored?.Invoke();
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    private TState Apply(TState state, DomainEvent evt) =>
        Evolve(state, evt).WithLastHash(HashChain.HashOf(evt));
}
