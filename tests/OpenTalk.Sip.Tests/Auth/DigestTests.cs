using OpenTalk.Sip.Auth;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.Auth;

public sealed class DigestTests
{
    [Fact]
    public void The_worked_example_of_rfc_2617_gives_its_response()
    {
        // RFC 2617 §3.5.
        var challenge = DigestChallenge.TryParse("""Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41" """)!;
        var value = new DigestCredentials("Mufasa", "Circle Of Life").Authorize(challenge, "GET", "/dir/index.html", cnonce: "0a4f113b")!;
        var sent = AuthHeader.TryParse(value)!;
        Assert.Equal("6629fae49393a05397450978507c4ef1", sent["response"]);
        Assert.Equal(("Mufasa", "auth", "00000001", "0a4f113b", "5ccc069c403ebaf9f0171e9517f40e41", "/dir/index.html"),
            (sent["username"], sent["qop"], sent["nc"], sent["cnonce"], sent["opaque"], sent["uri"]));
    }

    [Fact]
    public void Without_qop_the_response_is_the_rfc_2069_one()
    {
        var challenge = DigestChallenge.TryParse("Digest realm=\"atlanta.example.com\", nonce=\"84a4cc6f3082121f32b42a2187831a9e\", algorithm=MD5")!;
        var value = new DigestCredentials("bob", "zanzibar").Authorize(challenge, "REGISTER", "sip:atlanta.example.com")!;
        var sent = AuthHeader.TryParse(value)!;
        // MD5(MD5("bob:atlanta.example.com:zanzibar") + ":" + nonce + ":" + MD5("REGISTER:sip:atlanta.example.com")).
        Assert.Equal(Md5($"{Md5("bob:atlanta.example.com:zanzibar")}:84a4cc6f3082121f32b42a2187831a9e:{Md5("REGISTER:sip:atlanta.example.com")}"), sent["response"]);
        Assert.Null(sent["qop"]);
        Assert.Null(sent["cnonce"]);
    }

    [Fact]
    public void Sha_256_challenges_are_answered_with_sha_256()
    {
        var challenge = DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"n\", qop=\"auth\", algorithm=SHA-256")!;
        var sent = AuthHeader.TryParse(new DigestCredentials("u", "p").Authorize(challenge, "INVITE", "sip:x@r", cnonce: "c")!)!;
        Assert.Equal(64, sent["response"]!.Length);
        Assert.Equal("SHA-256", sent["algorithm"]);
    }

    [Theory]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\"")]
    public void Challenges_we_cannot_meet_give_no_answer(string header) =>
        Assert.Null(new DigestCredentials("u", "p").Authorize(DigestChallenge.TryParse(header)!, "INVITE", "sip:x@r"));

    [Theory]
    [InlineData("Basic realm=\"r\"")]
    [InlineData("Digest nonce=\"n\"")]
    [InlineData("Digest realm=\"r, nonce=\"n\"")]
    [InlineData("Digest realm")]
    [InlineData("")]
    public void Malformed_or_foreign_challenges_do_not_parse(string header) => Assert.Null(DigestChallenge.TryParse(header));

    [Fact]
    public void A_401_gives_its_challenges_and_a_request_its_credentials()
    {
        var response = Assert.IsType<SipResponse>(Wire.Parsed(Wire.Message("""
            SIP/2.0 401 Unauthorized
            Via: SIP/2.0/UDP gw.example.com;branch=z9hG4bKnashds7
            From: <sip:gw@example.com>;tag=a73kszlfl
            To: <sip:gw@example.com>;tag=1410948204
            Call-ID: 1j9FpLxk3uxtm8tn@gw.example.com
            CSeq: 1 REGISTER
            WWW-Authenticate: Digest realm="example.com", nonce="ea9c8e88df84f1cec4341ae6cbe5a359", opaque="", stale=FALSE, algorithm=MD5, qop="auth"
            Content-Length: 0
            """)));
        var challenge = Assert.Single(response.DigestChallenges());
        Assert.Equal(("example.com", "ea9c8e88df84f1cec4341ae6cbe5a359", "", false), (challenge.Realm, challenge.Nonce, challenge.Opaque, challenge.Stale));

        var register = new SipRequest { Method = "REGISTER", RequestUri = SipUri.Sip(null, "example.com") };
        register.Headers.Add(HeaderNames.Authorization, new DigestCredentials("gw", "secret").Authorize(challenge, "REGISTER", "sip:example.com")!);
        Assert.Equal("gw", register.Credentials()!["username"]);
    }

    [Fact]
    public void Credentials_do_not_show_their_password() =>
        Assert.DoesNotContain("secret", new DigestCredentials("gw", "secret").ToString(), StringComparison.Ordinal);

#pragma warning disable CA5351 // the test recomputes the MD5 digest SIP uses
    private static string Md5(string s) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(s)));
#pragma warning restore CA5351
}
