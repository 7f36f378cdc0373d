using System.Net;
using Microsoft.Extensions.Logging;
using OpenTalk.Client;
using OpenTalk.Protocol.Rest;
using OpenTalk.Protocol.Signaling;
using OpenTalk.Services.Jobs;

namespace OpenTalk.Services.Recorder;

/// <summary>
/// The recorder: takes recording jobs from the queue (as many at once as <see cref="RecorderSettings.Capacity"/>),
/// signs in with its client credentials, asks the node for a service ticket, joins the room hidden and acknowledges
/// the job once it is in; then records (<see cref="RoomRecorder"/>) and uploads the recording as an asset of the room.
/// </summary>
public sealed partial class RecorderService(RecorderSettings settings, ILogger log, HttpMessageHandler? http = null)
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(15);

    public Task RunAsync(IServiceJobQueue queue, CancellationToken ct)
    {
        if (settings.Node is null || string.IsNullOrEmpty(settings.ClientId) || string.IsNullOrEmpty(settings.ClientSecret))
            throw new InvalidOperationException("The recorder needs Recorder:Node, Recorder:ClientId and Recorder:ClientSecret.");
        CheckRtpAddress(settings.RtpAddress);
        // Recordings of meetings: for this user's eyes only.
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(WorkFolder);
        else
            Directory.CreateDirectory(WorkFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return RunAfterRecoveryAsync(queue, ct);
    }

    private async Task RunAfterRecoveryAsync(IServiceJobQueue queue, CancellationToken ct)
    {
        await RecoverAsync(ct);
        await queue.ConsumeAsync(ServiceKinds.Recorder, settings.Capacity, RecordAsync, ct);
    }

    /// <summary>Janus sends to this address and the mix listens on it: an IP address of this machine.</summary>
    private static void CheckRtpAddress(string address)
    {
        if (!IPAddress.TryParse(address, out var ip))
            throw new InvalidOperationException($"Recorder:RtpAddress '{address}' is not an IP address (Janus sends the media there).");
        try
        {
            using var socket = new System.Net.Sockets.UdpClient(new IPEndPoint(ip, 0));
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new InvalidOperationException($"Recorder:RtpAddress {address} is not an address of this machine: {e.Message}", e);
        }
    }

    /// <summary>A job that failed this often before is given up (logged), not taken again and again.</summary>
    private const int MaxAttempts = 5;

    /// <summary>What a job's folder says about it, for the recorder that finds it after a crash.</summary>
    private sealed record JobNote(ServiceJob Job, DateTimeOffset StartedAt);

    private const string JobNoteFile = "job.json";

    /// <summary>Held open (exclusively) while a recorder works in the folder: recovery leaves such folders alone.</summary>
    private const string LockFile = "lock";

    private static FileStream? TryLock(string folder)
    {
        try
        {
            return new FileStream(Path.Combine(folder, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Recordings a recorder left behind (it was killed, the machine lost power): their closed segments are joined and
    /// stored like any recording, so a crash loses at most the segment being written. A folder that cannot be stored
    /// now stays for the next start.
    /// </summary>
    private async Task RecoverAsync(CancellationToken ct)
    {
        foreach (var folder in Directory.GetDirectories(WorkFolder))
        {
            var note = Path.Combine(folder, JobNoteFile);
            if (!File.Exists(note))
                continue;
            using var held = TryLock(folder);
            if (held is null)
                continue; // another recorder on this machine is recording there
            try
            {
                var left = System.Text.Json.JsonSerializer.Deserialize<JobNote>(await File.ReadAllTextAsync(note, ct))!;
                var segments = Directory.GetFiles(folder, "seg-*.webm").Order(StringComparer.Ordinal).Where(f => new FileInfo(f).Length > 0).ToList();
                if (segments.Count > 0)
                {
                    var file = await JoinWhatIsWholeAsync(segments, Path.Combine(folder, RoomRecorder.FileNameOf(left.StartedAt)), ct);
                    using var client = NewClient();
                    await UploadAsync(new OpenTalkApi(client), left.Job, file, ct);
                    LogRecovered(log, segments.Count, left.Job.Room);
                }
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRecoveryFailed(log, e, folder);
            }
        }
    }

    /// <summary>The segment being written when the recorder died may be cut off: without it, if it spoils the rest.</summary>
    private static async Task<RecordingFile> JoinWhatIsWholeAsync(List<string> segments, string path, CancellationToken ct)
    {
        try
        {
            return await RecordingFile.JoinAsync(segments, path, ct);
        }
        catch (InvalidOperationException) when (segments.Count > 1)
        {
            return await RecordingFile.JoinAsync(segments[..^1], path, ct);
        }
    }

    private HttpClient NewClient()
    {
        var client = http is null ? new HttpClient() : new HttpClient(http, disposeHandler: false);
        client.BaseAddress = settings.Node;
        client.Timeout = Timeout.InfiniteTimeSpan; // uploads of long recordings
        return client;
    }

    private async Task RecordAsync(IJobLease lease, CancellationToken ct)
    {
        var job = lease.Job;
        if (lease.Redeliveries >= MaxAttempts)
        {
            LogGaveUp(log, job.JobId, job.Breakout ?? job.Room, lease.Redeliveries);
            await lease.AcknowledgeAsync();
            return;
        }
        using var client = NewClient();
        var api = new OpenTalkApi(client) { AccessToken = await TokenAsync(ct) };
        TicketResponse ticket;
        try
        {
            ticket = await api.StartRecorderAsync(job.Room, job.Breakout, ct);
        }
        catch (OpenTalkApiException e) when (e.Status is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            // Another recorder came first, or the room stopped asking: the job is done.
            LogNotNeeded(log, job.JobId, job.Breakout ?? job.Room, e.Code ?? "");
            await lease.AcknowledgeAsync();
            return;
        }
        await using var signaling = await SignalingClient.ConnectAsync(settings.Node!, ticket.Ticket, ct);
        await signaling.JoinAsync(settings.DisplayName, ct);
        var joined = await signaling.WaitForAsync(m => m.Namespace == Namespaces.Control && m.Message is "join_success" or "join_blocked" or "error", JoinTimeout);
        if (joined.Message != "join_success")
        {
            LogNotNeeded(log, job.JobId, job.Breakout ?? job.Room, joined.Raw);
            await lease.AcknowledgeAsync();
            return;
        }
        await lease.AcknowledgeAsync();
        LogJoined(log, job.JobId, job.Breakout ?? job.Room);

        var folder = Path.Combine(WorkFolder, job.JobId.ToString("N"));
        Directory.CreateDirectory(folder);
        using var held = TryLock(folder) ?? throw new IOException($"{folder} is in use by another recorder");
        var note = new JobNote(job, DateTimeOffset.UtcNow);
        await File.WriteAllTextAsync(Path.Combine(folder, JobNoteFile), System.Text.Json.JsonSerializer.Serialize(note), ct);
        await using var recorder = new RoomRecorder(signaling, settings, folder, note.StartedAt, (file, token) => UploadAsync(api, job, file, token), log);
        await recorder.RunAsync(joined, ct);
        // Stored (or nothing recorded): the folder goes. Segments that could not be stored stay, with the note.
        if (!Directory.EnumerateFiles(folder, "seg-*.webm").Any())
            Directory.Delete(folder, recursive: true);
    }

    private string WorkFolder => settings.WorkFolder
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "opentalk-recorder");

    private async Task<string> TokenAsync(CancellationToken ct) =>
        await SignIn.WithClientCredentialsAsync(settings.Authority ?? settings.Node!, settings.ClientId!, settings.ClientSecret!, ct);

    /// <summary>Waits between attempts at an upload the node could not take (its store or the node itself away).</summary>
    private static readonly TimeSpan[] UploadRetries = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(1)];

    /// <summary>
    /// The recording becomes an asset of the room (a breakout room's, of its main room). A node that cannot take it
    /// for the moment (503, or unreachable) is asked again a few times; after that the segments wait in the job's
    /// folder for the recorder's next start.
    /// </summary>
    private async Task UploadAsync(OpenTalkApi api, ServiceJob job, RecordingFile file, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                api.AccessToken = await TokenAsync(ct); // a long recording outlives its first token
                await using var content = File.OpenRead(file.Path);
                var asset = await api.UploadRecordingAsync(job.Room, job.Breakout, file.FileName, content, file.DurationSeconds, ct);
                LogStored(log, asset.Filename, job.Room, asset.Id);
                return;
            }
            catch (Exception e) when (attempt < UploadRetries.Length && IsWorthRetrying(e))
            {
                LogUploadRetry(log, file.FileName, job.Room, UploadRetries[attempt].TotalSeconds, e.Message);
                await Task.Delay(UploadRetries[attempt], ct);
            }
        }
    }

    private static bool IsWorthRetrying(Exception e) =>
        e is HttpRequestException
        || e is OpenTalkApiException { Status: HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The node could not take {FileName} of room {Room} now; trying again in {Seconds} s: {Reason}")]
    private static partial void LogUploadRetry(ILogger log, string fileName, Guid room, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} for room {Room} failed {Attempts} times: given up")]
    private static partial void LogGaveUp(ILogger log, Guid jobId, Guid room, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored a recording left behind ({Segments} segments) for room {Room}")]
    private static partial void LogRecovered(ILogger log, int segments, Guid room);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A recording left behind in {Folder} could not be stored; trying again at the next start")]
    private static partial void LogRecoveryFailed(ILogger log, Exception e, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: room {Room} does not need a recorder ({Why})")]
    private static partial void LogNotNeeded(ILogger log, Guid jobId, Guid room, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: recording room {Room}")]
    private static partial void LogJoined(ILogger log, Guid jobId, Guid room);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {FileName} for room {Room} (asset {Asset})")]
    private static partial void LogStored(ILogger log, string fileName, Guid room, Guid asset);
}
