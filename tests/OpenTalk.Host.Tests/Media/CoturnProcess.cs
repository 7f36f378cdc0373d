using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.Media;

/// <summary>
/// Debian's coturn with the deployment's own configuration (deploy/coturn/turnserver.conf), changed only where a test
/// must: its secret, ports and log, listening on the two host addresses of the test namespaces, relaying from the
/// media namespace's side and allowed to relay to Janus there (the deployment's comment says to allow Janus' address).
/// </summary>
public sealed class CoturnProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private CoturnProcess(Process process, string directory, int port, string secret)
    {
        _process = process;
        _directory = directory;
        Port = port;
        Secret = secret;
    }

    public int Port { get; }

    public string Secret { get; }

    public string LogFile => Path.Combine(_directory, "turn.log");

    public static async Task<CoturnProcess> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("opentalk-coturn-").FullName;
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var port = FreeUdpPort();
        var shipped = await File.ReadAllLinesAsync(Path.Combine(Repository.Root, "deploy", "coturn", "turnserver.conf"));
        // Replaced here: what names the deployment's own machine (ports, TLS, the secret, its log).
        string[] replaced = ["listening-port=", "tls-listening-port=", "static-auth-secret=", "min-port=", "max-port=", "log-file=", "realm="];
        var config = shipped.Where(line => !replaced.Any(line.StartsWith)).Concat(
        [
            $"listening-port={port}", $"listening-ip={MediaNetwork.ClientHostAddress}", $"listening-ip={MediaNetwork.HostAddress}",
            $"relay-ip={MediaNetwork.HostAddress}", $"allowed-peer-ip={MediaNetwork.InsideAddress}",
            $"min-port={port + 1}", $"max-port={port + 200}", $"static-auth-secret={secret}", "realm=opentalk.test",
            "no-tls", "no-dtls", "verbose", $"log-file={Path.Combine(directory, "turn.log")}", $"pidfile={Path.Combine(directory, "turn.pid")}",
            "no-stdout-log",
        ]);
        var configFile = Path.Combine(directory, "turnserver.conf");
        await File.WriteAllLinesAsync(configFile, config);
        var process = Process.Start(new ProcessStartInfo("turnserver", ["-c", configFile])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("turnserver (Debian's coturn) did not start: is coturn installed?");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var coturn = new CoturnProcess(process, directory, port, secret);
        // Ready once it listens on the namespaces' side (TCP on the same port as UDP).
        await Poll.UntilAsync(() => Task.FromResult(process.HasExited || Listening(port)), ready => ready, 20);
        if (process.HasExited || !Listening(port))
            throw new InvalidOperationException("coturn did not start: " + coturn.Log());
        return coturn;
    }

    /// <summary>coturn's log so far (coturn appends a date to the file name it is given).</summary>
    public string Log() => string.Join("\n", Directory.GetFiles(_directory, "turn*.log").Select(File.ReadAllText));

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Parse(MediaNetwork.ClientHostAddress), port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A UDP port free on the client side whose next 200 are used for relays (well apart from Janus' range).</summary>
    private static int FreeUdpPort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = 40000 + Random.Shared.Next(0, 40) * 250;
            try
            {
                using var probe = new UdpClient(new IPEndPoint(IPAddress.Parse(MediaNetwork.ClientHostAddress), port));
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // cleaned up with the temp folder
        }
    }
}
