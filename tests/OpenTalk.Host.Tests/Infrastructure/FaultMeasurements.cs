using System.Globalization;
using System.Text.Json;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>
/// Timings the fault tests observe (how long chat went silent, how long recovery took). Tests never
/// assert them; `bench/run-faults.sh` collects them from the file named by OPENTALK_FAULT_RESULTS.
/// </summary>
public static class FaultMeasurements
{
    private static readonly object Gate = new();

    public static void Record(Xunit.Abstractions.ITestOutputHelper output, string name, double value, string unit, double? baseline = null)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {value:0.000} {unit}{(baseline is { } b ? $" (baseline {b:0.000} {unit})" : "")}"));
        if (Environment.GetEnvironmentVariable("OPENTALK_FAULT_RESULTS") is not { Length: > 0 } file)
            return;
        var line = JsonSerializer.Serialize(new { name, value, unit, baseline, at = DateTimeOffset.UtcNow });
        lock (Gate)
            File.AppendAllLines(file, [line]);
    }
}
