using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Tests.Transactions;
using OpenTalk.Sip.UserAgent;
using static OpenTalk.Sip.Tests.UserAgent.SippPeers;

namespace OpenTalk.Sip.Tests.UserAgent;

/// <summary>A registration's REGISTERs over time (RFC 3261 §10.2), the registrar played by hand on a fake clock.</summary>
public sealed class RegistrationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private readonly FakePeer _peer = new();

    private SipRegistration Register() =>
        _peer.Agent.Register(new SipRegistrationOptions(SipUri.Sip(null, "127.0.0.1", 5070), Alice) { Expires = TimeSpan.FromMinutes(5) });

    private static Action<SipResponse> Granting(SipRequest register, int seconds) =>
        ok => ok.Headers.Add(HeaderNames.Contact, $"{register.Contacts[0] with { Parameters = SipParameters.Empty }};expires={seconds}");

    [Fact]
    public async Task The_register_binds_our_contact_to_the_address_of_record()
    {
        await using var registration = Register();
        var register = await _peer.SentAsync(SipMethods.Register);
        Assert.Equal(("sip:127.0.0.1:5070", "1 REGISTER", "300"), (register.RequestUri.ToString(), register.CSeq.ToString(), register.Headers.Get(HeaderNames.Expires)));
        Assert.Equal((Alice.Uri, Alice.Uri, "300"), (register.To!.Uri, register.From!.Uri, Assert.Single(register.Contacts).Parameters.Get("expires")));
        Assert.NotNull(register.From.Tag);
        Assert.Equal(SipRegistrationState.Registering, registration.State);
    }

    [Fact]
    public async Task It_refreshes_at_80_percent_of_the_granted_time_and_backs_off_while_the_registrar_fails()
    {
        var registration = Register();
        var first = await _peer.SentAsync(SipMethods.Register);
        _peer.Answer(first, 200, edit: Granting(first, 200));
        await registration.WhenRegisteredAsync().WaitAsync(Wait);
        Assert.Equal(_peer.Time.GetUtcNow() + TimeSpan.FromSeconds(200), registration.ExpiresAt);

        await _peer.Time.AdvanceUntilAsync(() => _peer.Sent(SipMethods.Register).Length == 2, TimeSpan.FromMinutes(5));
        var refresh = _peer.Sent(SipMethods.Register)[1];
        Assert.Equal(("2 REGISTER", first.CallId, first.From!.Tag), (refresh.CSeq.ToString(), refresh.CallId, refresh.From!.Tag));

        // Unanswered, the REGISTER's transaction gives up after 64·T1 (32 s); the next try comes 5 s later.
        await _peer.Time.AdvanceUntilAsync(() => _peer.Sent(SipMethods.Register).Length == 3, TimeSpan.FromMinutes(1));
        Assert.Equal((SipRegistrationState.Failed, "no answer from the registrar"), (registration.State, registration.LastError));

        // A 5xx: failing still, the next try 30 s later; that one succeeds.
        _peer.Answer(_peer.Sent(SipMethods.Register)[2], 503);
        var answeredAt = _peer.Now;
        await _peer.Time.AdvanceUntilAsync(() => _peer.Sent(SipMethods.Register).Length == 4, TimeSpan.FromMinutes(1));
        Assert.Equal("503 Service Unavailable", registration.LastError);
        var fourth = _peer.Sent(SipMethods.Register)[3];
        Assert.Equal("4 REGISTER", fourth.CSeq.ToString());
        _peer.Answer(fourth, 200, edit: Granting(fourth, 200));
        await _peer.Time.AdvanceUntilAsync(() => registration.State == SipRegistrationState.Registered, TimeSpan.FromSeconds(1));
        Assert.Null(registration.LastError);
        var at = _peer.SentAt(SipMethods.Register);
        // Each wait is measured to within a second: the clock moves on in steps while the registration's continuations run.
        Assert.InRange(at[1], 160, 161); // 80 % of 200 s
        Assert.InRange(at[2] - at[1], 37, 38);
        Assert.InRange(at[3] - answeredAt, 30, 31);

        // Disposing unregisters, but does not wait long for a registrar that stays silent.
        var disposing = _peer.Now;
        var disposed = registration.DisposeAsync().AsTask();
        await _peer.Time.AdvanceUntilAsync(() => disposed.IsCompleted, TimeSpan.FromSeconds(10));
        Assert.Equal("0", _peer.Sent(SipMethods.Register)[4].Headers.Get(HeaderNames.Expires));
        Assert.InRange(_peer.Now - disposing, 5, 6);
    }

    [Fact]
    public async Task Interval_too_brief_is_answered_with_the_registrars_minimum()
    {
        await using var registration = Register();
        var first = await _peer.SentAsync(SipMethods.Register);
        _peer.Answer(first, 423, edit: r => r.Headers.Add("Min-Expires", "3600"));
        var second = await _peer.SentAsync(SipMethods.Register, 2);
        Assert.Equal(("3600", "2 REGISTER"), (second.Headers.Get(HeaderNames.Expires), second.CSeq.ToString()));
    }

    [Fact]
    public async Task A_refusal_fails_the_wait_and_disposing_unregisters_only_what_was_registered()
    {
        var registration = Register();
        _peer.Answer(await _peer.SentAsync(SipMethods.Register), 404);
        var refused = await Assert.ThrowsAsync<SipCallFailedException>(() => registration.WhenRegisteredAsync().WaitAsync(Wait));
        Assert.Equal((404, "404 Not Found"), (refused.StatusCode, registration.LastError));
        await registration.DisposeAsync().AsTask().WaitAsync(Wait);
        Assert.Single(_peer.Sent(SipMethods.Register));
    }

    [Fact]
    public async Task Disposing_a_registration_removes_the_binding()
    {
        var registration = Register();
        var first = await _peer.SentAsync(SipMethods.Register);
        _peer.Answer(first, 200, edit: Granting(first, 300));
        await registration.WhenRegisteredAsync().WaitAsync(Wait);
        var disposed = registration.DisposeAsync().AsTask();
        var unregister = await _peer.SentAsync(SipMethods.Register, 2);
        Assert.Equal(("0", "0", "2 REGISTER"), (unregister.Headers.Get(HeaderNames.Expires), unregister.Contacts[0].Parameters.Get("expires"), unregister.CSeq.ToString()));
        _peer.Answer(unregister, 200);
        await disposed.WaitAsync(Wait);
    }
}
