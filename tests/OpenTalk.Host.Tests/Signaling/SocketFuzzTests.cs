using OpenTalk.Actors.Meetings;
using System.Net.WebSockets;
using System.Text;
using CsCheck;
using OpenTalk.Client;
using OpenTalk.Host.Signaling;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests.Signaling;

/// <summary>
/// Corrupted frames through a real socket into a real meeting: each is answered (with the parser's
/// error when it is one), the socket stays up, and the participant can still leave for everyone.
/// </summary>
public sealed class SocketFuzzTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private OpenTalkApi _olga = null!;
    private Guid _room;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync(await TestDatabase.CreateAsync());
        _olga = await _node.NewUserAsync("olga");
        _room = (await _olga.CreateRoomAsync(new CreateRoomRequest(null))).Id;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Every_corrupted_frame_from_a_moderator_is_answered_and_leaving_still_reaches_the_others()
    {
        var owner = await Participant.JoinAsync(_node, _room, _olga, "Olga");
        var watcher = await Participant.JoinAsync(_node, _room, await _node.NewUserAsync("uma"), "Uma");
        // Leaving ends the run early; everything else, however corrupted, is fair game.
        var frames = FuzzValues.Frame.Where(f => f.Action != "leave").Array[80].Single();

        foreach (var (_, _, frame) in frames)
        {
            var expected = ClientMessageParser.Parse(Encoding.UTF8.GetBytes(frame), new RoomId(Guid.NewGuid()), new ParticipantId(Guid.NewGuid()));
            await owner.Socket.SendRawAsync(frame);
            await owner.Socket.SendAsync("echo", "ping");
            var before = await UntilPongAsync(owner.Socket, frame);
            if (expected is ParsedMessage.Invalid invalid)
                Assert.Contains(before, m => m.Message == "error" && m.Namespace == invalid.Namespace && m.Error == invalid.Error);
            Assert.Equal(WebSocketState.Open, owner.Socket.State);
            // Stay under the socket's rate limit (10 frames a second, bursts of 30).
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        await owner.Socket.SendAsync("control", "leave");
        var left = await watcher.Socket.WaitForAsync(m => m.Message == "left" && m.Payload.GetProperty("id").GetGuid() == owner.Id);
        Assert.Equal("quit", left.Payload.GetProperty("reason").GetString());
        await owner.Socket.DisposeAsync();
        await watcher.Socket.DisposeAsync();
    }

    [Theory]
    [InlineData("""{"namespace":"\ud800","payload":{"action":"x"}}""", "invalid_envelope")]
    [InlineData("""{"namespace":"control","payload":{"action":"join","display_name":"\ud800"}}""", "invalid_payload")]
    [InlineData("""{"namespace":"chat","payload":{"action":"send_message","content":"\udfff"}}""", "invalid_payload")]
    public async Task A_frame_with_a_lone_surrogate_gets_an_error_and_a_dropped_socket_still_leaves(string frame, string error)
    {
        var watcher = await Participant.JoinAsync(_node, _room, _olga, "Olga");
        var ghost = await Participant.JoinAsync(_node, _room, await _node.NewUserAsync("gus"), "Gus");

        await ghost.Socket.SendRawAsync(frame);
        Assert.Equal(error, (await ghost.Socket.WaitForAsync(m => m.Message == "error")).Error);
        await ghost.Socket.SendAsync("echo", "ping");
        await ghost.Socket.WaitForAsync("echo", "pong");

        // The network drops: once the resume window (3 s here) has passed, everyone sees them go.
        ghost.Socket.Abort();
        var left = await watcher.Socket.WaitForAsync(m => m.Message == "left" && m.Payload.GetProperty("id").GetGuid() == ghost.Id);
        Assert.Equal("timeout", left.Payload.GetProperty("reason").GetString());
        await watcher.Socket.DisposeAsync();
    }

    private static async Task<List<ServerMessage>> UntilPongAsync(SignalingClient socket, string frame)
    {
        var seen = new List<ServerMessage>();
        while (true)
        {
            ServerMessage message;
            try
            {
                message = await socket.WaitForAsync(_ => true, TimeSpan.FromSeconds(15));
            }
            catch (Exception e) when (e is TimeoutException or WebSocketException)
            {
                throw new InvalidOperationException($"No answer after the frame {frame}", e);
            }
            if (message.Namespace == "echo" && message.Message == "pong")
                return seen;
            seen.Add(message);
        }
    }
}
