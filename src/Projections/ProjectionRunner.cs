using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace OpenTalk.Projections;

/// <summary>
/// Runs one projection as a stream: from its stored offset, events by tag in small batches, each
/// batch and its offset in one transaction. A failure restarts the stream with back-off from the
/// stored offset. Runs as a cluster singleton, so exactly one node writes a read model.
/// </summary>
public sealed class ProjectionRunner : ReceiveActor
{
    private readonly IProjection _projection;
    private readonly ProjectionStore _store;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private UniqueKillSwitch? _killSwitch;

    public ProjectionRunner(IProjection projection, ProjectionStore store)
    {
        _projection = projection;
        _store = store;
        ReceiveAny(_ => { });
    }

    public static Props Props(IProjection projection, ProjectionStore store) =>
        Akka.Actor.Props.Create<ProjectionRunner>(projection, store);

    protected override void PreStart()
    {
        var journal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>("akka.persistence.query.journal.sql");
        var projection = _projection;
        var store = _store;
        var log = _log;
        var restart = RestartSettings.Create(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2);
        _killSwitch = RestartSource.OnFailuresWithBackoff(() =>
                Source.FromTask(store.OffsetAsync(projection.Name))
                    .ConcatMany(offset => journal.EventsByTag(projection.Tag, Offset.Sequence(offset)))
                    .GroupedWithin(200, TimeSpan.FromMilliseconds(50))
                    .SelectAsync(1, async batch =>
                    {
                        await store.ApplyBatchAsync(projection, [.. batch]);
                        return Done.Instance;
                    }), restart)
            .ViaMaterialized(KillSwitches.Single<Done>(), Keep.Right)
            .ToMaterialized(Sink.Ignore<Done>(), Keep.Left)
            .Run(Context.System.Materializer());
        log.Info("Projection {0} started", projection.Name);
    }

    protected override void PostStop() => _killSwitch?.Shutdown();

    /// <summary>
    /// Reads events by a tag nobody uses, once, off the caller's thread. The projections run on the oldest node
    /// only; when it dies they start on another, and there the read journal's set-up (its constructor waits on the
    /// journal, up to 5 s) and its first query held the node in the middle of the failover. Done once the node is
    /// up, that cost is paid while nothing waits for it. A failure only costs the head start.
    /// </summary>
    public static Task WarmUpAsync(ActorSystem system) => Task.Run(async () =>
    {
        var log = Logging.GetLogger(system, typeof(ProjectionRunner));
        try
        {
            var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>("akka.persistence.query.journal.sql");
            await journal.CurrentEventsByTag("warm-up", Offset.Sequence(0)).RunWith(Sink.Ignore<EventEnvelope>(), system.Materializer());
            log.Debug("The read journal is warmed up");
        }
        catch (Exception e)
        {
            log.Info("Warming up the read journal failed ({0}); the projections set it up when they start", e.Message);
        }
    });
}
