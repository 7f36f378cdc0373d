using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OpenTalk.Client;
using OpenTalk.Services.Jobs;
using OpenTalk.Sip.Auth;
using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Sdp;
using OpenTalk.Sip.UserAgent;

namespace OpenTalk.Services.CallIn;

/// <summary>
/// Calls the rooms place (dial-out): jobs of kind <see cref="ServiceKinds.CallOut"/> from the queue. The gateway
/// takes the call at the node (which gives the number), dials it through the trunk and, once the callee picks up,
/// brings them into the meeting like a caller who keyed in the right pair; a call that does not connect is reported
/// with its reason. With <see cref="TrunkSettings.Register"/> it also keeps the line registered.
/// </summary>
public sealed partial class CallInGateway
{
    private SipRegistration? _registration;

    /// <summary>The trunk registration, when one is kept.</summary>
    public SipRegistration? Registration => _registration;

    private void RegisterAtTrunk()
    {
        if (!settings.Trunk.Register || TrunkServer() is not { } server)
            return;
        var trunk = settings.Trunk;
        _registration = _agent!.Register(new SipRegistrationOptions(server, new NameAddress(OwnAddress()))
        {
            Credentials = Credentials(),
            Expires = TimeSpan.FromSeconds(Math.Max(60, trunk.RegisterSeconds)),
        });
        _registration.StateChanged += r => LogRegistration(_log, r.State, r.LastError);
    }

    /// <summary>Takes the rooms' calls to phones until <paramref name="ct"/> ends.</summary>
    public Task PlaceCallsAsync(IServiceJobQueue queue, CancellationToken ct) => _agent is null
        ? throw new InvalidOperationException("Start the gateway (StartAsync) before it places calls.")
        : queue.ConsumeAsync(ServiceKinds.CallOut, settings.MaxCalls, DialAsync, ct);

    private async Task DialAsync(IJobLease lease, CancellationToken ct)
    {
        var job = lease.Job;
        var api = await NodeAsync(ct);
        var callee = "";
        string number;
        try
        {
            number = (await api.StartCallOutAsync(job.Room, job.Breakout, job.JobId, ct)).Number;
            callee = Shown(number);
        }
        catch (OpenTalkApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            await lease.AcknowledgeAsync(); // taken by another gateway, or the room gave up: nothing to do
            return;
        }
        // Ours now: a gateway that dies from here on leaves the room's clock to say no_answer.
        await lease.AcknowledgeAsync();
        if (TrunkServer() is null)
        {
            LogNoTrunk(_log, job.Room);
            await ReportAsync(api, job, "unreachable");
            return;
        }
        if (Interlocked.Increment(ref _calls) > settings.MaxCalls)
        {
            Interlocked.Decrement(ref _calls);
            await ReportAsync(api, job, "unreachable");
            return;
        }
        try
        {
            await CallAndRunAsync(job, number, ct);
        }
        catch (SipCallFailedException e)
        {
            LogDialFailed(_log, callee, e.StatusCode, e.Reason);
            await ReportAsync(await NodeAsync(ct), job, ReasonOf(e.StatusCode));
        }
        catch (Exception e) when (e is SipCallException or SocketException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            LogDialError(_log, e, callee);
            await ReportAsync(await NodeAsync(ct), job, "unreachable");
        }
        finally
        {
            Interlocked.Decrement(ref _calls);
        }
    }

