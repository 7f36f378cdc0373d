using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.Media;

/// <summary>
/// Bad input and refusals in the <c>media</c> namespace, with a real Janus behind the node: each gets an error event
/// in the media namespace, nothing is published, and the socket stays up.
/// </summary>
public sealed class MediaSignalingTests : IAsyncLifetime
{
    private JanusProcess _janus = null!;
    private TestNode _node = null!;
    private OpenTalkApi _olga = null!;
    private Guid _room;

    public async Task InitializeAsync()
    {
        _janus = await JanusProcess.StartAsync();
        _node = await TestNode.StartAsync(await TestDatabase.CreateAsync(), extra:
            ["--Media:Janus:0:Name", "janus-a", "--Media:Janus:0:Url", _janus.Url.ToString(), "--Media:Janus:0:ApiSecret", _janus.ApiSecret]);
        _olga = await _node.NewUserAsync("olga");
        _room = (await _olga.CreateRoomAsync(new CreateRoomRequest(null))).Id;
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _janus.DisposeAsync();
    }

    private static async Task<string?> ErrorAfterAsync(Participant p, string action, object fields)
    {
        await p.Socket.SendAsync("media", action, fields);
        var error = await p.Socket.WaitForAsync(m => m.Namespace == "media" && m.Message == "error", TimeSpan.FromSeconds(20));
        await p.Socket.SendAsync("echo", "ping");
        await p.Socket.WaitForAsync("echo", "pong"); // still connected
        return error.Error;
    }

    [Fact]
    public async Task Malformed_or_codecless_offers_are_refused_and_the_socket_stays_up()
    {
        var olga = await Participant.JoinAsync(_node, _room, _olga, "Olga");
        Assert.Equal("invalid_sdp", await ErrorAfterAsync(olga, "publish", new { media_session_type = "video", sdp = "hello" }));
        Assert.Equal("invalid_sdp", await ErrorAfterAsync(olga, "publish", new { media_session_type = "video", sdp = "v=0\r\nm=garbage\r\n" }));
        Assert.Equal("no_usable_codec", await ErrorAfterAsync(olga, "publish", new { media_session_type = "video", sdp = Offers.PcmuOnly }));
        Assert.Equal("invalid_payload", await ErrorAfterAsync(olga, "publish", new { media_session_type = "hologram", sdp = Offers.PcmuOnly }));
        Assert.Equal("invalid_payload", await ErrorAfterAsync(olga, "sdp_candidate", new { target = olga.Id, media_session_type = "video", candidate = "x" }));
    }

    [Fact]
    public async Task Nobody_subscribes_to_what_is_not_published_or_to_someone_in_another_room()
    {
        var olga = await Participant.JoinAsync(_node, _room, _olga, "Olga");
        var uma = await Participant.JoinAsync(_node, _room, await _node.NewUserAsync("uma"), "Uma");
        Assert.Equal("no_such_media_session", await ErrorAfterAsync(uma, "subscribe", new { target = olga.Id, media_session_type = "video" }));

        var elsewhere = (await _olga.CreateRoomAsync(new CreateRoomRequest(null))).Id;
        var stranger = await Participant.JoinAsync(_node, elsewhere, await _node.NewUserAsync("sam"), "Sam");
        Assert.Equal("no_such_media_session", await ErrorAfterAsync(stranger, "subscribe", new { target = olga.Id, media_session_type = "video" }));
        Assert.Equal("not_subscribed", await ErrorAfterAsync(uma, "sdp_answer", new { target = olga.Id, media_session_type = "video", sdp = Offers.PcmuOnly }));
        Assert.Equal("not_publishing", await ErrorAfterAsync(uma, "unpublish", new { media_session_type = "screen" }));
    }

    [Fact]
    public async Task Screens_need_the_presenter_role_when_the_room_asks_for_it_and_only_moderators_decide()
    {
        var olga = await Participant.JoinAsync(_node, _room, _olga, "Olga");
        var uma = await Participant.JoinAsync(_node, _room, await _node.NewUserAsync("uma"), "Uma");
        Assert.Equal("insufficient_permissions", await ErrorAfterAsync(uma, "require_presenter_role", new { required = true }));

        await olga.Socket.SendAsync("media", "require_presenter_role", new { required = true });
        await uma.Socket.WaitForAsync("media", "presenter_role_required");
        Assert.Equal("permission_denied", await ErrorAfterAsync(uma, "publish", new { media_session_type = "screen", sdp = Offers.PcmuOnly }));
        Assert.Equal("insufficient_permissions", await ErrorAfterAsync(uma, "grant_presenter_role", new { participant_ids = new[] { uma.Id } }));

        await olga.Socket.SendAsync("media", "grant_presenter_role", new { participant_ids = new[] { uma.Id } });
        await uma.Socket.WaitForAsync("media", "presenter_granted");
        // Now the offer itself is what Janus refuses: the right to share is there.
        Assert.Equal("no_usable_codec", await ErrorAfterAsync(uma, "publish", new { media_session_type = "screen", sdp = Offers.PcmuOnly }));
    }

    [Fact]
    public async Task Without_janus_media_is_unavailable_and_before_joining_nothing_media_works()
    {
        await using var bare = await TestNode.StartAsync(await TestDatabase.CreateAsync());
        var olga = await bare.NewUserAsync("olga");
        var room = (await olga.CreateRoomAsync(new CreateRoomRequest(null))).Id;
        var joined = await Participant.JoinAsync(bare, room, olga, "Olga");
        Assert.Equal("media_unavailable", await ErrorAfterAsync(joined, "publish", new { media_session_type = "video", sdp = Offers.PcmuOnly }));

        var ticket = await _olga.StartAsync(_room);
        await using var early = await _node.ConnectAsync(ticket.Ticket);
        await early.SendAsync("media", "publish", new { media_session_type = "video", sdp = Offers.PcmuOnly });
        Assert.Equal("not_joined", (await early.WaitForAsync(m => m.Namespace == "media" && m.Message == "error")).Error);
    }
}
