using System.Globalization;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Hosting;
using Akka.Remote.Hosting;
using OpenTalk.Actors.Collab;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Actors.Sharding;
using OpenTalk.Actors.Timers;

namespace OpenTalk.Actors;

/// <summary>Wires the engine into Akka.Hosting: journal, serializer, cluster and the shard regions.</summary>
public static class EngineHosting
{
    public static AkkaConfigurationBuilder WithOpenTalkEngine(this AkkaConfigurationBuilder builder, EngineOptions options, TimeProvider clock)
    {
        var settings = options.Settings;
        builder
            .ConfigureLoggers(logging =>
            {
                // Akka logs through Microsoft.Extensions.Logging, so one configuration rules all logs.
                logging.ClearLoggers();
                logging.AddLoggerFactory();

            })
            .AddHocon(PersistenceHocon(options), HoconAddMode.Prepend)
            .WithCustomSerializer("opentalk-journal", [typeof(DomainEvent), .. StateTypes], system => new JournalSerializer(system))
            .WithCustomSerializer("opentalk-engine", [typeof(IEngineMessage)], system => new EngineMessageSerializer(system))
            .WithRemoting(options.Hostname, options.Port)
            .WithClustering(new ClusterOptions
            {
                SeedNodes = [.. options.SeedNodes],
                SplitBrainResolver = new KeepMajorityOption(),
            })
            // Meetings and timers keep live timers and sockets: they passivate themselves when empty,
            // never because they were quiet for a while.
            // Meetings and timers reach each other through the registry, resolved when an entity starts.
            .WithShardRegion<MeetingRegion>(ShardNames.Meeting,
                (_, registry) => id => MeetingActor.Props(id, settings, clock, registry.Get<TimerRegion>(), registry.Get<MeetingRegion>()),
                EntityExtractors.Meeting(), RememberedInTheJournal())
            .WithShardRegion<TimerRegion>(ShardNames.Timer,
                (_, registry) => id => TimerActor.Props(id, settings, clock, registry.Get<MeetingRegion>()), EntityExtractors.Timer(),
                RememberedInTheJournal())
            .WithShardRegion<EventRegion>(ShardNames.Event,
                id => EventActor.Props(id, settings, clock), EntityExtractors.Event(),
                new ShardOptions { PassivateIdleEntityAfter = TimeSpan.FromMinutes(2) })
            .WithShardRegion<SipRegion>(ShardNames.Sip,
                id => SipIndexActor.Props(id), EntityExtractors.Sip(),
                new ShardOptions { PassivateIdleEntityAfter = TimeSpan.FromMinutes(2) })
            // A document passivates itself once nobody has it open (readers may be quiet for long).
            .WithShardRegion<DocumentRegion>(ShardNames.Document,
                (_, registry) => id => DocumentActor.Props(id, registry.Get<MeetingRegion>()), EntityExtractors.Document(),
                new ShardOptions { ShouldPassivateIdleEntities = false, HandOffStopMessage = StopDocument.Instance })
            .WithShardRegion<ParticipantRegion>(ShardNames.Participant,
                id => ParticipantActor.Props(id, settings, clock), EntityExtractors.Participant(),
                new ShardOptions { PassivateIdleEntityAfter = TimeSpan.FromMinutes(2) });

        if (options.DownNodesThatRefuseConnections)
            builder.WithActors((system, _) => system.ActorOf(DeadNodeWatcher.Props(), "dead-node-watcher"));
        if (options.SeedNodes.Count == 0)
            builder.AddStartup((system, _) => Cluster.Get(system).Join(Cluster.Get(system).SelfAddress));
        return builder;
    }

    /// <summary>
    /// Meetings and timers that run (someone is in, or a poll, vote, countdown or breakout session is due) are
    /// remembered in the journal, shards and entities alike, so after a stop of the whole cluster they start again by
    /// themselves and end what fell due meanwhile: a room need not be used again first. Remember-entities needs the
    /// coordinator's state in the journal too (distributed data alone is gone once every node is).
    /// </summary>
    private static ShardOptions RememberedInTheJournal() => new()
    {
        ShouldPassivateIdleEntities = false,
        RememberEntities = true,
        HandOffStopMessage = HandOffStop.Instance,
        StateStoreMode = Akka.Cluster.Sharding.StateStoreMode.Persistence,
        JournalPluginId = "akka.persistence.journal.sql",
        SnapshotPluginId = "akka.persistence.snapshot-store.sql",
    };