    private async Task CallAndRunAsync(ServiceJob job, string number, CancellationToken ct)
    {
        var advertised = _agent!.AdvertisedAddress.ToString();
        // The RTP port goes into the offer; the media start on it once the answer says which codec.
        var socket = CallMedia.BindRtpPort(IPAddress.Parse(settings.ListenAddress), settings.RtpPortMin, settings.RtpPortMax);
        var handedOver = false;
        try
        {
            var port = ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
            var offer = SdpOfferer.Offer(new SdpOfferOptions(advertised, port, (ulong)RandomNumberGenerator.GetInt32(int.MaxValue), 1));
            var trunk = settings.Trunk;
            var server = TrunkServer()!;
            var target = SipUri.Sip(number, trunk.Domain ?? server.Host, trunk.Domain is null ? server.Port : null);
            var request = new SipCallRequest(target, new NameAddress(OwnAddress()), offer.ToBytes())
            {
                Credentials = Credentials(),
                OutboundProxy = trunk.Domain is null ? null : server,
                RingTimeout = TimeSpan.FromSeconds(Math.Max(5, trunk.RingSeconds)),
            };
            var dialog = await _agent.CallAsync(request, ct: ct);
            try
            {
                if (SessionDescription.Parse(dialog.RemoteSdp) is not SdpParseResult.Parsed { Description: var answer }
                    || SdpOfferer.ReadAnswer(offer, answer) is not SdpNegotiationResult.Agreed { Audio: var audio })
                {
                    await dialog.HangUpAsync(CancellationToken.None);
                    throw new SipCallFailedException(488, "No audio both sides speak");
                }
                handedOver = true; // the media own the socket from here
                await using var media = CallMedia.Open(socket, new IPEndPoint(IPAddress.Parse(audio.RemoteAddress), audio.RemotePort),
                    new CallCodec(audio.PayloadType, audio.TelephoneEventPayloadType));
                dialog.Dtmf += (_, e) => media.KeyFromSignaling(e.Key);
                var callee = Shown(number);
                LogAnsweredOut(_log, callee, audio.Codec);
                var leg = new SipCallLeg(null, number, media, dialog);
                try
                {
                    await new CallSession(leg, settings, _prompts!, NodeAsync, _log)
                        .RunCalledAsync(async token => await (await NodeAsync(token)).CallOutAnsweredAsync(job.Room, job.Breakout, job.JobId, token), ct);
                }
                finally
                {
                    Interlocked.Add(ref _rtpPackets, media.PacketsReceived);
                    Interlocked.Add(ref _rtpGaps, media.SequenceGaps);
                }
            }
            finally
            {
                if (!dialog.Ended.IsCompleted)
                    await dialog.HangUpAsync(CancellationToken.None);
            }
        }
        finally
        {
            if (!handedOver)
                socket.Dispose();
        }
    }

    private async Task ReportAsync(OpenTalkApi api, ServiceJob job, string reason)
    {
        try
        {
            await api.CallOutFailedAsync(job.Room, job.Breakout, job.JobId, reason);
        }
        catch (Exception e) when (e is OpenTalkApiException or HttpRequestException)
        {
            // The room's clock says no_answer in the end.
            LogReportFailed(_log, e, job.Room);
        }
    }

    /// <summary>What moderators are told for a final SIP status (RFC 3261 §21).</summary>
    public static string ReasonOf(int status) => status switch
    {
        486 or 600 => "busy",
        603 or 403 => "declined",
        408 or 480 or 487 => "no_answer",
        _ => "unreachable",
    };

    private SipUri? TrunkServer()
    {
        var trunk = settings.Trunk;
        if (string.IsNullOrWhiteSpace(trunk.Server))
            return null;
        var (host, port) = SplitHostPort(trunk.Server.Trim());
        var uri = SipUri.Sip(null, host, port);
        return trunk.Transport.Equals("tcp", StringComparison.OrdinalIgnoreCase) ? uri.WithParameter("transport", "tcp") : uri;
    }

    private static (string Host, int? Port) SplitHostPort(string server)
    {
        var colon = server.LastIndexOf(':');
        // A bare IPv6 address has colons of its own: only [v6]:port or name:port carry a port.
        if (colon > 0 && (server.StartsWith('[') ? server[colon - 1] == ']' : server.IndexOf(':') == colon)
            && int.TryParse(server.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out var port))
            return (server[..colon], port);
        return (server, null);
    }

    private SipUri OwnAddress()
    {
        var server = TrunkServer()!;
        return SipUri.Sip(settings.Trunk.Username ?? "opentalk", settings.Trunk.Domain ?? server.Host,
            settings.Trunk.Domain is null ? server.Port : null);
    }

    private DigestCredentials? Credentials() =>
        settings.Trunk is { Username: { Length: > 0 } user, Password: { } password } ? new DigestCredentials(user, password) : null;

    private string Shown(string number) => CallSession.DisplayNameOf(null, number, settings.ShownDigits);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trunk registration: {State} {Error}")]
    private static partial void LogRegistration(ILogger log, SipRegistrationState state, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room {Room} asked for a call, but CallIn:Trunk:Server is not set")]
    private static partial void LogNoTrunk(ILogger log, Guid room);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Callee} answered ({Codec})")]
    private static partial void LogAnsweredOut(ILogger log, string callee, AudioCodec codec);

    [LoggerMessage(Level = LogLevel.Information, Message = "The call to {Callee} did not connect: {Status} {Reason}")]
    private static partial void LogDialFailed(ILogger log, string callee, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The call to {Callee} failed")]
    private static partial void LogDialError(ILogger log, Exception e, string callee);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell room {Room} why its call failed")]
    private static partial void LogReportFailed(ILogger log, Exception e, Guid room);
}
