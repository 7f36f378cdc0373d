using System.Collections.Concurrent;
using System.Text;
using OpenTalk.Sip.Auth;
using OpenTalk.Sip.UserAgent;
using OpenTalk.Tests.Shared;
using static OpenTalk.Sip.Tests.UserAgent.SippPeers;

namespace OpenTalk.Sip.Tests.UserAgent;

/// <summary>Calls we place to sipp 3.6 answering on loopback.</summary>
public sealed class SippOutgoingCallTests
{
    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task An_answered_call_is_acknowledged_and_ends_with_our_bye(string transport)
    {
        var sipp = await Sipp.ServeAsync("uas_answer.xml", transport);
        await using var agent = Agent();
        var progress = new ConcurrentQueue<int>();
        var dialog = await agent.CallAsync(new SipCallRequest(At(sipp.Port, transport), Alice, Offer), r => progress.Enqueue(r.StatusCode)).WaitAsync(Wait);
        Assert.Contains(180, progress);
        Assert.Contains("m=audio", Encoding.ASCII.GetString(dialog.RemoteSdp), StringComparison.Ordinal);
        Assert.Equal(Offer, dialog.LocalSdp);
        Assert.Equal(200, (await dialog.HangUpAsync().WaitAsync(Wait))?.StatusCode);
        Assert.Equal(SipDialogEndReason.LocalHangUp, await dialog.Ended);
        await AssertPassedAsync(sipp);
    }

    [Fact]
    public async Task The_callees_bye_ends_the_dialog()
    {
        var sipp = await Sipp.ServeAsync("uas_answer_then_bye.xml");
        await using var agent = Agent();
        var dialog = await agent.CallAsync(new SipCallRequest(At(sipp.Port, "u1"), Alice, Offer)).WaitAsync(Wait);
        Assert.Equal(SipDialogEndReason.RemoteHangUp, await dialog.Ended.WaitAsync(Wait));
        Assert.True(dialog.EndedToken.IsCancellationRequested);
        await AssertPassedAsync(sipp);
    }

    [Fact]
    public async Task A_busy_callee_fails_the_call_with_486()
    {
        var sipp = await Sipp.ServeAsync("uas_busy.xml");
        await using var agent = Agent();
        var failed = await Assert.ThrowsAsync<SipCallFailedException>(() => agent.CallAsync(new SipCallRequest(At(sipp.Port, "u1"), Alice, Offer)).WaitAsync(Wait));
        Assert.Equal((486, "Busy Here"), (failed.StatusCode, failed.Reason));
        await AssertPassedAsync(sipp);
    }

    [Fact]
    public async Task A_challenge_is_answered_once_with_credentials_sipp_verifies()
    {
        var sipp = await Sipp.ServeAsync("uas_auth.xml");
        await using var agent = Agent();
        var request = new SipCallRequest(At(sipp.Port, "u1"), Alice, Offer) { Credentials = new DigestCredentials("alice", "secret") };
        var dialog = await agent.CallAsync(request).WaitAsync(Wait);
        Assert.Equal(2u, dialog.LocalCSeq);
        await dialog.HangUpAsync().WaitAsync(Wait);
        await AssertPassedAsync(sipp);
    }

    [Fact]
    public async Task Wrong_credentials_fail_the_call_with_the_refusal()
    {
        var sipp = await Sipp.ServeAsync("uas_auth.xml");
        await using var agent = Agent();
        var request = new SipCallRequest(At(sipp.Port, "u1"), Alice, Offer) { Credentials = new DigestCredentials("alice", "wrong") };
        var failed = await Assert.ThrowsAsync<SipCallFailedException>(() => agent.CallAsync(request).WaitAsync(Wait));
        Assert.Equal(403, failed.StatusCode);
        await AssertPassedAsync(sipp);
    }

    [Fact]
    public async Task A_proxy_challenge_is_answered_with_proxy_authorization()
    {
        var sipp = await Sipp.ServeAsync("uas_proxy_auth.xml");
        await using var agent = Agent();
        var request = new SipCallRequest(At(sipp.Port, "u1"), Alice, Offer) { Credentials = new DigestCredentials("alice", "secret") };
        var dialog = await agent.CallAsync(request).WaitAsync(Wait);
        await dialog.HangUpAsync().WaitAsync(Wait);
        await AssertPassedAsync(sipp);
    }

    [Fact]
    public async Task Giving_up_on_a_ringing_call_cancels_it()
    {
        var sipp = await Sipp.ServeAsync("uas_no_answer.xml");
        await using var agent = Agent();
        using var giveUp = new CancellationTokenSource();
        var call = agent.CallAsync(new SipCallRequest(At(sipp.Port, "u1"), Alice, Offer), r =>
        {
            if (r.StatusCode == 180)
            {
                giveUp.CancelAfter(TimeSpan.FromMilliseconds(200));
            }
        }, giveUp.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Wait));
        await AssertPassedAsync(sipp);
    }

    [Fact]
    public async Task A_call_unanswered_within_its_ring_timeout_is_cancelled_and_fails_with_408()
    {
        var sipp = await Sipp.ServeAsync("uas_no_answer.xml");
        await using var agent = Agent();
        var request = new SipCallRequest(At(sipp.Port, "u1"), Alice, Offer) { RingTimeout = TimeSpan.FromSeconds(1) };
        var failed = await Assert.ThrowsAsync<SipCallFailedException>(() => agent.CallAsync(request).WaitAsync(Wait));
        Assert.Equal(408, failed.StatusCode);
        await AssertPassedAsync(sipp);
    }
}
