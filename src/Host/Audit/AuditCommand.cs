using System.Globalization;
using System.Text.Json;
using OpenTalk.Actors.Journal;
using OpenTalk.Host.Hosting;

namespace OpenTalk.Host.Audit;

/// <summary>
/// <c>opentalk audit verify|replay|export</c>: the audit API's checks on the command line, against the nodes' Postgres
/// (<c>--OpenTalk:Postgres</c>, or the node's own configuration) or, for <c>verify</c> and <c>replay</c>, an export
/// file (<c>--file</c>) with no database at all. Exit codes: 0 intact, 1 the chain is broken, 2 a usage error.
/// </summary>
public static class AuditCommand
{
    public const string Usage = """
        Usage:
          opentalk audit verify  <room-id> | --file <export.jsonl>   [--json]
          opentalk audit replay  <room-id> | --file <export.jsonl>   [--at <ISO 8601 instant>]
          opentalk audit export  <room-id>                           [--out <file>]
        Database: --OpenTalk:Postgres "<connection string>" (or the node's appsettings.json / OpenTalk__Postgres).
        """;

    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        if (args is not [var verb and ("verify" or "replay" or "export"), .. var rest])
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        var (room, settings, json) = Split(rest);
        var options = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables()
            .AddCommandLine(settings).Build();
        try
        {
            var (roomId, report) = await LoadAsync(room, options, ct);
            switch (verb)
            {
                case "verify":
                    return await VerifyAsync(roomId, report, json, output);
                case "replay":
                    var at = options["at"] is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : DateTimeOffset.UtcNow;
                    await output.WriteLineAsync(JsonSerializer.Serialize(AuditRoomState.Replay(roomId, report.Events, at), Output));
                    return 0;
                default:
                    return await ExportAsync(roomId, report, options["out"], output);
            }
        }
        catch (Exception e) when (e is UsageException or FormatException or IOException or UnauthorizedAccessException or Npgsql.NpgsqlException)
        {
            await errors.WriteLineAsync(e.Message);
            return 2;
        }
    }

    /// <summary>The room id (the one argument that is not an option or an option's value), the options, and <c>--json</c>.</summary>
    private static (string? Room, string[] Options, bool Json) Split(string[] args)
    {
        string? room = null;
        var options = new List<string>();
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--json")
                json = true;
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
                options.AddRange(args[i].Contains('=') || i + 1 == args.Length ? [args[i]] : [args[i], args[++i]]);
            else
                room ??= args[i];
        }
        return (room, [.. options], json);
    }

    private static async Task<(Guid RoomId, ChainReport Report)> LoadAsync(string? room, IConfiguration options, CancellationToken ct)
    {
        if (options["file"] is { } file)
        {
            using var reader = File.OpenText(file);
            var lines = AuditExportLine.ReadAll(reader);
            var rooms = lines.Select(l => l.RoomId).Distinct().ToList();
            if (rooms.Count > 1)
                throw new FormatException($"{file} holds the events of {rooms.Count} rooms; export one room per file.");
            return (rooms.FirstOrDefault(), ChainAudit.Check(lines.Select(l => l.ToStored())));
        }
        if (!Guid.TryParse(room, out var roomId))
            throw new UsageException($"Give a room id (a UUID) or --file <export.jsonl>.{Environment.NewLine}{Usage}");
        var settings = options.GetSection(OpenTalkSettings.Section).Get<OpenTalkSettings>() ?? new OpenTalkSettings();
        if (string.IsNullOrWhiteSpace(settings.Postgres))
            throw new UsageException("OpenTalk:Postgres is required: the connection string of the nodes' Postgres.");
        var journal = new AuditJournal(settings.Postgres);
        var report = await journal.CheckAsync(roomId, ct);
        if (report.Events.Count == 0)
            throw new UsageException($"The journal holds no events of room {roomId}.");
        return (roomId, report);
    }

    private static async Task<int> VerifyAsync(Guid roomId, ChainReport report, bool json, TextWriter output)
    {
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                room_id = roomId, intact = report.Intact, event_count = report.Events.Count, head_hash = report.HeadHash, problems = report.Problems,
            }, Output));
            return report.Intact ? 0 : 1;
        }
        if (report.Intact)
        {
            await output.WriteLineAsync($"Room {roomId}: {report.Events.Count} events, the hash chain is intact.");
            await output.WriteLineAsync($"Head hash: {report.HeadHash}");
            return 0;
        }
        await output.WriteLineAsync($"Room {roomId}: {report.Events.Count} events, the hash chain is broken:");
        foreach (var problem in report.Problems)
            await output.WriteLineAsync($"  event {problem.SequenceNr}: {problem.Kind.ToString().ToLowerInvariant()}. {problem.Detail}");
        return 1;
    }

    private static async Task<int> ExportAsync(Guid roomId, ChainReport report, string? path, TextWriter output)
    {
        var target = path is null ? output : File.CreateText(path);
        try
        {
            foreach (var entry in report.Events)
                await target.WriteLineAsync(AuditExportLine.Of(roomId, entry).ToJson());
        }
        finally
        {
            if (path is not null)
                await target.DisposeAsync();
        }
        // The export carries a broken chain as it is (an auditor may want exactly that); the exit code tells.
        return report.Intact ? 0 : 1;
    }

    private sealed class UsageException(string message) : Exception(message);
}
