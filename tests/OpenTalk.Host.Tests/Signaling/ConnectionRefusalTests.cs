using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Host.Signaling;
using OpenTalk.Media;

namespace OpenTalk.Host.Tests.Signaling;

/// <summary>
/// The meeting refuses a command by its number; the connection, which alone knows the frame, writes the error in
/// that frame's namespace. A probe stands in for the meeting's shard region.
/// </summary>
public sealed class ConnectionRefusalTests : TestKit
{
    private readonly Guid _room = Guid.NewGuid();
    private readonly Guid _me = Guid.NewGuid();
    private readonly Channel<OutgoingFrame> _socket = Channel.CreateUnbounded<OutgoingFrame>();
    private readonly IActorRef _connection;

    // A busy CI machine may take seconds to start the actor system and deliver the first message.
    public ConnectionRefusalTests() : base("akka.test.single-expect-default = 10s")
    {
        _connection = Sys.ActorOf(ConnectionActor.Props(new RoomId(_room), new ParticipantId(_me), ParticipantIdentity.ForUser(Guid.NewGuid()), TestActor, _socket.Writer, null));
        Send("""{"namespace":"control","payload":{"action":"join","display_name":"Ann"}}""");
        ExpectMsg<Join>();
        _connection.Tell(new Attached(_me), TestActor);
    }

    [Fact]
    public async Task A_refused_command_is_answered_in_the_namespace_of_its_frame()
    {
        var number = SendCommand("""{"namespace":"chat","payload":{"action":"clear_history"}}""");
        _connection.Tell(new CommandRefused(number, "insufficient_permissions"), TestActor);

        Assert.Equal(("chat", "insufficient_permissions"), await NextErrorAsync());
    }

    [Fact]
    public async Task A_command_refused_after_it_was_taken_is_still_answered_in_its_namespace()
    {
        var number = SendCommand("""{"namespace":"timer","payload":{"action":"stop","timer_id":"6f1c1a8e-0000-4000-8000-000000000001"}}""");
        _connection.Tell(new CommandTaken(number), TestActor);
        _connection.Tell(new CommandRefused(number, "storage_unavailable"), TestActor);

        Assert.Equal(("timer", "storage_unavailable"), await NextErrorAsync());
    }

    [Fact]
    public async Task Each_refusal_names_its_own_command_when_several_are_on_their_way()
    {
        var chat = SendCommand("""{"namespace":"chat","payload":{"action":"enable_chat"}}""");
        var hand = SendCommand("""{"namespace":"control","payload":{"action":"raise_hand"}}""");
        _connection.Tell(new CommandRefused(hand, "raise_hands_disabled"), TestActor);
        _connection.Tell(new CommandRefused(chat, "insufficient_permissions"), TestActor);

        Assert.Equal(("control", "raise_hands_disabled"), await NextErrorAsync());
        Assert.Equal(("chat", "insufficient_permissions"), await NextErrorAsync());
    }

    [Fact]
    public async Task A_refusal_of_the_media_mute_by_a_moderator_comes_in_moderation_as_before()
    {
        var number = SendCommand("""{"namespace":"media","payload":{"action":"moderator_mute","targets":[]}}""");
        _connection.Tell(new CommandRefused(number, "insufficient_permissions"), TestActor);

        Assert.Equal(("moderation", "insufficient_permissions"), await NextErrorAsync());
    }

    [Fact]
    public async Task A_refused_join_is_answered_in_control_and_a_failed_media_request_in_media()
    {
        _connection.Tell(new CommandRefused(CommandRefused.Join, "banned"), TestActor);
        Assert.Equal(("control", "banned"), await NextErrorAsync());

        _connection.Tell(new MediaRefused("invalid_sdp"), TestActor);
        Assert.Equal(("media", "invalid_sdp"), await NextErrorAsync());
    }

    [Fact]
    public async Task A_command_taken_but_not_stored_when_its_meeting_dies_is_refused_and_a_stored_one_is_not()
    {
        var meeting = CreateTestProbe();
        _connection.Tell(new Attached(_me), meeting.Ref);
        var stored = SendCommand("""{"namespace":"control","payload":{"action":"raise_hand"}}""");
        var writing = SendCommand("""{"namespace":"control","payload":{"action":"lower_hand"}}""");
        _connection.Tell(new CommandTaken(stored), meeting.Ref);
        _connection.Tell(new CommandStored(stored), meeting.Ref);
        _connection.Tell(new CommandTaken(writing), meeting.Ref);

        Sys.Stop(meeting.Ref);

        Assert.Equal(("control", "meeting_unavailable"), await NextErrorAsync());
        Assert.Empty(ExpectMsg<Reattach>().InDoubt);
        Assert.Empty(Errors()); // only the command whose write had not ended is refused
    }

