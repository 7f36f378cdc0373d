using Akka.Actor;
using Akka.TestKit.Xunit2;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests.Bugs;

/// <summary>
/// A chat message sent just as its meeting's node was killed was refused to its sender (<c>meeting_unavailable</c>)
/// and yet stored: the shard region held it while the meeting moved and delivered it to the recovered meeting, which
/// wrote it. A command that reaches the meeting after its deadline is now refused undecided, whatever it would have done.
/// </summary>
public sealed class RefusedCommandStoredLater() : TestKit(TimerActorTests.Config)
{
    private readonly Guid _room = Guid.NewGuid();
    private readonly Guid _owner = Guid.NewGuid();

    [Fact]
    public void A_command_that_reaches_the_meeting_after_its_deadline_is_refused_and_not_stored()
    {
        var meeting = Sys.ActorOf(MeetingActor.Props(_room.ToString(), new EngineSettings(), TimeProvider.System, CreateTestProbe().Ref, CreateTestProbe().Ref));
        meeting.Tell(new CreateRoom(_room, _owner, null, WaitingRoom: false));
        Assert.Null(ExpectMsg<MeetingReply>().Error);
        var socket = CreateTestProbe();
        var me = new ParticipantId(_owner);
        meeting.Tell(new Join(new RoomId(_room), me, ParticipantIdentity.ForUser(_owner), "Olga", socket.Ref));
        socket.FishForMessage(m => m is Attached);

        var now = DateTimeOffset.UtcNow;
        meeting.Tell(new NumberedCommand(1, Say("late", me), now - TimeSpan.FromSeconds(1)), socket.Ref);
        meeting.Tell(new NumberedCommand(2, Say("in time", me), now + TimeSpan.FromSeconds(30)), socket.Ref);

        var refused = socket.FishForMessage<CommandRefused>(_ => true);
        Assert.Equal(new CommandRefused(1, ErrorCodes.MeetingUnavailable), refused);
        var echoes = new List<string>();
        socket.FishForMessage(m =>
        {
            if (m is Outbound { Json: var json } && json.Contains("\"message_sent\"", StringComparison.Ordinal))
                echoes.Add(json);
            return m is CommandStored { Number: 2 };
        });
        Assert.Single(echoes);
        Assert.Contains("in time", echoes[0], StringComparison.Ordinal);

        // Nor is it in the history: the meeting, started again from its journal, holds only the message sent in time.
        Watch(meeting);
        Sys.Stop(meeting);
        ExpectTerminated(meeting);
        var recovered = Sys.ActorOf(MeetingActor.Props(_room.ToString(), new EngineSettings(), TimeProvider.System, CreateTestProbe().Ref, CreateTestProbe().Ref));
        var again = CreateTestProbe();
        recovered.Tell(new Reattach(new RoomId(_room), me, again.Ref));
        var welcome = (Outbound)again.FishForMessage(m => m is Outbound { IsJoinSuccess: true });
        Assert.Contains("in time", welcome.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("late", welcome.Json, StringComparison.Ordinal);
    }

    private SendChatMessage Say(string content, ParticipantId me) =>
        new(new RoomId(_room), me, Guid.NewGuid(), content, MessageScope.Global, null, null);
}
