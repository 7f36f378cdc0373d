using System.Globalization;

namespace OpenTalk.Sip.Messages;

/// <summary>
/// One Via element (RFC 3261 §20.42, RFC 3581 for <c>rport</c>): the transport, where responses go
/// (sent-by) and the parameters, above all the transaction's <c>branch</c>.
/// </summary>
public sealed record Via(string Transport, string Host, int? Port, SipParameters Parameters)
{
    /// <summary>RFC 3261 §8.1.1.7: branches of RFC 3261 implementations start with this cookie.</summary>
    public const string MagicCookie = "z9hG4bK";

    public string? Branch => Parameters.Get("branch");
    public string? Received => Parameters.Get("received");
    /// <summary>True when <c>rport</c> is present, with or without a value (a client asks with a bare <c>;rport</c>).</summary>
    public bool HasRport => Parameters.Contains("rport");
    public int? Rport => int.TryParse(Parameters.Get("rport"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;

    public Via WithParameter(string name, string? value) => this with { Parameters = Parameters.With(name, value) };

    public static Via? TryParse(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var s = value.Trim(' ', '\t');
        var i = 0;
        // sent-protocol = protocol-name SLASH protocol-version SLASH transport, with LWS allowed around the slashes.
        var name = SipGrammar.ReadToken(s, ref i);
        if (!name.Equals("SIP", StringComparison.OrdinalIgnoreCase) || !Slash(s, ref i))
        {
            return null;
        }
        var version = SipGrammar.ReadToken(s, ref i);
        if (version != "2.0" || !Slash(s, ref i))
        {
            return null;
        }
        var transport = SipGrammar.ReadToken(s, ref i);
        var beforeHost = i;
        SipGrammar.SkipWhitespace(s, ref i);
        if (transport.Length == 0 || i == beforeHost)
        {
            return null;
        }
        var host = SipGrammar.ReadHost(s, ref i);
        if (host is null)
        {
            return null;
        }
        int? port = null;
        SipGrammar.SkipWhitespace(s, ref i);
        if (i < s.Length && s[i] == ':')
        {
            i++;
            SipGrammar.SkipWhitespace(s, ref i);
            port = SipGrammar.ReadPort(s, ref i);
            if (port is null)
            {
                return null;
            }
        }
        var parameters = SipParameters.ReadHeaderParameters(s, ref i);
        return parameters is null ? null : new Via(transport.ToUpperInvariant(), host, port, parameters);
    }

    private static bool Slash(string s, ref int i)
    {
        SipGrammar.SkipWhitespace(s, ref i);
        if (i >= s.Length || s[i] != '/')
        {
            return false;
        }
        i++;
        SipGrammar.SkipWhitespace(s, ref i);
        return true;
    }

    public override string ToString() => $"SIP/2.0/{Transport} {Host}{(Port is { } p ? ":" + p.ToString(CultureInfo.InvariantCulture) : "")}{Parameters}";
}
