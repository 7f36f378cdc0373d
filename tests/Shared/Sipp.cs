using System.Diagnostics;

namespace OpenTalk.Tests.Shared;

/// <summary>Runs sipp (the sip-tester package) against a local port, always bounded by sipp's own timeout and ours.</summary>
public static class Sipp
{
    private const string Path = "/usr/bin/sipp";

    public static async Task<(int ExitCode, string Output)> RunAsync(int port, string transport, string scenario, string user = "service", int seconds = 15)
        => await RunAsync(port, transport, scenario, user, seconds, []);

    /// <param name="extra">More of sipp's arguments (e.g. <c>-set name value</c>).</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(int port, string transport, string scenario, string user, int seconds, string[] extra)
        => await RunAsync([.. ScenarioArgs(scenario), $"127.0.0.1:{port}", "-i", "127.0.0.1", "-t", transport, "-s", user, "-p", Invariant(FreePort())], seconds, extra);

    /// <summary>
    /// Starts sipp as the answering side (a callee, a registrar) of one call, listening on <paramref name="port"/> (a free
    /// loopback port when null), and returns once it listens; <see cref="SippServer.Exited"/> ends with sipp, bounded as
    /// <see cref="RunAsync(int, string, string, string, int)"/> is.
    /// </summary>
    public static async Task<SippServer> ServeAsync(string scenario, string transport = "u1", int seconds = 15, int? port = null)
    {
        var listening = port ?? FreePort();
        var exited = RunAsync([.. ScenarioArgs(scenario), "-i", "127.0.0.1", "-bind_local", "-t", transport, "-p", Invariant(listening)], seconds, []);
        // sipp binds a moment after it starts; a request sent before that would only be lost.
        var table = transport.StartsWith('t') ? "/proc/net/tcp" : "/proc/net/udp";
        var local = $"0100007F:{listening:X4}";
        for (var i = 0; i < 100 && !exited.IsCompleted; i++)
        {
            if ((await File.ReadAllLinesAsync(table)).Any(line => line.Contains(local, StringComparison.Ordinal)))
            {
                return new SippServer(listening, exited);
            }
            await Task.Delay(50);
        }
        var (code, output) = await exited.WaitAsync(TimeSpan.FromSeconds(seconds + 10));
        throw new InvalidOperationException($"sipp did not listen on {listening} (exit {code}): {output}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] args, int seconds, string[] extra)
    {
        Assert.True(File.Exists(Path), "sipp is missing: ./test installs it (Debian package sip-tester), or run apt-get install sip-tester");
        var workDir = Directory.CreateTempSubdirectory("opentalk-sipp-").FullName;
        var info = new ProcessStartInfo("timeout")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in (string[])[$"{seconds + 5}", Path, .. args, "-m", "1", "-nostdin", "-timeout", $"{seconds}s", "-timeout_error", "-mp", Invariant(Random.Shared.Next(20000, 40000)), .. extra])
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(seconds + 10));
        var output = await stdout + await stderr;
        try
        {
            Directory.Delete(workDir, recursive: true);
        }
        catch (IOException)
        {
        }
        return (process.ExitCode, output.Length > 3000 ? output[^3000..] : output);
    }

    /// <summary>A scenario file by its full path, one of the test project's Scenarios, or one of sipp's built-in ones.</summary>
    private static string[] ScenarioArgs(string scenario) =>
        System.IO.Path.IsPathRooted(scenario) ? ["-sf", scenario]
        : scenario.EndsWith(".xml", StringComparison.Ordinal) ? ["-sf", System.IO.Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario)]
        : ["-sn", scenario];

    private static string Invariant(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A loopback port free for UDP and TCP just now (SIP takes both): sipp's default 5060 may be taken on a shared
    /// machine. A port the system hands out free for UDP may be in use for TCP, so a few are tried.
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            using var udp = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
            udp.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
            var port = ((System.Net.IPEndPoint)udp.LocalEndPoint!).Port;
            using var tcp = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            try
            {
                tcp.Start();
                return port;
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 20)
            {
            }
        }
    }
}

/// <summary>sipp answering on <paramref name="Port"/> of 127.0.0.1; <paramref name="Exited"/> completes with its exit code and output.</summary>
public sealed record SippServer(int Port, Task<(int ExitCode, string Output)> Exited);
