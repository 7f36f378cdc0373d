using Akka.Actor;
using Akka.TestKit.Xunit2;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

/// <summary>
/// The meeting entity on the in-memory journal, stopped and started again as when its node dies: a connection that
/// re-attaches learns which of its unanswered chat messages the journal holds.
/// </summary>
public class MeetingReattachTests() : TestKit(TimerActorTests.Config)
{
    private readonly Guid _room = Guid.NewGuid();
    private readonly Guid _owner = Guid.NewGuid();
    private readonly Guid _me = Guid.NewGuid();

    private IActorRef StartMeeting() =>
        Sys.ActorOf(MeetingActor.Props(_room.ToString(), new EngineSettings(), TimeProvider.System, ActorRefs.Nobody, ActorRefs.Nobody));

    [Fact]
    public void The_new_home_confirms_the_chat_messages_in_the_journal_and_refuses_the_others()
    {
        var meeting = StartMeeting();
        meeting.Tell(new CreateRoom(_room, _owner, null, false));
        Assert.Null(ExpectMsg<MeetingReply>().Error);
        var socket = CreateTestProbe();
        meeting.Tell(new Join(new RoomId(_room), new ParticipantId(_me), ParticipantIdentity.ForUser(_owner), "Ann", socket.Ref), socket.Ref);
        socket.FishForMessage(m => m is Attached);
        var written = Guid.NewGuid();
        meeting.Tell(new NumberedCommand(1, new SendChatMessage(new RoomId(_room), new ParticipantId(_me), written, "hello", MessageScope.Global, null, null)), socket.Ref);
        socket.FishForMessage(m => m is CommandStored { Number: 1 });

        // Its node dies (the stored answer never reached the socket, say); the meeting starts elsewhere from the journal.
        Watch(meeting);
        Sys.Stop(meeting);
        ExpectTerminated(meeting);
        var again = StartMeeting();
        var neverArrived = Guid.NewGuid();
        again.Tell(new Reattach(new RoomId(_room), new ParticipantId(_me), socket.Ref)
        {
            InDoubt = [new InDoubtChatMessage(1, written), new InDoubtChatMessage(2, neverArrived)],
        });

        socket.FishForMessage(m => m is Attached);
        Assert.Equal(1, socket.FishForMessage<CommandStored>(_ => true).Number);
        var refused = socket.FishForMessage<CommandRefused>(_ => true);
        Assert.Equal((2L, ErrorCodes.MeetingUnavailable), (refused.Number, refused.Error));
    }
}
