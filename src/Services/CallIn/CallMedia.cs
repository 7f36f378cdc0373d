using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Channels;
using OpenTalk.Sip.Rtp;

namespace OpenTalk.Services.CallIn;

/// <summary>The call's audio format as the offer/answer chose it: G.711 μ-law (0) or A-law (8), and telephone-event's type.</summary>
public sealed record CallCodec(int PayloadType, int? TelephoneEventPayloadType)
{
    public bool IsALaw => PayloadType == 8;
}

/// <summary>
/// One call's audio with the caller: RTP over UDP, a 20 ms G.711 packet every 20 ms for as long as the call lasts
/// (silence when there is nothing to say: some phones and trunks hang up on a silent line). What the caller hears is
/// a prompt while one plays, else the room (<see cref="RoomAudio"/>); what they send comes out as keys (RFC 4733) and
/// as audio (<see cref="AudioReceived"/>). The caller's packets may come from another address than their SDP named
/// (NAT): replies go where their packets come from (symmetric RTP).
/// </summary>
public sealed partial class CallMedia : IAsyncDisposable
{
    public const int FrameSamples = PromptLibrary.SampleRate / 50;
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);

    private readonly UdpClient _socket;
    private readonly CallCodec _codec;
    private readonly DtmfDetector? _dtmf;
    private readonly Channel<char> _keys = Channel.CreateUnbounded<char>();
    private readonly Lock _lock = new();
    private readonly Queue<short[]> _prompt = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly uint _ssrc = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private TaskCompletionSource? _promptDone;
    private IPEndPoint _remote;
    private ushort _sequence = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue);
    private uint _timestamp = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private Task _sending = Task.CompletedTask;
    private Task _receiving = Task.CompletedTask;
    private long _packetsReceived;
    private long _sequenceGaps;
    private (uint Ssrc, ushort Sequence)? _lastAudio;

    private CallMedia(UdpClient socket, IPEndPoint remote, CallCodec codec)
    {
        _socket = socket;
        _remote = remote;
        _codec = codec;
        _dtmf = codec.TelephoneEventPayloadType is { } type ? new DtmfDetector(type) : null;
    }

    /// <summary>The local RTP port (even; the next one is RTCP's, which this side does not send).</summary>
    public int LocalPort => ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;

    /// <summary>RTP packets received from the caller so far (audio and key events; RTCP not counted).</summary>
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>
    /// Audio packets missing by the sequence numbers: the numbers skipped between two packets of the same stream that
    /// follow each other. A duplicate or a late packet counts nothing; a jump back or of 3000 and more (a new stream, a
    /// recording played again) starts counting anew.
    /// </summary>
    public long SequenceGaps => Interlocked.Read(ref _sequenceGaps);

    /// <summary>Keys the caller pressed, each once.</summary>
    public ChannelReader<char> Keys => _keys.Reader;

    /// <summary>The caller's audio, 20 ms of 8 kHz samples at a time (on the receiving thread).</summary>
    public event Action<short[]>? AudioReceived;

    /// <summary>What the caller hears when no prompt plays: 20 ms of 8 kHz samples, or null for silence.</summary>
    public Func<short[]?>? RoomAudio { get; set; }

    /// <summary>Binds a free even port of the range on <paramref name="local"/> and starts sending to <paramref name="remote"/>.</summary>
    public static CallMedia Open(IPAddress local, int portMin, int portMax, IPEndPoint remote, CallCodec codec) =>
        Open(BindRtpPort(local, portMin, portMax), remote, codec);

    /// <summary>Starts the call's media on a socket bound before (a call we place offers its port before the answer says the codec).</summary>
    public static CallMedia Open(UdpClient socket, IPEndPoint remote, CallCodec codec)
    {
        var media = new CallMedia(socket, remote, codec);
        media.Run();
        return media;
    }

    /// <summary>A socket on a free even port of the range (the next port is RTCP's), tried from a random start.</summary>
    public static UdpClient BindRtpPort(IPAddress local, int portMin, int portMax)
    {
        var first = portMin + (portMin % 2);
        var span = (portMax - first) / 2 + 1;
        var start = RandomNumberGenerator.GetInt32(Math.Max(span, 1));
        for (var i = 0; i < span; i++)
        {
            var port = first + 2 * ((start + i) % span);
            try
            {
                return new UdpClient(new IPEndPoint(local, port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                // taken by another call or program: the next one
            }
        }
        throw new InvalidOperationException($"No free RTP port between {portMin} and {portMax}.");
    }

    private void Run()
    {
        _sending = Task.Run(() => SendAsync(_stop.Token));
        _receiving = Task.Run(() => ReceiveAsync(_stop.Token));
    }

    /// <summary>Plays the prompts one after another (after what is playing, or instead of it); done when they were heard.</summary>
    public Task PlayAsync(IEnumerable<short[]> prompts, bool interrupt = false)
    {
        lock (_lock)
        {
            if (interrupt)
                StopPromptsLocked();
            foreach (var prompt in prompts)
                for (var offset = 0; offset < prompt.Length; offset += FrameSamples)
                {
                    var frame = new short[FrameSamples];
                    prompt.AsSpan(offset, Math.Min(FrameSamples, prompt.Length - offset)).CopyTo(frame);
                    _prompt.Enqueue(frame);
                }
            _promptDone ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var done = _promptDone.Task;
            if (_prompt.Count == 0)
                FinishPromptLocked();
            return done;
        }
    }

    /// <summary>Stops the prompt being played (a key pressed during it): what waits for it goes on at once.</summary>
    public void StopPrompts()
    {
        lock (_lock)
            StopPromptsLocked();
    }

    private void StopPromptsLocked()
    {
        _prompt.Clear();
        FinishPromptLocked();
    }

    private void FinishPromptLocked()
    {
        _promptDone?.TrySetResult();
        _promptDone = null;
    }

    /// <summary>Paced by the clock, not by the timer's ticks: a late tick sends the frames that are due, so the caller's
    /// jitter buffer sees 50 packets a second on average.</summary>
    private async Task SendAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long sent = 0;
        using var timer = new PeriodicTimer(Frame);
        var payload = new byte[FrameSamples];
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var due = (long)(clock.Elapsed / Frame);
                for (var n = 0; n < Math.Min(due - sent, 5); n++)
                    await SendFrameAsync(NextFrame(), payload, ct);
                sent = due;
            }
        }
        catch (OperationCanceledException)
        {
            // the call ended
        }
    }

    private short[]? NextFrame()
    {
        lock (_lock)
        {
            if (_prompt.TryDequeue(out var frame))
            {
                if (_prompt.Count == 0)
                    FinishPromptLocked();
                return frame;
            }
        }
        return RoomAudio?.Invoke();
    }

    private async Task SendFrameAsync(short[]? samples, byte[] payload, CancellationToken ct)
    {
        if (samples is null)
            payload.AsSpan().Fill(_codec.IsALaw ? (byte)0xD5 : (byte)0xFF); // the codes of zero
        else if (_codec.IsALaw)
            G711.EncodeALaw(samples, payload);
        else
            G711.EncodeMuLaw(samples, payload);
        var packet = new RtpPacket
        {
            PayloadType = _codec.PayloadType, SequenceNumber = _sequence++, Timestamp = _timestamp, Ssrc = _ssrc, Payload = payload,
        };
        _timestamp += FrameSamples;
        try
        {
            await _socket.SendAsync(packet.ToBytes(), Volatile.Read(ref _remote), ct);
        }
        catch (SocketException)
        {
            // ICMP unreachable from a caller gone quiet: the SIP side ends the call
        }
    }

    private async Task ReceiveAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // an ICMP error for an earlier send
            }
            if (RtpPacket.LooksLikeRtcp(received.Buffer) || !RtpPacket.TryParse(received.Buffer, out var packet))
                continue;
            Count(packet);
            if (!received.RemoteEndPoint.Equals(_remote))
                Volatile.Write(ref _remote, received.RemoteEndPoint);
            if (_dtmf?.Feed(packet) is { } key)
                _keys.Writer.TryWrite(key);
            else if (packet.PayloadType == _codec.PayloadType && packet.Payload.Length > 0 && AudioReceived is { } listener)
                Hear(packet.Payload, listener);
        }
    }

    private const int MaxDropout = 3000, MaxMisorder = 100;

    private void Count(RtpPacket packet)
    {
        Interlocked.Increment(ref _packetsReceived);
        if (packet.PayloadType != _codec.PayloadType)
            return;
        if (_lastAudio is var (ssrc, last) && ssrc == packet.Ssrc)
        {
            var ahead = (ushort)(packet.SequenceNumber - last);
            if (ahead == 0 || ahead > ushort.MaxValue - MaxMisorder)
                return; // a duplicate, or late: what was counted missing stays so
            if (ahead < MaxDropout)
                Interlocked.Add(ref _sequenceGaps, ahead - 1);
        }
        _lastAudio = (packet.Ssrc, packet.SequenceNumber);
    }

    private readonly List<short> _heard = [];

    /// <summary>Phones send 10, 20 or 30 ms a packet: what they send is handed on 20 ms at a time.</summary>
    private void Hear(byte[] payload, Action<short[]> listener)
    {
        var samples = new short[payload.Length];
        if (_codec.IsALaw)
            G711.DecodeALaw(payload, samples);
        else
            G711.DecodeMuLaw(payload, samples);
        _heard.AddRange(samples);
        var whole = _heard.Count / FrameSamples * FrameSamples;
        for (var offset = 0; offset < whole; offset += FrameSamples)
            listener(_heard.GetRange(offset, FrameSamples).ToArray());
        _heard.RemoveRange(0, whole);
    }

    /// <summary>A key the SIP side received (SIP INFO with <c>application/dtmf-relay</c>).</summary>
    public void KeyFromSignaling(char key) => _keys.Writer.TryWrite(key);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_sending, _receiving).ConfigureAwait(false);
        _socket.Dispose();
        _stop.Dispose();
        _keys.Writer.TryComplete();
        StopPrompts();
    }
}
