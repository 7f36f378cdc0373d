using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OpenTalk.Host.Tests.CallIn;

/// <summary>
/// baresip (Debian's baresip-core), a SIP phone independent of ours and of SIPp: it dials at start, sends a 440 Hz
/// tone as its voice, keys pressed reach it over its UDP console (<c>cons</c>) and go out as RFC 4733 events, and what
/// it hears is written to a WAV file (<c>sndfile</c>). Stopping it (SIGTERM) hangs up with a BYE.
/// </summary>
public sealed class Baresip : IAsyncDisposable
{
    private const string Program = "/usr/bin/baresip";
    private readonly Process _process;
    private readonly DirectoryInfo _home;
    private readonly int _consolePort;
    private readonly Task<string> _output;

    private Baresip(Process process, DirectoryInfo home, int consolePort)
    {
        _process = process;
        _home = home;
        _consolePort = consolePort;
        _output = process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>Calls <paramref name="target"/> as <paramref name="user"/> with G.711 µ-law.</summary>
    public static Baresip Dial(string target, string user = "baresip") => Start(user, "127.0.0.1:0", autoAnswer: false, ["-e", "/dial " + target]);

    /// <summary>
    /// A phone that picks up at once when called as <c>sip:<paramref name="user"/>@127.0.0.1:<paramref name="port"/></c>
    /// (baresip takes calls only for its own user).
    /// </summary>
    public static Baresip Answering(string user, int port) => Start(user, $"127.0.0.1:{port}", autoAnswer: true, []);

    private static Baresip Start(string user, string listen, bool autoAnswer, string[] arguments)
    {
        Assert.True(File.Exists(Program), "baresip is missing: ./test installs it (Debian package baresip-core)");
        var home = Directory.CreateTempSubdirectory("opentalk-baresip-");
        var consolePort = FreeUdpPort();
        var rtp = Random.Shared.Next(20000, 40000) & ~1;
        // ausine makes only 48 kHz stereo; baresip resamples it for the 8 kHz line.
        File.WriteAllText(Path.Combine(home.FullName, "config"), string.Create(CultureInfo.InvariantCulture, $"""
            poll_method epoll
            sip_listen {listen}
            sip_transports udp
            audio_source ausine,440
            audio_player aubridge,none
            audio_alert aubridge,none
            ausrc_srate 48000
            ausrc_channels 2
            auplay_srate 48000
            auplay_channels 1
            rtp_ports {rtp}-{rtp + 10}
            module_path /usr/lib/baresip/modules
            module g711.so
            module ausine.so
            module aubridge.so
            module sndfile.so
            module cons.so
            module_app account.so
            module_app menu.so
            cons_listen 127.0.0.1:{consolePort}
            snd_path {home.FullName}

            """));
        var answer = autoAnswer ? ";answermode=auto" : "";
        File.WriteAllText(Path.Combine(home.FullName, "accounts"), $"<sip:{user}@127.0.0.1>;regint=0;audio_codecs=PCMU{answer}\n");
        var info = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in (string[])["-f", home.FullName, .. arguments])
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        _ = process.StandardError.ReadToEndAsync();
        return new Baresip(process, home, consolePort);
    }

    /// <summary>Keys as a person presses them: one after another, with a pause between.</summary>
    public async Task PressAsync(string keys)
    {
        using var console = new UdpClient();
        foreach (var key in keys)
        {
            await console.SendAsync(new[] { (byte)key }, 1, new IPEndPoint(IPAddress.Loopback, _consolePort));
            await Task.Delay(300);
        }
    }

    /// <summary>How loud what baresip received was (RMS of the decoded samples), from the WAV file it writes.</summary>
    public double HeardLoudness()
    {
        var file = _home.EnumerateFiles("*-dec.wav").SingleOrDefault();
        if (file is null)
            return 0;
        using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        if (bytes.Length <= 44)
            return 0;
        double sum = 0;
        var count = (bytes.Length - 44) / 2;
        for (var i = 0; i < count; i++)
        {
            double sample = BitConverter.ToInt16(bytes, 44 + 2 * i);
            sum += sample * sample;
        }
        return Math.Sqrt(sum / count);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>What baresip printed (after it stopped): for failure messages.</summary>
    public async Task<string> OutputAsync() => _process.HasExited ? await _output : "(still running)";

    /// <summary>Stops baresip the way a user quits it: it sends BYE for its call first.</summary>
    public async Task HangUpAsync()
    {
        if (_process.HasExited)
            return;
        Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await HangUpAsync();
        }
        catch (TimeoutException)
        {
            _process.Kill();
        }
        _process.Dispose();
        try
        {
            _home.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreeUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }
}
