using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTalk.Actors;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.RecoveryBench;

// How long a meeting with many events takes to come back from the journal: the engine's own meeting entity on the
// node's Postgres journal, written through its real commands, then started again and asked for its room, with its
// snapshot (taken every EngineSettings.SnapshotEvery events) and, as the baseline in the same run, without it (the
// whole stream replayed).
// Usage: OpenTalk.RecoveryBench --postgres "<connection string>" [--events 10000] [--rounds 5] [--results bench/results]
var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1], StringComparer.Ordinal);
var postgres = options.GetValueOrDefault("postgres") ?? throw new ArgumentException("--postgres is required");
var events = int.Parse(options.GetValueOrDefault("events", "10000"), CultureInfo.InvariantCulture);
var rounds = int.Parse(options.GetValueOrDefault("rounds", "5"), CultureInfo.InvariantCulture);
var resultsFolder = options.GetValueOrDefault("results", "bench/results");
var loadBefore = LoadAverage.Now();

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddAkka(EngineOptions.SystemName, (akka, _) => akka.WithOpenTalkEngine(new EngineOptions { ConnectionString = postgres }, TimeProvider.System));
using var host = builder.Build();
await host.StartAsync();
var system = host.Services.GetRequiredService<ActorSystem>();
var settings = new EngineSettings();

var scenarios = new List<RecoveryScenario>();
foreach (var kind in new[] { MeetingLoad.Hands, MeetingLoad.Chat })
{
    var meeting = new BenchMeeting(system, settings);
    var writing = Stopwatch.StartNew();
    await meeting.WriteAsync(kind, events);
    var written = writing.Elapsed.TotalSeconds;
    await meeting.StopAsync();
    var withSnapshot = await meeting.MeasureRecoveryAsync(rounds);
    var snapshotBytes = await SnapshotStore.SizeAsync(postgres, meeting.PersistenceId);
    await SnapshotStore.DeleteAsync(postgres, meeting.PersistenceId);
    var replayed = await meeting.MeasureRecoveryAsync(rounds);
    scenarios.Add(new RecoveryScenario(kind.ToString().ToLowerInvariant(), events, Math.Round(events / written, 1), snapshotBytes,
        withSnapshot, replayed));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{kind}: {events} events written at {events / written:0} events/s; recovery with its snapshot ({snapshotBytes} bytes) median {withSnapshot.Median} ms (max {withSnapshot.Max}); whole stream replayed median {replayed.Median} ms (max {replayed.Max})"));
}
await host.StopAsync();

Directory.CreateDirectory(resultsFolder);
var result = new
{
    measured_at = DateTimeOffset.UtcNow,
    cores = Environment.ProcessorCount,
    load_average_before = loadBefore,
    snapshot_every = settings.SnapshotEvery,
    rounds,
    scenarios,
};
await File.WriteAllTextAsync(Path.Combine(resultsFolder, "recovery.json"),
    JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }) + "\n");

namespace OpenTalk.RecoveryBench
{
    public enum MeetingLoad
    {
        /// <summary>One person raising and lowering a hand: the state stays small, the stream grows.</summary>
        Hands,

        /// <summary>Chat messages: the state (the chat history) grows with the stream.</summary>
        Chat,
    }

    public sealed record Timings(double Median, double Max, IReadOnlyList<double> Samples)
    {
        public static Timings Of(List<double> samples)
        {
            var sorted = samples.Order().ToList();
            return new Timings(Math.Round(sorted[sorted.Count / 2], 1), Math.Round(sorted[^1], 1), [.. samples.Select(s => Math.Round(s, 1))]);
        }
    }

    public sealed record RecoveryScenario(string Load, int Events, double WrittenPerSecond, long SnapshotBytes, Timings WithSnapshotMs, Timings ReplayedMs);

    /// <summary>One meeting entity, started outside the shards (so it can be stopped and started at will), one person in it.</summary>
    public sealed class BenchMeeting(ActorSystem system, EngineSettings settings)
    {
        private readonly Guid _roomId = Guid.NewGuid();
        private readonly Guid _ownerId = Guid.NewGuid();
        private readonly Guid _participantId = Guid.NewGuid();
        private IActorRef? _meeting;

        public string PersistenceId => PersistenceIds.Of(PersistenceIds.Meeting, _roomId.ToString());

