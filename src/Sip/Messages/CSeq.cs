using System.Globalization;

namespace OpenTalk.Sip.Messages;

/// <summary>CSeq (RFC 3261 §20.16): a sequence number below 2^31 and the method it belongs to.</summary>
public readonly record struct CSeq(uint Number, string Method)
{
    public static CSeq? TryParse(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var s = value.Trim(' ', '\t');
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }
        // §8.1.1.5: the number MUST be expressible as a 32-bit unsigned integer and be less than 2^31.
        if (i == 0 || i > 10 || !uint.TryParse(s.AsSpan(0, i), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number >= 1u << 31)
        {
            return null;
        }
        var digitsEnd = i;
        SipGrammar.SkipWhitespace(s, ref i);
        var method = SipGrammar.ReadToken(s, ref i);
        return i == digitsEnd || method.Length == 0 || i != s.Length ? null : new CSeq(number, method);
    }

    public override string ToString() => $"{Number.ToString(CultureInfo.InvariantCulture)} {Method}";
}

/// <summary>A dialog's or registration's Call-ID (RFC 3261 §20.8): compared as written, case-sensitively.</summary>
public readonly record struct SipCallId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>The SIP methods of RFC 3261 and the extensions a gateway meets; any other token is a method too.</summary>
public static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";
    public const string Info = "INFO";
    public const string Update = "UPDATE";
    public const string Refer = "REFER";
    public const string Notify = "NOTIFY";
    public const string Subscribe = "SUBSCRIBE";
    public const string Message = "MESSAGE";
    public const string Prack = "PRACK";
}
