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
    Percentiles JoinMs,
    Percentiles FanOutMs,
    double? EventsPerSecond,
    double JoinPhaseSeconds,
    long? ServerBytesPerParticipant)
{
    private static readonly JsonSerializerOptions Indented = new(WireJson.Options) { WriteIndented = true };

    public async Task WriteAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var json = JsonSerializer.Serialize(this, Indented);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{Name}.json"), json + "\n");
    }

    public string TableRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Participants} in {Rooms} rooms, {Concurrency} joining at once | {JoinMs.P50} / {JoinMs.P95} / {JoinMs.P99} | {FanOutMs.P50} / {FanOutMs.P95} / {FanOutMs.P99} | {EventsPerSecond?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} | {(ServerBytesPerParticipant is { } b ? (b / 1024).ToString(CultureInfo.InvariantCulture) + " KiB" : "n/a")} |");

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Name}: {Participants} participants in {Rooms} rooms, {Concurrency} at once, {Cores} cores");
        text.AppendLine(CultureInfo.InvariantCulture, $"  join ms      p50 {JoinMs.P50}  p95 {JoinMs.P95}  p99 {JoinMs.P99}  max {JoinMs.Max}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  fan-out ms   p50 {FanOutMs.P50}  p95 {FanOutMs.P95}  p99 {FanOutMs.P99}  max {FanOutMs.Max} ({FanOutMs.Count} deliveries)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  events/s during joins: {EventsPerSecond?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}; memory per participant: {ServerBytesPerParticipant?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} bytes");
        return text.ToString();
    }
}