    private static readonly Type[] StateTypes = [typeof(MeetingState), typeof(ParticipantState), typeof(TimerState), typeof(EventState), typeof(DocumentSnapshot)];

    private static string PersistenceHocon(EngineOptions options)
    {
        const string provider = "PostgreSQL";
        var connection = Quote(options.ConnectionString);
        var stableAfter = ((int)options.DownUnreachableAfter.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        var removalMargin = ((int)options.DownRemovalMargin.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        var heartbeatPause = ((int)options.AcceptableHeartbeatPause.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        var refresh = ((int)options.QueryRefreshInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        // Csv tags: measured faster than the tag table for our reads and writes (see NOTES).
        // Circuit breakers: Akka's defaults (reset after 30 s, 10 s call timeout, 30 s per recovery step)
        // kept meetings down for a minute and more after the database came back. A breaker that tries
        // again after 2 s, and recovery that gives up a dead read after 10 s (the entity is started again
        // by its next message), bring meetings back within seconds of the database.
        // Failover: a dead node's meetings are back after the failure detector (heartbeat pause), the
        // resolver's stable-after, the leader's removal, the removal margin and the shard's new home.
        // Heartbeats every 500 ms, the leader acting every 500 ms and regions asking for a shard's
        // home every 500 ms (Akka: 1 s, 1 s, 2 s) take seconds off that for a few small messages.
        const string breaker = "circuit-breaker { max-failures = 5, call-timeout = 10s, reset-timeout = 2s }";
        return $$"""
            akka.persistence {
              journal {
                plugin = "akka.persistence.journal.sql"
                sql {
                  class = "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql"
                  connection-string = {{connection}}
                  provider-name = "{{provider}}"
                  auto-initialize = true
                  tag-write-mode = Csv
                  warn-on-auto-init-fail = false
                  parallelism = 3
                  event-adapters { tagger = "OpenTalk.Actors.Journal.JournalTagger, OpenTalk.Actors" }
                  event-adapter-bindings { "OpenTalk.Actors.Journal.DomainEvent, OpenTalk.Actors" = tagger }
                  {{breaker}}
                  recovery-event-timeout = 10s
                }
              }
              query.journal.sql {
                class = "Akka.Persistence.Sql.Query.SqlReadJournalProvider, Akka.Persistence.Sql"
                connection-string = {{connection}}
                provider-name = "{{provider}}"
                tag-read-mode = Csv
                refresh-interval = {{refresh}}
                journal-sequence-retrieval.query-delay = {{refresh}}
              }
              snapshot-store {
                plugin = "akka.persistence.snapshot-store.sql"
                sql {
                  class = "Akka.Persistence.Sql.Snapshot.SqlSnapshotStore, Akka.Persistence.Sql"
                  connection-string = {{connection}}
                  provider-name = "{{provider}}"
                  auto-initialize = true
                  warn-on-auto-init-fail = false
                  {{breaker}}
                }
              }
            }
            akka.cluster.split-brain-resolver.stable-after = {{stableAfter}}
            akka.cluster.down-removal-margin = {{removalMargin}}
            akka.cluster.failure-detector.heartbeat-interval = 500ms
            akka.cluster.failure-detector.acceptable-heartbeat-pause = {{heartbeatPause}}
            akka.cluster.sharding.retry-interval = 500ms
            akka.cluster.leader-actions-interval = 500ms
            # A leaving node's singletons (the shard coordinator, the projections) are handed over, or stopped when no
            # node is left to take them, at the next try: Akka tries every second, which made every stop a second longer.
            akka.cluster.singleton.hand-over-retry-interval = 200ms
            akka.cluster.sharding.state-store-mode = ddata
            akka.cluster.sharding.remember-entities = off
            akka.coordinated-shutdown.exit-clr = off
            # Documents' frames (changes up to 4 MiB, as base64 in JSON) and whole documents for late comers and
            # exports travel between nodes: Akka's default of 128 kB would drop them without a word.
            akka.remote.dot-netty.tcp.maximum-frame-size = 32 MiB
            """;
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
