using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace OpenTalk.Tests.Shared;

/// <summary>
/// Our own nginx with the RTMP module on 127.0.0.1 (its own prefix folder, no HTTP), recording every stream it
/// receives as FLV into <see cref="RecordDirectory"/>.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RtmpServer : IDisposable
{
    private const string Module = "/usr/lib/nginx/modules/ngx_rtmp_module.so";

    private readonly Process _process;
    private readonly string _prefix;

    private readonly string _nginx;

    private RtmpServer(string nginx, Process process, string prefix, int port)
    {
        _nginx = nginx;
        _process = process;
        _prefix = prefix;
        Port = port;
    }

    public int Port { get; }

    public string RecordDirectory => Path.Combine(_prefix, "rec");

    public string Url(string stream) => string.Create(CultureInfo.InvariantCulture, $"rtmp://127.0.0.1:{Port}/live/{stream}");

    public static async Task<RtmpServer> StartAsync()
    {
        var nginx = MediaTools.Require("nginx", "nginx libnginx-mod-rtmp");
        Assert.True(File.Exists(Module), $"{Module} is missing: install the Debian package libnginx-mod-rtmp");
        var prefix = Directory.CreateTempSubdirectory("opentalk-rtmp-").FullName;
        var rec = Directory.CreateDirectory(Path.Combine(prefix, "rec")).FullName;
        // nginx started by root runs its worker as nobody, which writes the recordings.
        File.SetUnixFileMode(prefix, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(rec, (UnixFileMode)0b111_111_111 | UnixFileMode.StickyBit);
        var port = MediaTools.FreeTcpPort();
        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), string.Create(CultureInfo.InvariantCulture, $$"""
            load_module {{Module}};
            daemon off;
            worker_processes 1;
            error_log {{prefix}}/error.log info;
            pid {{prefix}}/nginx.pid;
            events { worker_connections 64; }
            rtmp {
              server {
                listen 127.0.0.1:{{port}};
                application live {
                  live on;
                  record all;
                  record_path {{rec}};
                  record_unique on;
                }
              }
            }
            """));
        var start = new ProcessStartInfo(nginx) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", prefix + "/", "-e", prefix + "/error.log", "-c", prefix + "/nginx.conf" }) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var server = new RtmpServer(nginx, process, prefix, port);
        var up = await MediaTools.Eventually(() => process.HasExited || Listening(port), TimeSpan.FromSeconds(5));
        if (!up || process.HasExited)
        {
            var log = File.Exists(Path.Combine(prefix, "error.log")) ? File.ReadAllText(Path.Combine(prefix, "error.log")) : "";
            server.Dispose();
            Assert.Fail($"nginx did not listen on 127.0.0.1:{port}: {process.StandardError.ReadToEnd()} {log}");
        }
        return server;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The recordings of one stream name (nginx names them stream-unique.flv).</summary>
    public IReadOnlyList<string> Recordings(string stream) =>
        Directory.GetFiles(RecordDirectory, stream + "-*.flv").Order(StringComparer.Ordinal).ToList();

    /// <summary>Ends the server at once (master and worker, by id), as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5_000);
    }

    public void Dispose()
    {
        // Graceful quit (the master ends its worker), then by id if it has not.
        if (!_process.HasExited)
        {
            using var quit = Process.Start(new ProcessStartInfo(_nginx, ["-p", _prefix + "/", "-e", _prefix + "/error.log", "-c", _prefix + "/nginx.conf", "-s", "quit"]) { UseShellExecute = false, RedirectStandardError = true });
            quit?.WaitForExit(3_000);
            if (!_process.WaitForExit(5_000)) _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_prefix, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the worker (another user) may still hold a file: the temp folder is cleaned with the machine
        }
    }
}
