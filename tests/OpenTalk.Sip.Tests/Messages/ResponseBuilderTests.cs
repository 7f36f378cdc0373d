using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.Messages;

public sealed class ResponseBuilderTests
{
    private static SipRequest Invite() => Assert.IsType<SipRequest>(Wire.Parsed(Wire.Message(Wire.Invite.Replace(
        "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds",
        "Via: SIP/2.0/UDP proxy.example.com;branch=z9hG4bKp1, SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds\nVia: SIP/2.0/TCP first.example.com;branch=z9hG4bKf",
        StringComparison.Ordinal))));

    [Fact]
    public void A_response_copies_vias_from_to_call_id_and_cseq_and_adds_the_to_tag()
    {
        var request = Invite();
        var response = SipResponse.For(request, 200, toTag: "as83kd");
        Assert.Equal("OK", response.ReasonPhrase);
        Assert.Equal(request.Headers.GetLines("Via"), response.Headers.GetLines("Via"));
        Assert.Equal(["z9hG4bKp1", "z9hG4bK776asdhds", "z9hG4bKf"], response.Vias.Select(v => v.Branch));
        Assert.Equal(request.From, response.From);
        Assert.Equal("as83kd", response.To!.Tag);
        Assert.Equal(request.To!.Uri, response.To.Uri);
        Assert.Equal((request.CallId, request.CSeq), (response.CallId, response.CSeq));
        Assert.Empty(response.Body);
        Assert.IsType<SipResponse>(Wire.Parsed(response.ToBytes()));
    }

    [Fact]
    public void Trying_carries_no_to_tag_and_an_existing_tag_is_kept()
    {
        Assert.Null(SipResponse.For(Invite(), 100, toTag: "x").To!.Tag);
        var inDialog = Invite();
        inDialog.Headers.Set("To", "<sip:bob@biloxi.example.com>;tag=existing");
        Assert.Equal("existing", SipResponse.For(inDialog, 200, toTag: "new").To!.Tag);
    }

    [Theory]
    [InlineData(486, "Busy Here")]
    [InlineData(488, "Not Acceptable Here")]
    [InlineData(513, "Message Too Large")]
    [InlineData(499, "Client Error")]
    public void Reason_phrases_come_from_the_table(int code, string phrase) => Assert.Equal(phrase, ReasonPhrases.For(code));
}
