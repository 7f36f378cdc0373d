// Phone call-in benchmark (bench/run-callin.sh starts PostgreSQL and the node): the phone gateway runs in this process,
// SIPp places N concurrent calls that key the conference id and PIN as RFC 4733 events and then talk (SIPp's recorded
// G.711 A-law speech, played again and again) before hanging up.
// 1. baseline: this process's CPU with the gateway started and the room's owner connected, no calls;
// 2. load: this process's CPU while all calls are in the room (a window between the last caller joining and the first
//    one hanging up), over the number of active calls, against the baseline; the node's CPU in the same windows;
// 3. set-up: INVITE to 200 OK and INVITE to the caller being in the room (control/joined seen by the owner), per call;
// 4. packet loss at the gateway: RTP packets the gateway received against the packets SIPp's recordings hold.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OpenTalk.Client;
using OpenTalk.Protocol.Rest;
using OpenTalk.Services.CallIn;
using OpenTalk.Tests.Shared;

var ci = CultureInfo.InvariantCulture;
var arguments = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => args[x.i + 1], StringComparer.Ordinal);
var server = new Uri(arguments["server"]);
var serverPid = int.Parse(arguments["server-pid"], ci);
var calls = int.Parse(arguments.GetValueOrDefault("calls", "50"), ci);
var talkWanted = int.Parse(arguments.GetValueOrDefault("seconds", "30"), ci);
var rate = double.Parse(arguments.GetValueOrDefault("rate", "10"), ci);
var idleSeconds = int.Parse(arguments.GetValueOrDefault("idle", "10"), ci);
var output = arguments.GetValueOrDefault("results", "bench/results/callin.json");
const string Pin = "2718281828";
const string Pcaps = "/usr/share/sip-tester";
const int PlaySeconds = 8; // g711a.pcap lasts 7.05 s

// The room, its call-in, and its owner in it (who sees the callers join).
var admin = new OpenTalkApi(new HttpClient { BaseAddress = server }) { AccessToken = await SignIn.WithPasswordAsync(server, "admin", arguments["admin-password"]) };
var room = (await admin.CreateRoomAsync(new CreateRoomRequest(null))).Id;
var sipId = (await admin.PutSipAsync(room, Pin)).GetProperty("sip_id").GetString()!;
await using var owner = await SignalingClient.ConnectAsync(server, (await admin.StartAsync(room)).Ticket);
await owner.JoinAsync("Owner");
await owner.WaitForAsync("control", "join_success", TimeSpan.FromSeconds(30));
var joined = new List<(DateTimeOffset At, int Call)>();
var left = new List<DateTimeOffset>();
using var stop = new CancellationTokenSource();
var watching = Task.Run(async () =>
{
    try
    {
        while (await owner.ReadAsync(stop.Token) is { } m)
        {
            var now = DateTimeOffset.UtcNow;
            if (m is { Namespace: "control", Message: "joined" } && m.Payload.GetProperty("control").GetProperty("display_name").GetString() is { } name
                && name.StartsWith("Phone …", StringComparison.Ordinal))
                lock (joined) joined.Add((now, int.Parse(name["Phone …".Length..], ci)));
            else if (m is { Namespace: "control", Message: "left" })
                lock (joined) left.Add(now);
        }
    }
    catch (OperationCanceledException)
    {
    }
});

// The gateway, in this process: its CPU is ours.
using var loggers = new WarningsToStderr();
await using var gateway = new CallInGateway(new CallInSettings
{
    Node = server, ClientId = arguments["client-id"], ClientSecret = arguments["client-secret"], SipPort = 0, MaxCalls = calls,
    PromptFolder = Path.Combine(Path.GetTempPath(), "opentalk-bench-prompts"),
}, loggers);
await gateway.StartAsync(stop.Token);
var serving = gateway.RunAsync(stop.Token);

// 1. Baseline, once the node has settled after its start.
await Task.Delay(TimeSpan.FromSeconds(int.Parse(arguments.GetValueOrDefault("settle", "15"), ci)));
Process? sippProcess = null;
var idle = await MeasureAsync(TimeSpan.FromSeconds(idleSeconds));

// 2. Load.
var keys = sipId + Pin;
var plays = Math.Max(1, (int)Math.Round(talkWanted / (double)PlaySeconds));
var talkMs = plays * PlaySeconds * 1000 + 1000; // the last recording played out before the BYE
var work = Directory.CreateTempSubdirectory("opentalk-callin-bench-").FullName;
var scenario = Path.Combine(work, "call-in.xml");
// A phone as the call-in tests use: the keys as RFC 4733 events, then SIPp's recorded speech again and again, then
// it hangs up; each call with its own number.
await File.WriteAllTextAsync(scenario, CallInScenario.Describe(keys, PlaySeconds, gatewayHangsUp: false, TimeSpan.FromSeconds(1),
    number: "+4930100000[call_number]", plays: plays));
