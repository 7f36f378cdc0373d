// Meeting notes relay benchmark (bench/run-collab.sh starts PostgreSQL and the node, and makes the Yjs updates first).
// A. Latency, two people: a writer types one keystroke (a real Yjs update) every 50 ms into the notes, the reader's
//    socket timestamps each as it arrives; baseline in the same run: the same two people chat (chat/send_message to
//    everyone, the reader's message_sent) at the same pace and count.
// B. Load: 20 writers type at 5 keystrokes/s each, every socket also receiving the others' changes; the node's CPU
//    while they type against the same sockets open and idle for as long (same run); the relay's latency under that
//    load, updates lost, and the journal rows the documents wrote.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OpenTalk.Client;
using OpenTalk.CollabBench;

var ci = CultureInfo.InvariantCulture;
var arguments = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => args[x.i + 1], StringComparer.Ordinal);
string Arg(string name, string fallback) => arguments.GetValueOrDefault(name, fallback);
var server = new Uri(arguments["server"]);
var nodePid = int.Parse(arguments["server-pid"], ci);
var postgres = arguments["postgres"];
var updatesFolder = arguments["updates"];
var keystrokes = int.Parse(Arg("keystrokes", "400"), ci);
var every = TimeSpan.FromMilliseconds(int.Parse(Arg("interval-ms", "50"), ci));
var writers = int.Parse(Arg("writers", "20"), ci);
var seconds = int.Parse(Arg("seconds", "30"), ci);
var rate = int.Parse(Arg("rate", "5"), ci);
var output = Arg("results", "bench/results/collab.json");
const int WarmUp = 20;

byte[][] Updates(int writer, int count)
{
    var lines = File.ReadAllLines(Path.Combine(updatesFolder, $"writer-{writer}.txt"));
    return lines.Length >= count ? [.. lines.Take(count).Select(Convert.FromBase64String)]
        : throw new InvalidOperationException($"writer-{writer}.txt has {lines.Length} updates, {count} wanted");
}

// The node's own start (its first administrator, say) is not the benchmark's: its log is read from here on.
var serverLog = arguments.GetValueOrDefault("server-log");
var logStart = Measures.LineCount(serverLog);
// The node is busy for a while after its start (projections catching up, code compiled on first use): let it settle.
await Task.Delay(TimeSpan.FromSeconds(int.Parse(Arg("settle", "15"), ci)));
var admin = new OpenTalkApi(new HttpClient { BaseAddress = server }) { AccessToken = await SignIn.WithPasswordAsync(server, "admin", arguments["admin-password"]) };

// A. Two people: the notes' relay against the chat's, same pace, same count.
Latency notesA, chatA;
int unknownA;
await using (var meeting = await Meeting.OpenAsync(server, admin))
{
    var writer = await meeting.GuestAsync("Writer");
    var reader = await meeting.GuestAsync("Reader");
    var writerPage = (await meeting.SelectWritersAsync([writer]))[0];
    var readerPage = await Meeting.PageAsync(reader, "read_url");
    await using var writing = await NotesSocket.OpenAsync(server, writerPage);
    await using var reading = await NotesSocket.OpenAsync(server, readerPage);

    // Warm-up, not measured: another writer's first keystrokes (its own Yjs client, so they do not clash) and a few chats.
    var warm = new Relay([Updates(1, WarmUp)], receivers: 1);
    reading.OnUpdate = warm.Receiver(0);
    await warm.TypeAsync(0, writing, Stopwatch.GetTimestamp(), every);
    await warm.SettleAsync(_ => -1, TimeSpan.FromSeconds(10));
    await ChatAsync(writer, reader, WarmUp, every);

    var relay = new Relay([Updates(0, keystrokes)], receivers: 1);
    reading.OnUpdate = relay.Receiver(0);
    await relay.TypeAsync(0, writing, Stopwatch.GetTimestamp(), every);
    await relay.SettleAsync(_ => -1, TimeSpan.FromSeconds(10));
    notesA = Latency.Of(keystrokes, relay.Latencies());
    unknownA = relay.Unknown;
    chatA = Latency.Of(keystrokes, await ChatAsync(writer, reader, keystrokes, every));
}
Console.WriteLine($"A: notes {notesA}; chat {chatA}");

