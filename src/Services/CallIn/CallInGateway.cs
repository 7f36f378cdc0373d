using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OpenTalk.Client;
using OpenTalk.Sip.Sdp;
using OpenTalk.Sip.UserAgent;

namespace OpenTalk.Services.CallIn;

/// <summary>
/// The phone gateway: takes SIP calls (UDP and TCP on <see cref="CallInSettings.ListenAddress"/>:<see cref="CallInSettings.SipPort"/>),
/// answers each with G.711 (the caller's order of PCMU and PCMA) and telephone-event, and runs a <see cref="CallSession"/>
/// per call: the keypad, then the meeting. It signs in to the node with its client credentials (role <c>opentalk-call-in</c>).
/// </summary>
public sealed partial class CallInGateway(CallInSettings settings, ILoggerFactory loggers, HttpMessageHandler? http = null) : IAsyncDisposable
{
    private readonly ILogger _log = loggers.CreateLogger<CallInGateway>();
    private readonly SemaphoreSlim _token = new(1, 1);
    private SipUserAgent? _agent;
    private PromptLibrary? _prompts;
    private OpenTalkApi? _api;
    private DateTimeOffset _tokenUntil;
    private int _calls;
    private long _rtpPackets;
    private long _rtpGaps;

    /// <summary>Where SIP listens (the port chosen when <see cref="CallInSettings.SipPort"/> is 0).</summary>
    public IPEndPoint? UdpEndPoint => _agent?.UdpEndPoint;

    public IPEndPoint? TcpEndPoint => _agent?.TcpEndPoint;

    /// <summary>Calls being served now.</summary>
    public int ActiveCalls => Volatile.Read(ref _calls);

    /// <summary>RTP packets received from callers, over the calls that ended (<see cref="CallMedia.PacketsReceived"/>).</summary>
    public long RtpPacketsReceived => Interlocked.Read(ref _rtpPackets);

    /// <summary>Audio packets missing by their sequence numbers, over the calls that ended (<see cref="CallMedia.SequenceGaps"/>).</summary>
    public long RtpSequenceGaps => Interlocked.Read(ref _rtpGaps);

