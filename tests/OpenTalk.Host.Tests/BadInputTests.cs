using System.Net;
using System.Net.WebSockets;
using System.Text;
using OpenTalk.Client;
using OpenTalk.Host.Signaling;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Bad frames get an error event, the socket stays up, and nothing is written to the journal.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private OpenTalkApi _olga = null!;
    private Guid _room;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync(await TestDatabase.CreateAsync(), extra: ["--OpenTalk:TicketLifetimeSeconds", "2"]);
        _olga = await _node.NewUserAsync("olga");
        _room = (await _olga.CreateRoomAsync(new CreateRoomRequest(null))).Id;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private async Task<int> JournalLengthAsync() =>
        (await _olga.GetAuditEventsAsync(_room)).GetProperty("events").GetArrayLength();

    private static async Task StillAnswersAsync(SignalingClient socket)
    {
        await socket.SendAsync("echo", "ping");
        await socket.WaitForAsync("echo", "pong");
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Theory]
    [InlineData("{not json", "control", "invalid_json")]
    [InlineData("[1,2,3]", "control", "invalid_envelope")]
    [InlineData("{\"namespace\":\"control\"}", "control", "invalid_envelope")]
    [InlineData("{\"namespace\":\"teleport\",\"payload\":{\"action\":\"go\"}}", "control", "unknown_namespace")]
    [InlineData("{\"namespace\":\"control\",\"payload\":{\"action\":\"dance\"}}", "control", "unknown_action")]
    [InlineData("{\"namespace\":\"control\",\"payload\":{\"action\":\"join\"}}", "control", "invalid_payload")]
    [InlineData("{\"namespace\":\"control\",\"payload\":{\"action\":\"join\",\"display_name\":42}}", "control", "invalid_payload")]
    [InlineData("{\"namespace\":\"control\",\"payload\":{\"action\":\"raise_hand\"}}", "control", "not_joined")]
    [InlineData("{\"namespace\":\"moderation\",\"payload\":{\"action\":\"accept\",\"target\":\"nobody\"}}", "moderation", "invalid_payload")]
    public async Task A_bad_frame_gets_an_error_and_the_socket_stays_up(string frame, string ns, string error)
    {
        var ticket = await _olga.StartAsync(_room);
        await using var socket = await _node.ConnectAsync(ticket.Ticket);
        var before = await JournalLengthAsync();

        await socket.SendRawAsync(frame);
        var reply = await socket.WaitForAsync(m => m.Message == "error");
        Assert.Equal(ns, reply.Namespace);
        Assert.Equal(error, reply.Error);
        await StillAnswersAsync(socket);
        Assert.Equal(before, await JournalLengthAsync());
    }

    [Fact]
    public async Task Oversized_and_binary_frames_are_refused_by_name()
    {
        await using var socket = await _node.ConnectAsync((await _olga.StartAsync(_room)).Ticket);
        await socket.SendRawAsync("{\"namespace\":\"echo\",\"payload\":{\"action\":\"ping\",\"pad\":\"" + new string('x', 70_000) + "\"}}");
        Assert.Equal("message_too_large", (await socket.WaitForAsync(m => m.Message == "error")).Error);
        await socket.SendBytesAsync([1, 2, 3], WebSocketMessageType.Binary);
        Assert.Equal("binary_not_supported", (await socket.WaitForAsync(m => m.Message == "error")).Error);
        await StillAnswersAsync(socket);
    }

    [Fact]
    public async Task A_burst_beyond_the_rate_limit_is_refused_and_nothing_is_written()
    {
        var me = await Participant.JoinAsync(_node, _room, _olga, "Olga");
        var before = await JournalLengthAsync();
        var sent = SignalingEndpoint.BurstCapacity * 2;
        for (var i = 0; i < sent; i++)
            await me.Socket.SendAsync("control", i % 2 == 0 ? "raise_hand" : "lower_hand");
        await me.Socket.WaitForAsync(m => m.Error == "rate_limit_exceeded");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // let the bucket refill a little
        await StillAnswersAsync(me.Socket);
        var written = await JournalLengthAsync() - before;
        // The burst and what refilled meanwhile (a few seconds at most), never all that was sent.
        Assert.InRange(written, 1, SignalingEndpoint.BurstCapacity + (int)(SignalingEndpoint.SustainedPerSecond * 4));
        await me.Socket.DisposeAsync();
    }

    [Fact]
    public async Task A_moderator_only_command_from_a_user_is_refused_without_an_event()
    {
        var owner = await Participant.JoinAsync(_node, _room, _olga, "Olga");
        var uma = await _node.NewUserAsync("uma");
        var user = await Participant.JoinAsync(_node, _room, uma, "Uma");
        var before = await JournalLengthAsync();

        await user.Socket.SendAsync("control", "grant_moderator_role", new { target = user.Id });
        Assert.Equal("insufficient_permissions", (await user.Socket.WaitForAsync(m => m.Message == "error")).Error);
        await user.Socket.SendAsync("control", "join", new { display_name = "Again" });
        Assert.Equal("already_joined", (await user.Socket.WaitForAsync(m => m.Message == "error")).Error);
        await StillAnswersAsync(user.Socket);
        Assert.Equal(before, await JournalLengthAsync());
        await owner.Socket.DisposeAsync();
        await user.Socket.DisposeAsync();
    }

    [Fact]
    public async Task A_ticket_works_once_and_never_after_it_expired_or_when_made_up()
    {
        var ticket = await _olga.StartAsync(_room);
        await using (await _node.ConnectAsync(ticket.Ticket))
        {
        }
        await AssertRefusedAsync(ticket.Ticket);

        var late = await _olga.StartAsync(_room);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the node's ticket lifetime is 2 s
        await AssertRefusedAsync(late.Ticket);

        await AssertRefusedAsync($"{Guid.NewGuid():N}.made-up-secret");
        await AssertRefusedAsync("not-even-the-right-shape");
    }

    [Fact]
    public async Task Bad_rest_bodies_get_problem_details_with_a_code()
    {
        using var broken = await _olga.SendRawAsync(HttpMethod.Post, "v1/rooms", new StringContent("{oops", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"invalid_json\"", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var longPassword = await Assert.ThrowsAsync<OpenTalkApiException>(() => _olga.CreateRoomAsync(new CreateRoomRequest(new string('p', 300))));
        Assert.Equal(ProblemCodes.ValidationFailed, longPassword.Code);
        Assert.Contains("validation_errors", longPassword.Body, StringComparison.Ordinal);

        var unknown = await Assert.ThrowsAsync<OpenTalkApiException>(() => _node.Anonymous().StartInvitedAsync(_room, "no-such-code"));
        Assert.Equal(ProblemCodes.InvalidInviteCode, unknown.Code);
        var missingRoom = await Assert.ThrowsAsync<OpenTalkApiException>(() => _olga.StartAsync(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, missingRoom.Status);
    }

    private async Task AssertRefusedAsync(string ticket)
    {
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => _node.ConnectAsync(ticket));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }
}