var sippPort = FreePort();
var bound = (int)(calls / rate) + keys.Length + talkMs / 1000 + 60;
var sipp = new ProcessStartInfo("timeout") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
foreach (var a in (string[])[$"{bound + 10}", "/usr/bin/sipp", "-sf", scenario, $"127.0.0.1:{gateway.UdpEndPoint!.Port}", "-i", "127.0.0.1",
    "-t", "u1", "-s", "call-in", "-p", sippPort.ToString(ci), "-mp", FreePort().ToString(ci),
    "-m", calls.ToString(ci), "-l", calls.ToString(ci), "-r", rate.ToString(ci), "-nostdin", "-timeout", $"{bound}s", "-timeout_error",
    "-trace_msg", "-message_file", Path.Combine(work, "messages.log"), "-trace_stat", "-stf", Path.Combine(work, "stat.csv"), "-fd", "1"])
    sipp.ArgumentList.Add(a);
var started = DateTimeOffset.UtcNow;
sippProcess = Process.Start(sipp)!;
var sippOut = sippProcess.StandardOutput.ReadToEndAsync();
var sippErr = sippProcess.StandardError.ReadToEndAsync();

// All callers in the room (or the time for it gone): the window runs until just before the first caller hangs up.
var allInBy = started + TimeSpan.FromSeconds(calls / rate + keys.Length + 30);
while (Count(joined) < calls && DateTimeOffset.UtcNow < allInBy && !sippProcess.HasExited)
    await Task.Delay(100);
DateTimeOffset firstIn, lastIn;
lock (joined)
{
    firstIn = joined.Count > 0 ? joined.Min(j => j.At) : DateTimeOffset.UtcNow;
    lastIn = joined.Count > 0 ? joined.Max(j => j.At) : DateTimeOffset.UtcNow;
}
await Task.Delay(1000);
var windowEnd = firstIn + TimeSpan.FromMilliseconds(talkMs) - TimeSpan.FromSeconds(2);
var window = windowEnd - DateTimeOffset.UtcNow;
var activeBefore = gateway.ActiveCalls;
var inRoomBefore = Count(joined) - Count(left);
var load = await MeasureAsync(window > TimeSpan.FromSeconds(1) ? window : TimeSpan.FromSeconds(1));
var activeAfter = gateway.ActiveCalls;
var inRoomAfter = Count(joined) - Count(left);

await sippProcess.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(bound + 20));
var sippOutput = await sippOut + await sippErr;
for (var wait = Stopwatch.StartNew(); gateway.ActiveCalls > 0 && wait.Elapsed < TimeSpan.FromSeconds(30);)
    await Task.Delay(100);
var idleAfter = await MeasureAsync(TimeSpan.FromSeconds(idleSeconds));
await stop.CancelAsync();
await serving.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
await watching.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);

// SIPp's own count, and its messages: when each call's INVITE left and its 200 OK came back.
var stat = File.ReadAllLines(Path.Combine(work, "stat.csv"));
var header = stat[0].Split(';');
var last = stat[^1].Split(';');
string Stat(string name) => last[Array.IndexOf(header, name)];
var succeeded = int.Parse(Stat("SuccessfulCall(C)"), ci);
var failed = int.Parse(Stat("FailedCall(C)"), ci);
var (invites, answers) = ReadMessages(Path.Combine(work, "messages.log"));
var setup = answers.Where(a => invites.ContainsKey(a.Key)).Select(a => (a.Value - invites[a.Key]).TotalMilliseconds).ToList();
var inRoom = joined.Where(j => invites.ContainsKey(j.Call)).Select(j => (j.At - invites[j.Call]).TotalMilliseconds).ToList();
// The keys take their time: the first 1 s after the answer, then 0.4 s each, the last one's end 0.14 s after its start.
var keyingMs = 1000 + (keys.Length - 1) * 400 + 140;
var afterKeys = joined.Where(j => answers.ContainsKey(j.Call)).Select(j => (j.At - answers[j.Call]).TotalMilliseconds - keyingMs).ToList();
var answeredPerSecond = answers.Count > 1 ? (answers.Count - 1) / (answers.Values.Max() - answers.Values.Min()).TotalSeconds : 0;
var inRoomPerSecond = joined.Count > 1 ? (joined.Count - 1) / (lastIn - firstIn).TotalSeconds : 0;

