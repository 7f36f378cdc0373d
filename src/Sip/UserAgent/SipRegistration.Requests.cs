using System.Globalization;
using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.UserAgent;

/// <summary>The REGISTER requests of a registration (RFC 3261 §10.2) and their answers.</summary>
public sealed partial class SipRegistration
{
    /// <summary>
    /// One REGISTER and what it takes to get a final answer: a challenge and an Interval Too Brief (423) each get
    /// another REGISTER. The error is ours when no response came or none could be sent.
    /// </summary>
    private async Task<(SipResponse? Response, string? LocalError)> ExchangeAsync(TimeSpan expires, CancellationToken ct)
    {
        if (await SipUserAgent.ResolveAsync(Options.Registrar, ct) is not { } hop)
        {
            return (null, $"no address for {Options.Registrar.Host}");
        }
        for (var round = 1; ; round++)
        {
            var transaction = _agent.Transactions.Send(NewRegister(expires, hop), hop);
            var response = await transaction.Final.WaitAsync(ct);
            if (transaction.GaveUp)
            {
                return (null, response.StatusCode == 408 ? "no answer from the registrar" : "cannot reach the registrar");
            }
            if (round < 3 && _digest?.Accept(response) == true)
            {
                continue;
            }
            if (round < 3 && response.StatusCode == 423 && expires > TimeSpan.Zero
                && SipMessage.ReadInt(response.Headers.Get("Min-Expires")) is { } least && TimeSpan.FromSeconds(least) > expires)
            {
                expires = _expires = TimeSpan.FromSeconds(least);
                continue;
            }
            return (response, null);
        }
    }

    private SipRequest NewRegister(TimeSpan expires, SipRemote hop)
    {
        var contact = _agent.ContactFor(hop);
        _contact = contact.Uri;
        var seconds = ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var request = SipRequests.Create(SipMethods.Register, Options.Registrar, _from, Options.AddressOfRecord, _callId, ++_cseq,
            _agent.NewVia(hop.Transport), contact with { Parameters = contact.Parameters.With("expires", seconds) });
        request.Headers.Add(HeaderNames.Expires, seconds);
        request.Headers.Add(HeaderNames.Allow, SipUserAgent.AllowedMethods);
        request.Headers.Add(HeaderNames.UserAgent, _agent.Options.Product);
        _digest?.Authorize(request);
        return request;
    }
}