    /// <summary>Makes the prompts (the first start takes a few seconds) and starts listening; then serves calls until cancelled.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        if (settings.Node is null || string.IsNullOrEmpty(settings.ClientId) || string.IsNullOrEmpty(settings.ClientSecret))
            throw new InvalidOperationException("The phone gateway needs CallIn:Node, CallIn:ClientId and CallIn:ClientSecret.");
        var folder = settings.PromptFolder ?? Path.Combine(Path.GetTempPath(), "opentalk-call-in-prompts");
        _prompts = await PromptLibrary.LoadAsync(folder, settings.Language, ct);
        _agent = SipUserAgent.Start(new SipUserAgentOptions
        {
            Transport = new Sip.Transport.SipTransportOptions { Address = IPAddress.Parse(settings.ListenAddress), Port = settings.SipPort },
            PublicAddress = settings.PublicAddress is { Length: > 0 } address ? IPAddress.Parse(address) : null,
        }, loggers);
        LogListening(_log, _agent.UdpEndPoint, settings.Language);
        RegisterAtTrunk();
    }

    public async Task RunAsync(CancellationToken ct)
    {
        if (_agent is null)
            await StartAsync(ct);
        var sessions = new List<Task>();
        try
        {
            await foreach (var call in _agent!.IncomingCalls.ReadAllAsync(ct))
            {
                sessions.RemoveAll(t => t.IsCompleted);
                sessions.Add(Task.Run(() => TakeAsync(call, ct), CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping: the calls end with the token
        }
        await Task.WhenAll(sessions);
    }

    private async Task TakeAsync(IncomingCall call, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _calls) > settings.MaxCalls)
        {
            Interlocked.Decrement(ref _calls);
            await call.RejectAsync(486);
            return;
        }
        try
        {
            await AnswerAndRunAsync(call, ct);
        }
        catch (Exception e) when (e is SipCallException or OperationCanceledException)
        {
            LogCallEnded(_log, call.CallerUser ?? "", e.Message);
        }
        catch (Exception e)
        {
            LogCallFailed(_log, e, call.CallerUser ?? "");
        }
        finally
        {
            Interlocked.Decrement(ref _calls);
        }
    }

    private async Task AnswerAndRunAsync(IncomingCall call, CancellationToken ct)
    {
        if (SessionDescription.Parse(call.Offer) is not SdpParseResult.Parsed { Description: var offer })
        {
            await call.RejectAsync(488);
            return;
        }
        var advertised = _agent!.AdvertisedAddress.ToString();
        var sessionId = (ulong)RandomNumberGenerator.GetInt32(int.MaxValue);
        // The codec and the caller's address first (with a port to be), then the socket, then the answer with its port.
        if (SdpAnswerer.Answer(offer, new SdpAnswerOptions(advertised, 9, sessionId, 1)) is not SdpNegotiationResult.Agreed { Audio: var audio })
        {
            await call.RejectAsync(488);
            return;
        }
        var remote = new IPEndPoint(IPAddress.Parse(audio.RemoteAddress), audio.RemotePort);
        var media = CallMedia.Open(IPAddress.Parse(settings.ListenAddress), settings.RtpPortMin, settings.RtpPortMax, remote,
            new CallCodec(audio.PayloadType, audio.TelephoneEventPayloadType));
        try
        {
            var answer = (SdpNegotiationResult.Agreed)SdpAnswerer.Answer(offer, new SdpAnswerOptions(advertised, media.LocalPort, sessionId, 1));
            call.Ringing();
            var dialog = await call.AcceptAsync(answer.Answer.ToBytes(), "application/sdp",
                prepare: d => d.Dtmf += (_, e) => media.KeyFromSignaling(e.Key));
            LogAnswered(_log, call.CallerUser ?? "", audio.Codec);
            var leg = new SipCallLeg(call.CallerName, call.CallerUser, media, dialog);
            try
            {
                await new CallSession(leg, settings, _prompts!, NodeAsync, _log).RunAsync(ct);
            }
            finally
            {
                // Whatever happened to the session, the caller is not left on a line nobody serves.
                if (!dialog.Ended.IsCompleted)
                    await dialog.HangUpAsync(CancellationToken.None);
            }
        }
        finally
        {
            await media.DisposeAsync();
            Interlocked.Add(ref _rtpPackets, media.PacketsReceived);
            Interlocked.Add(ref _rtpGaps, media.SequenceGaps);
        }
    }

    private sealed class SipCallLeg(string? name, string? number, CallMedia media, SipDialog dialog) : ICallLeg
    {
        public string? CallerName => name;
        public string? CallerNumber => number;
        public CallMedia Media => media;
        public CancellationToken HungUp => dialog.EndedToken;

        public async Task HangUpAsync() => await dialog.HangUpAsync(CancellationToken.None);
    }

    /// <summary>The node's API with a fresh token (client credentials; taken again well before it runs out).</summary>
    private async Task<OpenTalkApi> NodeAsync(CancellationToken ct)
    {
        await _token.WaitAsync(ct);
        try
        {
            if (_api is null || DateTimeOffset.UtcNow > _tokenUntil)
            {
                var client = http is null ? new HttpClient() : new HttpClient(http, disposeHandler: false);
                client.BaseAddress = settings.Node;
                var token = await SignIn.WithClientCredentialsAsync(settings.Authority ?? settings.Node!, settings.ClientId!, settings.ClientSecret!, ct);
                _api = new OpenTalkApi(client) { AccessToken = token };
                _tokenUntil = DateTimeOffset.UtcNow.AddMinutes(4);
            }
            return _api;
        }
        finally
        {
            _token.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_registration is not null)
            await _registration.DisposeAsync();
        if (_agent is not null)
            await _agent.DisposeAsync();
        _token.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Phone gateway listening on {EndPoint} (SIP over UDP and TCP), prompts in {Language}")]
    private static partial void LogListening(ILogger log, IPEndPoint endPoint, string language);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered a call from {Caller} ({Codec})")]
    private static partial void LogAnswered(ILogger log, string caller, AudioCodec codec);

    [LoggerMessage(Level = LogLevel.Information, Message = "The call from {Caller} ended: {Reason}")]
    private static partial void LogCallEnded(ILogger log, string caller, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The call from {Caller} failed")]
    private static partial void LogCallFailed(ILogger log, Exception e, string caller);
}