// What SIPp sent: the packets of the recordings it played, per call that ran to its end.
var perCall = keys.Sum(k => PcapPackets($"{Pcaps}/dtmf_2833_{k}.pcap")) + plays * PcapPackets($"{Pcaps}/g711a.pcap");
var sent = (long)perCall * succeeded;
var received = gateway.RtpPacketsReceived;
var perCallCpu = load.CpuPercent - idle.CpuPercent;
var activeInWindow = Math.Min(activeBefore, activeAfter);

var result = new
{
    name = "callin",
    measured_at = DateTimeOffset.UtcNow,
    cores = Environment.ProcessorCount,
    calls,
    offered_rate_per_second = rate,
    keys_per_call = keys.Length,
    talk_seconds = talkMs / 1000.0,
    calls_succeeded = succeeded,
    calls_failed = failed,
    retransmissions = int.Parse(Stat("Retransmissions(C)"), ci),
    answered_per_second = Math.Round(answeredPerSecond, 2),
    joined_per_second = Math.Round(inRoomPerSecond, 2),
    invite_to_200_ms_p50 = Percentile(setup, 50),
    invite_to_200_ms_p95 = Percentile(setup, 95),
    invite_to_in_room_ms_p50 = Percentile(inRoom, 50),
    invite_to_in_room_ms_p95 = Percentile(inRoom, 95),
    invite_to_in_room_count = inRoom.Count,
    keying_ms = keyingMs,
    last_key_to_in_room_ms_p50 = Percentile(afterKeys, 50),
    last_key_to_in_room_ms_p95 = Percentile(afterKeys, 95),
    baseline_seconds = Math.Round(idle.Seconds, 1),
    baseline_cpu_percent_of_one_core = Math.Round(idle.CpuPercent, 1),
    baseline_node_cpu_percent_of_one_core = Math.Round(idle.NodeCpuPercent, 1),
    idle_after_cpu_percent_of_one_core = Math.Round(idleAfter.CpuPercent, 1),
    idle_after_node_cpu_percent_of_one_core = Math.Round(idleAfter.NodeCpuPercent, 1),
    window_seconds = Math.Round(load.Seconds, 1),
    active_calls_at_window_start = activeBefore,
    active_calls_at_window_end = activeAfter,
    callers_in_room_at_window_start = inRoomBefore,
    callers_in_room_at_window_end = inRoomAfter,
    cpu_percent_of_one_core = Math.Round(load.CpuPercent, 1),
    sipp_cpu_percent_of_one_core = Math.Round(load.SippCpuPercent, 1),
    baseline_machine_cpu_percent_of_one_core = Math.Round(idle.MachineCpuPercent, 1),
    machine_cpu_percent_of_one_core = Math.Round(load.MachineCpuPercent, 1),
    other_cpu_percent_of_one_core = Math.Round(load.MachineCpuPercent - load.CpuPercent - load.NodeCpuPercent - load.SippCpuPercent, 1),
    node_cpu_percent_of_one_core = Math.Round(load.NodeCpuPercent, 1),
    cpu_percent_per_active_call = activeInWindow > 0 ? Math.Round(perCallCpu / activeInWindow, 2) : 0,
    node_cpu_percent_per_active_call = activeInWindow > 0 ? Math.Round((load.NodeCpuPercent - idle.NodeCpuPercent) / activeInWindow, 3) : 0,
    rtp_packets_sent = sent,
    rtp_packets_received = received,
    rtp_packet_loss_percent = sent > 0 ? Math.Round(100.0 * (sent - received) / sent, 3) : 0,
    rtp_sequence_gaps = gateway.RtpSequenceGaps,
};
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result,
    new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
Console.WriteLine(JsonSerializer.Serialize(result));
if (succeeded < calls)
    Console.Error.WriteLine(sippOutput.Length > 4000 ? sippOutput[^4000..] : sippOutput);
Console.WriteLine(string.Create(ci,
    $"| {calls} calls, {rate}/s, {result.talk_seconds} s talk | {succeeded} / {calls} | {result.answered_per_second} / {result.joined_per_second} | {result.invite_to_200_ms_p50} / {result.invite_to_200_ms_p95} ms | {result.invite_to_in_room_ms_p50} / {result.invite_to_in_room_ms_p95} ms ({result.last_key_to_in_room_ms_p50} / {result.last_key_to_in_room_ms_p95} ms after the last key) | {result.baseline_cpu_percent_of_one_core} % | {result.cpu_percent_of_one_core} % ({activeInWindow} calls) | {result.cpu_percent_per_active_call} % | {received} / {sent} ({result.rtp_packet_loss_percent} %), {result.rtp_sequence_gaps} gaps |"));