    [Fact]
    public async Task Chat_messages_whose_meeting_died_before_answering_are_settled_by_its_new_home_not_refused_at_once()
    {
        var meeting = CreateTestProbe();
        _connection.Tell(new Attached(_me), meeting.Ref);
        var written = SendCommand("""{"namespace":"chat","payload":{"action":"send_message","content":"written"}}""");
        var lost = SendCommand("""{"namespace":"chat","payload":{"action":"send_message","content":"lost"}}""");
        _connection.Tell(new CommandTaken(written), meeting.Ref);

        // The meeting's node dies: its write of the first may or may not have ended.
        Sys.Stop(meeting.Ref);
        var reattach = ExpectMsg<Reattach>();
        Assert.Equal([written, lost], reattach.InDoubt.Select(d => d.Number));
        Assert.Empty(Errors());

        // Nor are they refused while the meeting is away, however long that takes.
        await Task.Delay(ConnectionActor.TakenWithin + TimeSpan.FromSeconds(1.5));
        Assert.Empty(Errors());

        // The new home found the first in its chat and not the second.
        _connection.Tell(new Attached(_me), TestActor);
        _connection.Tell(new CommandStored(written), TestActor);
        _connection.Tell(new CommandRefused(lost, "meeting_unavailable"), TestActor);
        Assert.Equal(("chat", "meeting_unavailable"), await NextErrorAsync());
        Assert.Empty(Errors());
    }

    [Fact]
    public async Task A_mute_by_a_moderator_the_meeting_never_took_is_refused_in_moderation_like_its_other_refusals()
    {
        SendCommand("""{"namespace":"media","payload":{"action":"moderator_mute","targets":[]}}""");

        // Nobody takes it: after the connection's wait it is refused as lost, where its other refusals go.
        using var timeout = new CancellationTokenSource(ConnectionActor.TakenWithin + TimeSpan.FromSeconds(10));
        Assert.Equal(("moderation", "meeting_unavailable"), await NextErrorAsync(timeout.Token));
    }

    [Fact]
    public async Task A_meeting_handed_to_another_node_is_followed_and_nothing_it_took_is_refused()
    {
        var meeting = CreateTestProbe();
        _connection.Tell(new Attached(_me), meeting.Ref);
        var writing = SendCommand("""{"namespace":"control","payload":{"action":"raise_hand"}}""");
        _connection.Tell(new CommandTaken(writing), meeting.Ref);

        // The meeting answered what it took and moves: the connection looks for its new home at once...
        _connection.Tell(new MeetingMoving(_me), meeting.Ref);
        ExpectMsg<Reattach>();
        // ...sends on what the client sends meanwhile (the regions hold it for the new home)...
        Send("""{"namespace":"control","payload":{"action":"lower_hand"}}""");
        FishForMessage(m => m is NumberedCommand);
        // ...and its old home's end refuses nothing (a lost meeting's would): the answers come from the new one.
        Sys.Stop(meeting.Ref);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        _connection.Tell(new CommandStored(writing), TestActor);
        _connection.Tell(new Attached(_me), TestActor);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Empty(Errors());
    }

    [Fact]
    public async Task On_a_draining_node_the_socket_closes_once_its_meeting_has_moved_and_nothing_is_refused()
    {
        var meeting = CreateTestProbe();
        _connection.Tell(new Attached(_me), meeting.Ref);
        var writing = SendCommand("""{"namespace":"chat","payload":{"action":"send_message","content":"first"}}""");
        _connection.Tell(new CommandTaken(writing), meeting.Ref);

        // The meeting lives on this node: the socket stays until it has moved, so the client resumes against its new home.
        _connection.Tell(ConnectionActor.NodeDraining.Instance);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.False(_socket.Reader.Completion.IsCompleted, "the socket closed before its meeting moved");

        _connection.Tell(new MeetingMoving(_me), meeting.Ref);
        var frames = new List<OutgoingFrame>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var frame in _socket.Reader.ReadAllAsync(timeout.Token))
            frames.Add(frame);
        var close = Assert.IsType<OutgoingFrame.Close>(frames[^1]);
        Assert.Equal((System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, "server_shutting_down"), (close.Status, close.Reason));
        Assert.DoesNotContain(frames.OfType<OutgoingFrame.Text>(), f => f.Json.Contains("\"error\"", StringComparison.Ordinal));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300)); // no re-attach from a node that goes
    }

    /// <summary>The errors written to the socket so far (reads what is there, waits for nothing).</summary>
    private List<(string Namespace, string Error)> Errors()
    {
        var errors = new List<(string, string)>();
        while (_socket.Reader.TryRead(out var frame))
        {
            if (frame is not OutgoingFrame.Text text)
                continue;
            using var json = JsonDocument.Parse(text.Json);
            var payload = json.RootElement.GetProperty("payload");
            if (payload.GetProperty("message").GetString() == "error")
                errors.Add((json.RootElement.GetProperty("namespace").GetString()!, payload.GetProperty("error").GetString()!));
        }
        return errors;
    }

    private void Send(string frame) => _connection.Tell(ClientMessageParser.Parse(Encoding.UTF8.GetBytes(frame), new RoomId(_room), new ParticipantId(_me)));

    private long SendCommand(string frame)
    {
        Send(frame);
        return ExpectMsg<NumberedCommand>().Number;
    }

    private async Task<(string Namespace, string Error)> NextErrorAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await NextErrorAsync(timeout.Token);
    }

    private async Task<(string Namespace, string Error)> NextErrorAsync(CancellationToken ct)
    {
        while (true)
        {
            var frame = await _socket.Reader.ReadAsync(ct);
            if (frame is not OutgoingFrame.Text text)
                continue;
            using var json = JsonDocument.Parse(text.Json);
            var payload = json.RootElement.GetProperty("payload");
            if (payload.GetProperty("message").GetString() == "error")
                return (json.RootElement.GetProperty("namespace").GetString()!, payload.GetProperty("error").GetString()!);
        }
    }
}
