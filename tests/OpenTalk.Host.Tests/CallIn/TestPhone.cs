using System.Net;
using System.Net.Sockets;
using OpenTalk.Services.CallIn;
using OpenTalk.Sip.Rtp;

namespace OpenTalk.Host.Tests.CallIn;

/// <summary>
/// A phone at the far end of a call (plain UDP and RTP): it keys in digits as RFC 4733 events, can send a tone, and
/// keeps what it hears. With <see cref="Leg"/> it is the call a <see cref="CallSession"/> serves.
/// </summary>
public sealed class TestPhone : IAsyncDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly List<(TimeSpan At, short[] Samples)> _heard = [];
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;
    private ushort _sequence;
    private uint _timestamp = 5000;
    private Task _tone = Task.CompletedTask;
    private CancellationTokenSource? _toneStop;

    public TestPhone(string? name = null, string? number = "+49 30 1234 4321")
    {
        Media = CallMedia.Open(IPAddress.Loopback, 43000, 43999, (IPEndPoint)_socket.Client.LocalEndPoint!, new CallCodec(0, 101));
        Leg = new PhoneLeg(name, number, Media);
        _listening = ListenAsync(_stop.Token);
    }

    public CallMedia Media { get; }

    public PhoneLeg Leg { get; }

    private IPEndPoint Gateway => new(IPAddress.Loopback, Media.LocalPort);

    public TimeSpan Now => _clock.Elapsed;

    public sealed class PhoneLeg(string? name, string? number, CallMedia media) : ICallLeg
    {
        private readonly CancellationTokenSource _hungUp = new();
        private readonly TaskCompletionSource _endedByGateway = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? CallerName => name;
        public string? CallerNumber => number;
        public CallMedia Media => media;
        public CancellationToken HungUp => _hungUp.Token;

        /// <summary>Completes when the gateway hung up.</summary>
        public Task EndedByGateway => _endedByGateway.Task;

        public Task HangUpAsync()
        {
            _endedByGateway.TrySetResult();
            return Task.CompletedTask;
        }

        /// <summary>The caller puts the phone down.</summary>
        public void PutDown() => _hungUp.Cancel();
    }

    /// <summary>Keys as RFC 4733 events: updates, then the end packet three times, 150 ms apart.</summary>
    public async Task PressAsync(string keys)
    {
        foreach (var key in keys)
        {
            var timestamp = _timestamp;
            foreach (var (end, duration) in new[] { (false, 400), (false, 800), (true, 1200), (true, 1200), (true, 1200) })
                await SendAsync(new RtpPacket { PayloadType = 101, SequenceNumber = _sequence++, Timestamp = timestamp, Ssrc = 77, Payload = TelephoneEvent.ForDigit(key, end, (ushort)duration)!.ToBytes() });
            _timestamp += 1600;
            await Task.Delay(150);
        }
    }

    /// <summary>A 440 Hz tone into the call until <see cref="StopTone"/>.</summary>
    public void StartTone()
    {
        _toneStop = new CancellationTokenSource();
        var ct = _toneStop.Token;
        _tone = Task.Run(async () =>
        {
            for (var n = 0; !ct.IsCancellationRequested; n++)
            {
                var samples = Enumerable.Range(n * 160, 160).Select(i => (short)(10000 * Math.Sin(2 * Math.PI * 440 * i / 8000))).ToArray();
                var payload = new byte[160];
                G711.EncodeMuLaw(samples, payload);
                await SendAsync(new RtpPacket { PayloadType = 0, SequenceNumber = _sequence++, Timestamp = _timestamp, Ssrc = 77, Payload = payload });
                _timestamp += 160;
                await Task.Delay(20, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
    }

    public async Task StopToneAsync()
    {
        if (_toneStop is not null)
            await _toneStop.CancelAsync();
        await _tone;
    }

    private Task SendAsync(RtpPacket packet) => _socket.SendAsync(packet.ToBytes(), Gateway).AsTask();

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var received = await _socket.ReceiveAsync(ct);
                if (!RtpPacket.TryParse(received.Buffer, out var packet) || packet.PayloadType != 0)
                    continue;
                var samples = new short[packet.Payload.Length];
                G711.DecodeMuLaw(packet.Payload, samples);
                lock (_heard)
                    _heard.Add((_clock.Elapsed, samples));
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                // the gateway's side closed
            }
        }
    }

    /// <summary>The loudness (RMS) of what was heard between two moments.</summary>
    public double Loudness(TimeSpan from, TimeSpan to)
    {
        lock (_heard)
        {
            var samples = _heard.Where(h => h.At >= from && h.At < to).SelectMany(h => h.Samples).ToList();
            return samples.Count == 0 ? 0 : Math.Sqrt(samples.Average(s => (double)s * s));
        }
    }

    /// <summary>Waits until the line has been silent for <paramref name="quiet"/> (the prompts are over).</summary>
    public async Task UntilQuietAsync(TimeSpan quiet, TimeSpan within)
    {
        var deadline = Now + within;
        while (Now < deadline)
        {
            if (Now > quiet && Loudness(Now - quiet, Now) < 30)
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The line never went quiet.");
    }

    public async ValueTask DisposeAsync()
    {
        await StopToneAsync();
        await _stop.CancelAsync();
        await _listening;
        await Media.DisposeAsync();
        _socket.Dispose();
    }
}
