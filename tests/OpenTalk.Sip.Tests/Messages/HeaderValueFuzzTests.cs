using CsCheck;
using OpenTalk.Sip.Auth;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.Messages;

/// <summary>The typed readers are total: any text gives a value or null, and a value written reads back the same.</summary>
public sealed class HeaderValueFuzzTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char["sip:@;=<>\"\\ \t,?&%[]:./-_0123456789abcdefSIPUDPz9hG4bK*tagé"], 0, 60];

    [Fact]
    public void Any_text_gives_a_value_or_null_and_values_read_back()
    {
        Text.Sample(text =>
        {
            if (SipUri.TryParse(text) is { } uri)
            {
                Assert.Equal(uri, SipUri.TryParse(uri.ToString()));
            }
            if (NameAddress.TryParse(text) is { } address)
            {
                Assert.Equal(address, NameAddress.TryParse(address.ToString()));
            }
            if (Via.TryParse(text) is { } via)
            {
                Assert.Equal(via, Via.TryParse(via.ToString()));
            }
            if (CSeq.TryParse(text) is { } cseq)
            {
                Assert.Equal(cseq, CSeq.TryParse(cseq.ToString()));
            }
            _ = AuthHeader.TryParse(text);
            _ = DigestChallenge.TryParse("Digest " + text);
            _ = SipGrammar.SplitList(text);
        }, iter: 20_000);
    }
}
