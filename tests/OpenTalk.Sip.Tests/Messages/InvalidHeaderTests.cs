namespace OpenTalk.Sip.Tests.Messages;

/// <summary>More of RFC 4475 §3.1.2, one line changed in an otherwise good INVITE each.</summary>
public sealed class InvalidHeaderTests
{
    [Theory]
    [InlineData("Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds", "Via: SIP/2.0/UDP 192.0.2.15;;,;,,", "malformed Via")] // extraneous separators
    [InlineData("To: Bob <sip:bob@biloxi.example.com>", "To: \"Watson, Thomas\" < sip:t.watson@example.org >", "malformed To")] // spaces inside <>
    [InlineData("From: Alice <sip:alice@atlanta.example.com>", "From: Bell, Alexander <sip:a.g.bell@example.com>", "malformed From")] // a comma in an unquoted name
    [InlineData("Contact: <sip:alice@pc33.atlanta.example.com>", "Contact: sip:user@example.com?Route=%3Csip:sip.example.com%3E", "malformed Contact")] // '?' outside <>
    [InlineData("INVITE sip:bob@biloxi.example.com SIP/2.0", "INVITE sip:bob@biloxi.example.com SIP/2.0  ", "whitespace after the version")]
    public void Parser_refuses_a_mangled_line_with_400(string replace, string with, string reason)
    {
        var failed = Wire.Failed(Wire.Message(Wire.Invite.Replace(replace, with, StringComparison.Ordinal)));
        Assert.Equal((400, reason), (failed.StatusCode, failed.Reason));
    }

    [Fact]
    public void Max_forwards_of_zero_an_old_style_branch_and_unknown_transports_are_valid()
    {
        var message = Wire.Parsed(Wire.Message(Wire.Invite
            .Replace("Max-Forwards: 70", "Max-Forwards: 0", StringComparison.Ordinal)
            .Replace("Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds",
                "Via: SIP/2.0/UDP pc33.atlanta.example.com\nVia: SIP/2.0/SCTP t.example.com;branch=z9hG4bK1\nVia: SIP/2.0/TLS-SCTP u.example.com;branch=z9hG4bK2\nVia: SIP/2.0/UNKNOWN v.example.com;branch=z9hG4bK3",
                StringComparison.Ordinal)
            .Replace("To: Bob <sip:bob@biloxi.example.com>", "To: isbn:2983792873", StringComparison.Ordinal)));
        Assert.Equal(0, message.MaxForwards);
        Assert.Equal([null, "z9hG4bK1", "z9hG4bK2", "z9hG4bK3"], message.Vias.Select(v => v.Branch));
        Assert.Equal(["UDP", "SCTP", "TLS-SCTP", "UNKNOWN"], message.Vias.Select(v => v.Transport));
        Assert.Equal("isbn", message.To!.Uri.Scheme);
    }

    [Fact]
    public void A_second_request_in_the_same_datagram_is_not_read()
    {
        var twice = Wire.Message(Wire.Invite.Replace("{length}", "0", StringComparison.Ordinal)).Concat(Wire.ValidInvite()).ToArray();
        Assert.Empty(Wire.Parsed(twice).Body);
    }

    [Fact]
    public void Long_values_and_many_vias_are_read()
    {
        var longTag = new string('t', 3000);
        var vias = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"Via: SIP/2.0/TCP sip{i}.example.com;branch=z9hG4bK{i}{new string('b', 100)}"));
        var message = Wire.Parsed(Wire.Message(Wire.Invite
            .Replace(";tag=1928301774", ";tag=" + longTag, StringComparison.Ordinal)
            .Replace("Max-Forwards: 70", vias + "\nMax-Forwards: 70", StringComparison.Ordinal)));
        Assert.Equal(longTag, message.From!.Tag);
        Assert.Equal(41, message.Vias.Count);
    }
}
