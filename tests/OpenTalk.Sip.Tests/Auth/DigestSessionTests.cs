using OpenTalk.Sip.Auth;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.Auth;

/// <summary>When a series of requests answers a challenge again and when it takes a challenge as a refusal (RFC 3261 §22.2).</summary>
public sealed class DigestSessionTests
{
    private readonly DigestSession _session = new(new DigestCredentials("alice", "secret"));

    private static SipResponse Challenge(int status, string parameters) => new()
    {
        StatusCode = status,
        ReasonPhrase = ReasonPhrases.For(status),
        Headers = { { status == 407 ? HeaderNames.ProxyAuthenticate : HeaderNames.WwwAuthenticate, $"Digest realm=\"r\", {parameters}" } },
    };

    private AuthHeader? Authorized(bool proxy = false)
    {
        var request = new SipRequest { Method = SipMethods.Register, RequestUri = SipUri.Sip(null, "registrar.test") };
        _session.Authorize(request);
        return request.Credentials(proxy);
    }

    [Fact]
    public void Before_any_challenge_requests_carry_no_credentials() => Assert.Null(Authorized());

    [Fact]
    public void The_nonce_is_reused_with_a_growing_count_until_the_next_challenge()
    {
        Assert.True(_session.Accept(Challenge(401, "nonce=\"n1\", qop=\"auth\"")));
        var (first, second) = (Authorized()!, Authorized()!);
        Assert.Equal(("n1", "00000001", "n1", "00000002"), (first["nonce"], first["nc"], second["nonce"], second["nc"]));
    }

    [Fact]
    public void A_407_is_answered_with_proxy_authorization()
    {
        Assert.True(_session.Accept(Challenge(407, "nonce=\"n1\"")));
        Assert.Equal("alice", Authorized(proxy: true)!["username"]);
    }

    [Theory]
    [InlineData("nonce=\"n1\"", false)]
    [InlineData("nonce=\"n2\"", false)]
    [InlineData("nonce=\"n2\", stale=true", true)]
    public void Right_after_fresh_credentials_only_a_stale_nonce_is_worth_another_try(string next, bool accepted)
    {
        _session.Accept(Challenge(401, "nonce=\"n1\""));
        Authorized();
        Assert.Equal(accepted, _session.Accept(Challenge(401, next)));
    }

    [Fact]
    public void After_a_reused_nonce_a_new_one_is_answered_even_without_stale()
    {
        _session.Accept(Challenge(401, "nonce=\"n1\""));
        Authorized();
        Authorized();
        Assert.True(_session.Accept(Challenge(401, "nonce=\"n2\"")));
        Assert.Equal("n2", Authorized()!["nonce"]);
    }

    [Fact]
    public void A_challenge_we_cannot_answer_is_a_refusal() =>
        Assert.False(_session.Accept(Challenge(401, "nonce=\"n1\", qop=\"auth-int\"")));
}