// B. Twenty writers, each socket receiving the others' keystrokes.
var perWriter = rate * seconds;
var typingEvery = TimeSpan.FromSeconds(1.0 / rate);
CpuWindow idle, typing, idleAfter;
Latency notesB;
int missingB, unknownB, otherFrames;
(long Rows, long Bytes) journalBefore, journalAfter;
await using (var meeting = await Meeting.OpenAsync(server, admin))
{
    var people = new List<Person>();
    for (var i = 0; i < writers; i++)
        people.Add(await meeting.GuestAsync($"Writer {i}"));
    var pages = await meeting.SelectWritersAsync(people);
    var sockets = new List<NotesSocket>();
    try
    {
        foreach (var page in pages)
            sockets.Add(await NotesSocket.OpenAsync(server, page));
        var relay = new Relay([.. Enumerable.Range(0, writers).Select(w => Updates(w, perWriter))], receivers: writers);
        for (var i = 0; i < writers; i++)
            sockets[i].OnUpdate = relay.Receiver(i);

        await Task.Delay(TimeSpan.FromSeconds(5)); // joins and opens settle
        var idleStart = CpuSample.Take(nodePid);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        idle = CpuWindow.Between(idleStart, CpuSample.Take(nodePid));
        journalBefore = await Measures.DocumentJournalAsync(postgres);

        // Each writer on its own schedule, their keystrokes spread evenly over the interval.
        var typingStart = CpuSample.Take(nodePid);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w =>
            relay.TypeAsync(w, sockets[w], typingStart.At + (long)(typingEvery.TotalSeconds * Stopwatch.Frequency * w / writers), typingEvery)));
        typing = CpuWindow.Between(typingStart, CpuSample.Take(nodePid));
        // Updates still on their way when the typing ended count too (their latency is from their send).
        await relay.SettleAsync(r => r, TimeSpan.FromSeconds(20));
        notesB = Latency.Of(writers * (writers - 1) * perWriter, relay.Latencies());
        missingB = relay.Missing(r => r);
        unknownB = relay.Unknown;
        otherFrames = sockets.Sum(s => s.OtherFrames);

        // The last changes are written a write-behind (300 ms) after they came; the journal is counted a moment later.
        await Task.Delay(TimeSpan.FromSeconds(2));
        journalAfter = await Measures.DocumentJournalAsync(postgres);
        var afterStart = CpuSample.Take(nodePid);
        await Task.Delay(TimeSpan.FromSeconds(10));
        idleAfter = CpuWindow.Between(afterStart, CpuSample.Take(nodePid));
    }
    finally
    {
        foreach (var socket in sockets)
            await socket.DisposeAsync();
    }
}
Console.WriteLine($"B: idle {idle}; typing {typing}; notes {notesB}; missing {missingB}");

var startComplaints = Measures.Complaints(serverLog, 0).Count - Measures.Complaints(serverLog, logStart).Count;
var complaints = Measures.Complaints(serverLog, logStart);
var keystrokesB = writers * perWriter;
var result = new
{
    name = "collab",
    measured_at = DateTimeOffset.UtcNow,
    commit = Arg("commit", "unknown"),
    machine = new { cores = Environment.ProcessorCount, cpu = Measures.CpuModel(), os = Environment.OSVersion.VersionString, dotnet = Environment.Version.ToString() },
    latency_two_clients = new
    {
        keystrokes,
        interval_ms = every.TotalMilliseconds,
        notes_relay_ms = notesA,
        chat_relay_ms = chatA,
        notes_to_chat_p50 = chatA.P50 > 0 ? Math.Round(notesA.P50 / chatA.P50, 3) : 0,
        notes_to_chat_p99 = chatA.P99 > 0 ? Math.Round(notesA.P99 / chatA.P99, 3) : 0,
        unmatched_updates = unknownA,
    },
    twenty_writers = new
    {
        writers,
        keystrokes_per_second_each = rate,
        keystrokes_each = perWriter,
        keystrokes = keystrokesB,
        idle_cpu = idle,
        typing_cpu = typing,
        idle_after_cpu = idleAfter,
        node_cpu_percent_of_one_core_for_typing = Math.Round(typing.NodePercent - idle.NodePercent, 2),
        notes_relay_ms = notesB,
        updates_lost = missingB,
        unmatched_updates = unknownB,
        other_frames = otherFrames,
        journal_rows_before = journalBefore.Rows,
        journal_rows_written = journalAfter.Rows - journalBefore.Rows,
        journal_bytes_written = journalAfter.Bytes - journalBefore.Bytes,
        keystrokes_per_journal_row = journalAfter.Rows > journalBefore.Rows ? Math.Round((double)keystrokesB / (journalAfter.Rows - journalBefore.Rows), 1) : 0,
    },
    node_log_warnings_at_start = startComplaints,
    node_log_warnings_during_run = complaints.Count,
    node_log_first_warnings_during_run = complaints.Take(10).ToList(),
};
var json = JsonSerializer.Serialize(result, new JsonSerializerOptions
{
    WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
});
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, json);
Console.WriteLine(json);
return missingB == 0 && notesA.Received == keystrokes && chatA.Received == keystrokes ? 0 : 1;

// The writer chats to everyone, one message every `every`; the reader's socket timestamps each message_sent.
static async Task<List<double>> ChatAsync(Person writer, Person reader, int count, TimeSpan every)
{
    var tag = Guid.NewGuid().ToString("N")[..8];
    var sent = new long[count];
    var arrived = new long[count];
    using var stop = new CancellationTokenSource();
    var reading = Task.Run(async () =>
    {
        try
        {
            for (var seen = 0; seen < count && await reader.Socket.ReadAsync(stop.Token) is { } m;)
            {
                var at = Stopwatch.GetTimestamp();
                if (m is { Namespace: "chat", Message: "message_sent" } && m.Payload.GetProperty("content").GetString() is { } content
                    && content.StartsWith(tag, StringComparison.Ordinal))
                {
                    arrived[int.Parse(content[(tag.Length + 1)..], CultureInfo.InvariantCulture)] = at;
                    seen++;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    });
    var start = Stopwatch.GetTimestamp();
    for (var i = 0; i < count; i++)
    {
        var wait = every * i - Stopwatch.GetElapsedTime(start);
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);
        sent[i] = Stopwatch.GetTimestamp();
        await writer.Socket.SendAsync("chat", "send_message", new { content = $"{tag} {i}", scope = "global" });
    }
    stop.CancelAfter(TimeSpan.FromSeconds(10));
    await reading;
    return [.. Enumerable.Range(0, count).Where(i => arrived[i] != 0).Select(i => Measures.Milliseconds(sent[i], arrived[i]))];
}
