using System.Net;
using OpenTalk.Sip.Auth;
using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Tests.Transactions;
using OpenTalk.Sip.UserAgent;
using static OpenTalk.Sip.Tests.UserAgent.SippPeers;

namespace OpenTalk.Sip.Tests.UserAgent;

/// <summary>Placing calls (RFC 3261 §13.2, §9.1, §22.2) with the callee played by hand on a fake clock.</summary>
public sealed class OutgoingCallTests
{
    private static readonly SipUri Bob = SipUri.Sip("bob", "127.0.0.1", 5070);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly byte[] Answer = "v=0\r\ns=bob\r\n"u8.ToArray();
    private readonly FakePeer _peer = new();

    private Task<SipDialog> Call(Func<SipCallRequest, SipCallRequest>? edit = null, CancellationToken ct = default) =>
        _peer.Agent.CallAsync((edit ?? (r => r))(new SipCallRequest(Bob, Alice, Offer)), ct: ct);

    private static Action<SipResponse> Accepted(string contact = "<sip:bob@127.0.0.2:5080>") => ok =>
    {
        ok.Headers.Add(HeaderNames.Contact, contact);
        ok.Headers.Add(HeaderNames.ContentType, "application/sdp");
        ok.Body = Answer;
    };

    [Fact]
    public async Task The_invite_carries_our_offer_contact_and_a_tagged_from()
    {
        _ = Call();
        var invite = await _peer.SentAsync(SipMethods.Invite);
        Assert.Equal((Bob, "1 INVITE", "application/sdp"), (invite.RequestUri, invite.CSeq.ToString(), invite.ContentType));
        Assert.Equal(Offer, invite.Body);
        Assert.NotNull(invite.From!.Tag);
        Assert.Null(invite.To!.Tag);
        Assert.Equal("sip:opentalk@127.0.0.1:5060", Assert.Single(invite.Contacts).Uri.ToString());
        Assert.Contains("INVITE", invite.Headers.Get(HeaderNames.Allow), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_2xx_makes_a_dialog_of_its_tag_contact_and_reversed_record_route_and_gets_our_ack()
    {
        var call = Call();
        var invite = await _peer.SentAsync(SipMethods.Invite);
        _peer.Answer(invite, 200, edit: ok =>
        {
            Accepted()(ok);
            ok.Headers.Add(HeaderNames.RecordRoute, "<sip:127.0.0.3:5090;lr>, <sip:127.0.0.4:5091;lr>");
        });
        var dialog = await call.WaitAsync(Wait);
        Assert.Equal((invite.From!.Tag, "bob1", "sip:bob@127.0.0.2:5080", 1u), (dialog.LocalTag, dialog.RemoteTag, dialog.RemoteTarget.ToString(), dialog.LocalCSeq));
        Assert.Equal(["<sip:127.0.0.4:5091;lr>", "<sip:127.0.0.3:5090;lr>"], dialog.RouteSet.Select(r => r.ToString()));
        Assert.Equal((Answer, Offer), (dialog.RemoteSdp, dialog.LocalSdp));

        // §13.2.2.4: through the route set to the remote target, a branch of its own, the INVITE's CSeq number.
        var (ack, to) = Assert.Single(_peer.Copies(SipMethods.Ack));
        Assert.Equal(("sip:bob@127.0.0.2:5080", "1 ACK", "bob1"), (ack.RequestUri.ToString(), ack.CSeq.ToString(), ack.To!.Tag));
        Assert.NotEqual(invite.TopVia!.Branch, ack.TopVia!.Branch);
        Assert.Equal(dialog.RouteSet, ack.Routes);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("127.0.0.4"), 5091), to.EndPoint);
    }

    [Fact]
    public async Task Each_retransmitted_2xx_gets_the_ack_again_also_after_the_invite_transaction_ended()
    {
        var call = Call();
        var invite = await _peer.SentAsync(SipMethods.Invite);
        var ok = _peer.Answer(invite, 200, edit: Accepted());
        await call.WaitAsync(Wait);
        _peer.Receive(ok);
        _peer.Time.Run(TimeSpan.FromSeconds(33)); // Timer M: the 2xx now reaches the core as a stray response
        _peer.Receive(ok);
        var acks = _peer.Copies(SipMethods.Ack);
        Assert.Equal(3, acks.Length);
        Assert.Single(acks.Select(a => a.Request.TopVia!.Branch).Distinct());
    }

