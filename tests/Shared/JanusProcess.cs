using System.Diagnostics;

namespace OpenTalk.Tests.Shared;

/// <summary>A real Janus started with OpenTalk's configuration inside the media namespace (deploy/scripts/janus.sh).</summary>
public sealed class JanusProcess : IAsyncDisposable
{
    private static int _nextPort = 18100 + (Environment.ProcessId % 50) * 20;

    private JanusProcess(string runDir, Uri url, string secret)
    {
        RunDirectory = runDir;
        Url = url;
        ApiSecret = secret;
    }

    public string RunDirectory { get; }

    public Uri Url { get; }

    public string ApiSecret { get; }

    /// <param name="environment">Settings for janus.sh (JANUS_TURN_REST_API and its key, say).</param>
    public static async Task<JanusProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = Interlocked.Add(ref _nextPort, 2);
        var runDir = Directory.CreateTempSubdirectory("opentalk-janus-").FullName;
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        var url = await ScriptAsync(environment, "start", runDir, MediaNetwork.InsideAddress, port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MediaNetwork.InsideInterface, secret, MediaNetwork.Namespace);
        return new JanusProcess(runDir, new Uri(url.Trim()), secret);
    }

    /// <summary>Kills Janus at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        var pidFile = Path.Combine(RunDirectory, "janus.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
                // already gone
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ScriptAsync(null, "stop", RunDirectory);
        try
        {
            Directory.Delete(RunDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still open: the temp folder is cleaned up later.
        }
    }

    private static async Task<string> ScriptAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var script = Path.Combine(Repository.Root, "deploy", "scripts", "janus.sh");
        var start = new ProcessStartInfo("bash", [script, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"janus.sh {arguments[0]} failed: {errors}");
        return output;
    }
}