Directory.Delete(work, recursive: true);
sippProcess.Dispose();
return succeeded == calls ? 0 : 1;

int Count<T>(List<T> list)
{
    lock (joined)
        return list.Count;
}

async Task<(double Seconds, double CpuPercent, double NodeCpuPercent, double SippCpuPercent, double MachineCpuPercent)> MeasureAsync(TimeSpan length)
{
    var sippPid = SippPid();
    var (self, node, sippCpu, machine) = (Cpu("self"), Cpu(serverPid.ToString(ci)), sippPid is { } p ? Cpu(p) : 0, MachineBusy());
    var clock = Stopwatch.StartNew();
    await Task.Delay(length);
    var seconds = clock.Elapsed.TotalSeconds;
    return (seconds, (Cpu("self") - self) / seconds * 100, (Cpu(serverPid.ToString(ci)) - node) / seconds * 100,
        sippPid is { } q && File.Exists($"/proc/{q}/stat") ? (Cpu(q) - sippCpu) / seconds * 100 : 0, (MachineBusy() - machine) / seconds * 100);
}

// SIPp runs under timeout(1): its only child.
string? SippPid()
{
    if (sippProcess is null || sippProcess.HasExited)
        return null;
    var children = File.ReadAllText($"/proc/{sippProcess.Id}/task/{sippProcess.Id}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return children.FirstOrDefault();
}

// All cores' busy time (everything but idle and iowait in /proc/stat's first line), in seconds.
static double MachineBusy()
{
    var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
    return (fields.Take(8).Sum() - fields[3] - fields[4]) / 100.0;
}

// utime + stime (fields 14 and 15 of /proc/<pid>/stat), in clock ticks (100 per second on Linux).
static double Cpu(string pid)
{
    var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

static double Percentile(List<double> values, int p) =>
    values.Count == 0 ? 0 : Math.Round(values.Order().ElementAt(Math.Min(values.Count - 1, (int)Math.Ceiling(p / 100.0 * values.Count) - 1)), 1);

static int PcapPackets(string file)
{
    var bytes = File.ReadAllBytes(file);
    var count = 0;
    for (var offset = 24; offset + 16 <= bytes.Length; count++)
        offset += 16 + BitConverter.ToInt32(bytes, offset + 8);
    return count;
}

static int FreePort()
{
    using var udp = new Socket(SocketType.Dgram, ProtocolType.Udp);
    udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    return ((IPEndPoint)udp.LocalEndPoint!).Port;
}

// SIPp's message log: "----- <local time>" then "UDP message sent|received (n bytes):" then the message. The call's
// number is in the INVITE's From (+4930100000<call number>: its last four digits name the caller in the room).
static (Dictionary<int, DateTimeOffset> Invites, Dictionary<int, DateTimeOffset> Answers) ReadMessages(string file)
{
    var invites = new Dictionary<int, DateTimeOffset>();
    var answers = new Dictionary<int, DateTimeOffset>();
    var callOf = new Dictionary<string, int>(StringComparer.Ordinal);
    var blocks = File.ReadAllText(file).Split("----------------------------------------------- ", StringSplitOptions.RemoveEmptyEntries);
    foreach (var block in blocks)
    {
        var lines = block.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count < 4 || !DateTime.TryParse(lines[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var local))
            continue;
        var at = new DateTimeOffset(local);
        var sentByUs = lines[1].Contains("message sent", StringComparison.Ordinal);
        var first = lines[3];
        string? Header(string name) => lines.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();
        var callId = Header("Call-ID");
        if (callId is null)
            continue;
        if (sentByUs && first.StartsWith("INVITE ", StringComparison.Ordinal))
        {
            var from = Header("From") ?? "";
            var number = from[(from.IndexOf("+4930100000", StringComparison.Ordinal) + "+4930100000".Length)..from.IndexOf('@', StringComparison.Ordinal)];
            var call = int.Parse(number, CultureInfo.InvariantCulture);
            callOf[callId] = call;
            invites.TryAdd(call, at);
        }
        else if (!sentByUs && first.StartsWith("SIP/2.0 200", StringComparison.Ordinal)
            && (Header("CSeq") ?? "").EndsWith("INVITE", StringComparison.Ordinal) && callOf.TryGetValue(callId, out var answered))
            answers.TryAdd(answered, at);
    }
    return (invites, answers);
}

sealed class WarningsToStderr : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                Console.Error.WriteLine($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
        }
    }
}
