using System.Globalization;

namespace OpenTalk.LoadGenerator;

/// <summary>Command-line options: <c>--key value</c> pairs.</summary>
public sealed record LoadOptions(
    Uri Server,
    string AdminPassword,
    int Participants,
    int Rooms,
    int Concurrency,
    int HandRounds,
    int Warmup,
    string Name,
    string? Postgres,
    int? ServerPid,
    string ResultsFolder,
    TimeSpan Deadline)
{
    public static LoadOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
            map[args[i].TrimStart('-')] = args[i + 1];
        string Get(string key, string fallback) => map.GetValueOrDefault(key, fallback);
        int Int(string key, int fallback) => int.Parse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new LoadOptions(
            new Uri(Get("server", "http://127.0.0.1:8080/")),
            Get("admin-password", ""),
            Int("participants", 1000),
            Int("rooms", 100),
            Int("concurrency", 10),
            Int("hand-rounds", 5),
            Int("warmup", 0),
            Get("name", "join-1000-in-100"),
            map.GetValueOrDefault("postgres"),
            map.TryGetValue("server-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            Get("results", "bench/results"),
            TimeSpan.FromSeconds(Int("deadline-seconds", 600)));
    }
}