    [Fact]
    public async Task Giving_up_before_any_provisional_response_sends_cancel_only_once_one_comes()
    {
        using var giveUp = new CancellationTokenSource();
        var call = Call(ct: giveUp.Token);
        var invite = await _peer.SentAsync(SipMethods.Invite);
        await giveUp.CancelAsync();
        Assert.Empty(_peer.Sent(SipMethods.Cancel)); // §9.1: not before a provisional response
        _peer.Answer(invite, 180);
        var cancel = Assert.Single(_peer.Sent(SipMethods.Cancel));
        Assert.Equal((invite.TopVia!.Branch, "1 CANCEL", invite.RequestUri), (cancel.TopVia!.Branch, cancel.CSeq.ToString(), cancel.RequestUri));
        _peer.Answer(cancel, 200, toTag: null);
        _peer.Answer(invite, 487);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Wait));
        Assert.Equal(invite.TopVia.Branch, Assert.Single(_peer.Sent(SipMethods.Ack)).TopVia!.Branch); // the 487's ACK, by the transaction
    }

    [Fact]
    public async Task Giving_up_on_a_silent_callee_waits_out_the_invite_without_cancel()
    {
        using var giveUp = new CancellationTokenSource();
        var call = Call(ct: giveUp.Token);
        await _peer.SentAsync(SipMethods.Invite);
        await giveUp.CancelAsync();
        _peer.Time.Run(TimeSpan.FromSeconds(33)); // Timer B
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Wait));
        Assert.Empty(_peer.Sent(SipMethods.Cancel));
    }

    [Fact]
    public async Task A_2xx_crossing_our_cancel_is_acknowledged_and_ended_with_bye()
    {
        using var giveUp = new CancellationTokenSource();
        var call = Call(ct: giveUp.Token);
        var invite = await _peer.SentAsync(SipMethods.Invite);
        _peer.Answer(invite, 180);
        await giveUp.CancelAsync();
        _peer.Answer(await _peer.SentAsync(SipMethods.Cancel), 200, toTag: null);
        _peer.Answer(invite, 200, edit: Accepted());
        var bye = await _peer.SentAsync(SipMethods.Bye);
        Assert.Single(_peer.Sent(SipMethods.Ack));
        Assert.Equal(("bob1", "2 BYE"), (bye.To!.Tag, bye.CSeq.ToString()));
        _peer.Answer(bye, 200, toTag: null);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Wait));
    }

    [Fact]
    public async Task No_answer_within_the_ring_timeout_cancels_and_fails_with_408()
    {
        var call = Call(edit: r => r with { RingTimeout = TimeSpan.FromSeconds(10) });
        var invite = await _peer.SentAsync(SipMethods.Invite);
        _peer.Answer(invite, 180);
        _peer.Time.Run(TimeSpan.FromSeconds(9.9));
        Assert.Empty(_peer.Sent(SipMethods.Cancel));
        _peer.Time.Run(TimeSpan.FromSeconds(0.2));
        _peer.Answer(await _peer.SentAsync(SipMethods.Cancel), 200, toTag: null);
        _peer.Answer(invite, 487);
        Assert.Equal(408, (await Assert.ThrowsAsync<SipCallFailedException>(() => call.WaitAsync(Wait))).StatusCode);
    }

    [Fact]
    public async Task A_challenge_is_answered_once_in_a_new_transaction_and_the_same_nonce_again_fails_the_call()
    {
        var call = Call(edit: r => r with { Credentials = new DigestCredentials("alice", "secret") });
        var first = await _peer.SentAsync(SipMethods.Invite);
        Action<SipResponse> challenge = r => r.Headers.Add(HeaderNames.WwwAuthenticate, "Digest realm=\"bob.test\", nonce=\"n1\", qop=\"auth\"");
        _peer.Answer(first, 401, edit: challenge);
        var second = await _peer.SentAsync(SipMethods.Invite, 2);
        Assert.Equal(("2 INVITE", first.CallId, first.From!.Tag), (second.CSeq.ToString(), second.CallId, second.From!.Tag));
        Assert.NotEqual(first.TopVia!.Branch, second.TopVia!.Branch);
        var credentials = second.Credentials()!;
        Assert.Equal(("alice", "n1", "00000001", Bob.ToString()), (credentials["username"], credentials["nonce"], credentials["nc"], credentials["uri"]));
        _peer.Answer(second, 401, edit: challenge);
        var failed = await Assert.ThrowsAsync<SipCallFailedException>(() => call.WaitAsync(Wait));
        Assert.Equal((401, "Unauthorized"), (failed.StatusCode, failed.Reason));
        Assert.Equal(2, _peer.Sent(SipMethods.Ack).Length); // each 401 acknowledged by its transaction
    }

    [Fact]
    public async Task The_outbound_proxy_is_the_next_hop_and_a_loose_route()
    {
        _ = Call(edit: r => r with { OutboundProxy = SipUri.Sip(null, "127.0.0.9", 5999) });
        await _peer.SentAsync(SipMethods.Invite);
        var (invite, to) = Assert.Single(_peer.Copies(SipMethods.Invite));
        Assert.Equal((Bob, "<sip:127.0.0.9:5999;lr>"), (invite.RequestUri, Assert.Single(invite.Routes).ToString()));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("127.0.0.9"), 5999), to.EndPoint);
    }

    [Fact]
    public async Task A_second_branch_answering_a_forked_call_is_acknowledged_and_ended()
    {
        var call = Call();
        var invite = await _peer.SentAsync(SipMethods.Invite);
        _peer.Answer(invite, 200, edit: Accepted());
        var dialog = await call.WaitAsync(Wait);
        _peer.Answer(invite, 200, toTag: "bob2", edit: Accepted("<sip:bob@127.0.0.5:5080>"));
        var bye = await _peer.SentAsync(SipMethods.Bye);
        Assert.Equal(("bob2", "sip:bob@127.0.0.5:5080"), (bye.To!.Tag, bye.RequestUri.ToString()));
        Assert.Equal(["bob1", "bob2"], _peer.Sent(SipMethods.Ack).Select(a => a.To!.Tag));
        _peer.Answer(bye, 200, toTag: null);
        Assert.False(dialog.Ended.IsCompleted);
    }
}
