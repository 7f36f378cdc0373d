using OpenTalk.Sip.Auth;
using OpenTalk.Sip.Messages;
using OpenTalk.Sip.UserAgent;
using OpenTalk.Sip.Tests.Transactions;
using OpenTalk.Tests.Shared;
using static OpenTalk.Sip.Tests.UserAgent.SippPeers;

namespace OpenTalk.Sip.Tests.UserAgent;

/// <summary>Registering at sipp 3.6 playing a registrar that verifies Digest credentials (its <c>verifyauth</c> action).</summary>
public sealed class SippRegistrationTests
{
    private static SipRegistrationOptions Options(int port, string password) =>
        new(SipUri.Sip(null, "127.0.0.1", port), Alice) { Credentials = new DigestCredentials("alice", password) };

    [Fact]
    public async Task The_right_password_registers_refreshes_with_the_same_nonce_and_unregisters_on_dispose()
    {
        var sipp = await Sipp.ServeAsync("uas_registrar.xml");
        // A fake clock brings the refresh at once; messages still go over loopback for real.
        var time = FakeSip.Clock();
        await using var agent = Agent(time);
        var registration = agent.Register(Options(sipp.Port, "secret"));
        var exchanges = 0;
        registration.StateChanged += _ => Interlocked.Increment(ref exchanges);
        await registration.WhenRegisteredAsync().WaitAsync(Wait);
        Assert.Equal(SipRegistrationState.Registered, registration.State);
        // The registrar granted 120 s (the Contact's expires, not the other binding's 3600), so the refresh comes after
        // 90 s; here only "before the binding runs out" is sure, as the clock moves on while sipp answers.
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(120), registration.ExpiresAt);
        var elapsed = await time.AdvanceUntilAsync(() => Volatile.Read(ref exchanges) == 2, TimeSpan.FromSeconds(120));
        Assert.InRange(elapsed.TotalSeconds, 90, 119);
        Assert.Equal((SipRegistrationState.Registered, null), (registration.State, registration.LastError));
        await registration.DisposeAsync();
        await AssertPassedAsync(sipp);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_the_registrars_refusal()
    {
        var sipp = await Sipp.ServeAsync("uas_registrar.xml");
        await using var agent = Agent();
        await using var registration = agent.Register(Options(sipp.Port, "wrong"));
        var refused = await Assert.ThrowsAsync<SipCallFailedException>(() => registration.WhenRegisteredAsync().WaitAsync(Wait));
        Assert.Equal(403, refused.StatusCode);
        Assert.Equal((SipRegistrationState.Failed, "403 Forbidden", null), (registration.State, registration.LastError, registration.ExpiresAt));
        await AssertPassedAsync(sipp);
    }
}
