using System.Diagnostics;
using System.Globalization;

namespace OpenTalk.Services.Recorder;

/// <summary>A finished recording: one WebM made of the mix's segments, and how long it plays.</summary>
public sealed record RecordingFile(string Path, string FileName, double? DurationSeconds)
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Joins the segments (in their order) into one WebM without encoding again (ffmpeg's concat demuxer); one segment
    /// is taken as it is. Throws when ffmpeg is missing or fails: the segments stay where they are.
    /// </summary>
    public static async Task<RecordingFile> JoinAsync(IReadOnlyList<string> segments, string path, CancellationToken ct)
    {
        if (segments.Count == 0)
            throw new ArgumentException("a recording needs at least one segment", nameof(segments));
        var list = path + ".txt";
        // The concat list quotes each path; a quote inside one is written '\''.
        await File.WriteAllLinesAsync(list, segments.Select(s => $"file '{s.Replace("'", @"'\''", StringComparison.Ordinal)}'"), ct);
        try
        {
            await RunAsync("ffmpeg", ct, "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", list, "-c", "copy", path);
        }
        finally
        {
            File.Delete(list);
        }
        var duration = await RunAsync("ffprobe", ct, "-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", path);
        return new RecordingFile(path, System.IO.Path.GetFileName(path),
            double.TryParse(duration.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? Math.Round(seconds, 1) : null);
    }

    private static async Task<string> RunAsync(string tool, CancellationToken ct, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ToolTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {(await errors).Trim()}");
        return await output;
    }
}