        private IActorRef Start() =>
            system.ActorOf(MeetingActor.Props(_roomId.ToString(), settings, TimeProvider.System, ActorRefs.Nobody, ActorRefs.Nobody));

        public async Task WriteAsync(MeetingLoad load, int events)
        {
            _meeting = Start();
            await _meeting.Ask<MeetingReply>(new CreateRoom(_roomId, _ownerId, null, false), TimeSpan.FromSeconds(30));
            var socket = new StoredCounter();
            var connection = system.ActorOf(Props.Create(() => new StoredCounterActor(socket)));
            _meeting.Tell(new Join(new RoomId(_roomId), new ParticipantId(_participantId), ParticipantIdentity.ForUser(_ownerId), "Bench", connection));
            await socket.Attached.Task.WaitAsync(TimeSpan.FromSeconds(30));
            // In windows, as a busy room's people would send them: each command is one event.
            const int window = 200;
            for (var sent = 0; sent < events - 2; sent += window)
            {
                var count = Math.Min(window, events - 2 - sent);
                var done = socket.Expect(count);
                for (var i = sent; i < sent + count; i++)
                {
                    IParticipantCommand command = load == MeetingLoad.Chat
                        ? new SendChatMessage(new RoomId(_roomId), new ParticipantId(_participantId), Guid.NewGuid(), $"Message {i} of the bench", MessageScope.Global, null, null)
                        : i % 2 == 0 ? new RaiseHand(new RoomId(_roomId), new ParticipantId(_participantId)) : new LowerHand(new RoomId(_roomId), new ParticipantId(_participantId));
                    _meeting.Tell(new NumberedCommand(i + 1, command), connection);
                }
                await done.WaitAsync(TimeSpan.FromSeconds(120));
            }
        }

        public async Task StopAsync()
        {
            if (_meeting is not null)
                await _meeting.GracefulStop(TimeSpan.FromSeconds(30));
            _meeting = null;
        }

        /// <summary>Starts the entity <paramref name="rounds"/> times; each time, from its start to its answer about the room.</summary>
        public async Task<Timings> MeasureRecoveryAsync(int rounds)
        {
            var samples = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                var started = Stopwatch.GetTimestamp();
                _meeting = Start();
                var reply = await _meeting.Ask<MeetingReply>(new GetRoom(_roomId), TimeSpan.FromSeconds(60));
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (reply.Room is null)
                    throw new InvalidOperationException($"The meeting came back without its room: {reply.Error}");
                await StopAsync();
            }
            return Timings.Of(samples);
        }
    }

    /// <summary>What the bench's stand-in socket heard: attached, and how many commands were stored.</summary>
    public sealed class StoredCounter
    {
        private int _stored;
        private int _target;
        private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Attached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Expect(int more)
        {
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _target, Volatile.Read(ref _stored) + more);
            if (Volatile.Read(ref _stored) >= _target)
                _reached.TrySetResult();
            return _reached.Task;
        }

        public void Stored()
        {
            if (Interlocked.Increment(ref _stored) >= Volatile.Read(ref _target))
                _reached.TrySetResult();
        }

        public void Refused(string error) => _reached.TrySetException(new InvalidOperationException($"The meeting refused a command: {error}"));
    }

    public sealed class StoredCounterActor : ReceiveActor
    {
        public StoredCounterActor(StoredCounter counter)
        {
            Receive<Attached>(_ => counter.Attached.TrySetResult());
            Receive<CommandStored>(_ => counter.Stored());
            Receive<CommandRefused>(r => counter.Refused(r.Error));
            ReceiveAny(_ => { });
        }
    }

    public static class SnapshotStore
    {
        public static async Task<long> SizeAsync(string postgres, string persistenceId)
        {
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT coalesce(sum(length(snapshot)), 0) FROM snapshot WHERE persistence_id = $1", connection)
            {
                Parameters = { new NpgsqlParameter { Value = persistenceId } },
            };
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        public static async Task DeleteAsync(string postgres, string persistenceId)
        {
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("DELETE FROM snapshot WHERE persistence_id = $1", connection)
            {
                Parameters = { new NpgsqlParameter { Value = persistenceId } },
            };
            await command.ExecuteNonQueryAsync();
        }
    }

    public static class LoadAverage
    {
        public static double? Now() => File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture)
            : null;
    }
}
