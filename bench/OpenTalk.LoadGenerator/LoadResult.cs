using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenTalk.Protocol;

namespace OpenTalk.LoadGenerator;

public sealed record LoadResult(
    string Name,
    DateTimeOffset RanAt,
    int Participants,
    int Rooms,
    int Concurrency,
    int Cores,
    double? LoadAverageBefore,
    int Warmup,
    Percentiles JoinMs,
    Percentiles FanOutMs,
    double? EventsPerSecond,
    double JoinPhaseSeconds,
    long? ServerBytesPerParticipant,
    JoinCpu CpuPerJoinMs,
    BaselineResult? RawJournal)
{
    /// <summary>Our journal rows per second during the joins over raw batched inserts at the same concurrency (goal: at least 0.5).</summary>
    public double? EventsToBatchedRaw => EventsPerSecond is { } ours && RawJournal is { BatchedRowsPerSecond: > 0 } raw
        ? Math.Round(ours / raw.BatchedRowsPerSecond, 3) : null;

    /// <summary>Fan-out p99 over the p99 of one raw commit when as many writers as rooms commit at once (goal: at most 2).</summary>
    public double? FanOutToRawCommit => RawJournal is { BurstCommitMs.P99: > 0 } raw ? Math.Round(FanOutMs.P99 / raw.BurstCommitMs.P99, 2) : null;

    private static readonly JsonSerializerOptions Indented = new(WireJson.Options) { WriteIndented = true };

    public async Task WriteAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var json = JsonSerializer.Serialize(this, Indented);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{Name}.json"), json + "\n");
    }

    public string TableRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Participants} in {Rooms} rooms, {Concurrency} joining at once | {JoinMs.P50} / {JoinMs.P95} / {JoinMs.P99} | {FanOutMs.P50} / {FanOutMs.P95} / {FanOutMs.P99} | {EventsPerSecond?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} | {(ServerBytesPerParticipant is { } b ? (b / 1024).ToString(CultureInfo.InvariantCulture) + " KiB" : "n/a")} | {RawJournal?.BatchedRowsPerSecond.ToString(CultureInfo.InvariantCulture) ?? "n/a"} ({EventsToBatchedRaw?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}) | {RawJournal?.BurstCommitMs.P99.ToString(CultureInfo.InvariantCulture) ?? "n/a"} ({FanOutToRawCommit?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}) | {LoadAverageBefore?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} |");

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Name}: {Participants} participants in {Rooms} rooms, {Concurrency} at once, {Cores} cores");
        text.AppendLine(CultureInfo.InvariantCulture, $"  join ms      p50 {JoinMs.P50}  p95 {JoinMs.P95}  p99 {JoinMs.P99}  max {JoinMs.Max}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  fan-out ms   p50 {FanOutMs.P50}  p95 {FanOutMs.P95}  p99 {FanOutMs.P99}  max {FanOutMs.Max} ({FanOutMs.Count} deliveries)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  events/s during joins: {EventsPerSecond?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}; memory per participant: {ServerBytesPerParticipant?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} bytes");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  CPU per join (ms): node {CpuPerJoinMs.Node?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}, postgres {CpuPerJoinMs.Postgres?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}, load generator {CpuPerJoinMs.Generator?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  load average before: {LoadAverageBefore?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}; warmed up with {Warmup} joins");
        if (RawJournal is { } raw)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  raw Npgsql, {raw.Writers} writers: {raw.SingleRowsPerSecond} rows/s one per transaction (commit p50 {raw.SingleCommitMs.P50} p99 {raw.SingleCommitMs.P99} ms), {raw.BatchedRowsPerSecond} rows/s {raw.BatchRows} per transaction");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  raw Npgsql, {raw.BurstWriters} writers committing one row at once: p50 {raw.BurstCommitMs.P50} p99 {raw.BurstCommitMs.P99} ms");
            text.AppendLine(CultureInfo.InvariantCulture, $"  ratios: events/s to batched raw {EventsToBatchedRaw} (goal >= 0.5); fan-out p99 to raw commit p99 {FanOutToRawCommit} (goal <= 2)");
        }
        return text.ToString();
    }
}

/// <summary>CPU time used during the join phase, per join: the node, all of PostgreSQL, and the load generator itself.</summary>
public sealed record JoinCpu(double? Node, double? Postgres, double? Generator);
