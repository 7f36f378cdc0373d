using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace OpenTalk.CollabBench;

/// <summary>CPU times of the node, this program and the machine at one moment, with the load average then.</summary>
internal sealed record CpuSample(long At, double Node, double Self, double Machine, string LoadAverage)
{
    public static CpuSample Take(int nodePid) =>
        new(Stopwatch.GetTimestamp(), Measures.Cpu(nodePid.ToString(CultureInfo.InvariantCulture)), Measures.Cpu("self"), Measures.MachineBusy(),
            File.ReadAllText("/proc/loadavg").Trim());
}

/// <summary>CPU between two samples, in % of one core (100 % is one core busy all the time).</summary>
internal sealed record CpuWindow(double Seconds, double NodePercent, double SelfPercent, double MachinePercent, string LoadAverageAtStart, string LoadAverageAtEnd)
{
    public static CpuWindow Between(CpuSample start, CpuSample end)
    {
        var seconds = Stopwatch.GetElapsedTime(start.At, end.At).TotalSeconds;
        return new(Math.Round(seconds, 2), Measures.Round((end.Node - start.Node) / seconds * 100), Measures.Round((end.Self - start.Self) / seconds * 100),
            Measures.Round((end.Machine - start.Machine) / seconds * 100), start.LoadAverage, end.LoadAverage);
    }
}

/// <summary>Latency percentiles in milliseconds, over the samples that arrived.</summary>
internal sealed record Latency(int Sent, int Received, double P50, double P95, double P99, double Max)
{
    public static Latency Of(int sent, IReadOnlyCollection<double> ms) =>
        new(sent, ms.Count, Measures.Percentile(ms, 50), Measures.Percentile(ms, 95), Measures.Percentile(ms, 99), ms.Count == 0 ? 0 : Measures.Round(ms.Max()));
}

internal static class Measures
{
    public static double Round(double value) => Math.Round(value, 2);

    public static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>The nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, int p) =>
        values.Count == 0 ? 0 : Round(values.Order().ElementAt(Math.Min(values.Count - 1, (int)Math.Ceiling(p / 100.0 * values.Count) - 1)));

    /// <summary>utime + stime (fields 14 and 15 of /proc/&lt;pid&gt;/stat), in seconds (100 clock ticks a second on Linux).</summary>
    public static double Cpu(string pid)
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>All cores' busy time (everything but idle and iowait in /proc/stat's first line), in seconds.</summary>
    public static double MachineBusy()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields.Take(8).Sum() - fields[3] - fields[4]) / 100.0;
    }

    public static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";

    /// <summary>Rows the documents wrote to the journal (Akka.Persistence.Sql's default table mapping: <c>journal</c>, <c>persistence_id</c>), and their bytes.</summary>
    public static async Task<(long Rows, long Bytes)> DocumentJournalAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*), coalesce(sum(length(message)), 0) from journal where persistence_id like 'document-%'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// The node's log entries at warning level and above after its first <paramref name="skip"/> lines (ASP.NET's console
    /// format: "warn:", "fail:" or "crit:" and the category, then the message on indented lines), each cut to 400 characters.
    /// </summary>
    public static List<string> Complaints(string? logFile, int skip)
    {
        if (logFile is null || !File.Exists(logFile))
            return [];
        var lines = File.ReadAllLines(logFile);
        var complaints = new List<string>();
        for (var i = skip; i < lines.Length; i++)
        {
            if (!(lines[i].StartsWith("warn:", StringComparison.Ordinal) || lines[i].StartsWith("fail:", StringComparison.Ordinal)
                || lines[i].StartsWith("crit:", StringComparison.Ordinal)))
                continue;
            var entry = string.Join(" ", lines.Skip(i).Take(1).Concat(lines.Skip(i + 1).TakeWhile(l => l.StartsWith(' ')).Take(4)).Select(l => l.Trim()));
            complaints.Add(entry.Length > 400 ? entry[..400] : entry);
        }
        return complaints;
    }

    public static int LineCount(string? logFile) => logFile is not null && File.Exists(logFile) ? File.ReadLines(logFile).Count() : 0;
}
