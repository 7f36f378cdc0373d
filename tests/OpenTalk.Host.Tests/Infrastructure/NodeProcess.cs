using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>An OpenTalk node as its own operating-system process, so a test can kill it outright.</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process, Uri baseUri, int clusterPort)
    {
        _process = process;
        BaseUri = baseUri;
        ClusterPort = clusterPort;
    }

    public Uri BaseUri { get; }

    public int ClusterPort { get; }

    public string ClusterAddress => $"akka.tcp://opentalk@127.0.0.1:{ClusterPort}";

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static async Task<NodeProcess> StartAsync(params string[] args)
    {
        var http = FreePort();
        var cluster = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[HostDll(), "--urls", $"http://127.0.0.1:{http}", "--OpenTalk:ClusterPort", cluster.ToString(), .. args])
            info.ArgumentList.Add(arg);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__OpenTalk"] = "Information";
        info.Environment["Logging__LogLevel__Akka"] = "Information";
        var process = Process.Start(info)!;
        var node = new NodeProcess(process, new Uri($"http://127.0.0.1:{http}/"), cluster);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitUntilLiveAsync();
        return node;
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as systemd or Kubernetes stop a node: a graceful shutdown.</summary>
    public void Terminate()
    {
        if (SendSignal(_process.Id, 15) != 0)
            throw new InvalidOperationException($"SIGTERM to {_process.Id} failed.");
    }

    /// <summary>Waits for the process to end; false when it is still running after <paramref name="atMost"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan atMost)
    {
        using var cts = new CancellationTokenSource(atMost);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

#pragma warning disable SYSLIB1054 // an int in and out: nothing to marshal
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);
#pragma warning restore SYSLIB1054

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        // For reading a passing run's timeline (failover, shutdown): OPENTALK_NODE_LOGS=<folder>.
        if (Environment.GetEnvironmentVariable("OPENTALK_NODE_LOGS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, $"node-{ClusterPort}.log"), Output);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(DateTime.UtcNow.ToString("HH:mm:ss.fff ", System.Globalization.CultureInfo.InvariantCulture) + line);
    }

    private async Task WaitUntilLiveAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The node exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync("health/live");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The node did not come up:\n{Output}");
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The built Host next to this test build (same configuration).</summary>
    internal static string HostDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenTalk.sln")))
            dir = dir.Parent;
        var dll = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("OpenTalk.sln not found above the test folder."),
            "src", "Host", "bin", configuration, "net10.0", "opentalk.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the Host first.", dll);
    }
}
