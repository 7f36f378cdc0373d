using Akka.Actor;
using Akka.TestKit.Xunit2;
using OpenTalk.Actors.Meetings;

namespace OpenTalk.Actors.Tests;

/// <summary>A conference id belongs to one room at a time, across restarts of its index entity.</summary>
public class SipIndexTests() : TestKit(TimerActorTests.Config)
{
    [Fact]
    public void A_conference_id_is_granted_to_one_room_until_released()
    {
        var (red, blue) = (Guid.NewGuid(), Guid.NewGuid());
        var id = SipIndex.NewDigits();
        var index = Sys.ActorOf(SipIndexActor.Props(SipIndex.EntityOf(id).ToString()));

        index.Tell(new ClaimSipId(id, red));
        Assert.True(ExpectMsg<SipClaim>().Granted);
        index.Tell(new ClaimSipId(id, blue));
        var refused = ExpectMsg<SipClaim>();
        Assert.False(refused.Granted);
        Assert.Equal(red, refused.RoomId);
        index.Tell(new ClaimSipId(id, red));
        Assert.True(ExpectMsg<SipClaim>().Granted); // a retry by the holder

        // The index survives a restart.
        Watch(index);
        Sys.Stop(index);
        ExpectTerminated(index);
        index = Sys.ActorOf(SipIndexActor.Props(SipIndex.EntityOf(id).ToString()));
        index.Tell(new LookupSipId(id));
        Assert.Equal(red, ExpectMsg<SipClaim>().RoomId);

        index.Tell(new ReleaseSipId(id, blue)); // not the holder: ignored
        index.Tell(new ReleaseSipId(id, red));
        index.Tell(new ClaimSipId(id, blue));
        Assert.True(ExpectMsg<SipClaim>().Granted);
    }
}
