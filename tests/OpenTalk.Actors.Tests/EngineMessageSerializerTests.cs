using Akka.Actor;
using Akka.TestKit.Xunit2;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Actors.Sharding;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

/// <summary>Messages between nodes survive the trip, actor references and collections included.</summary>
public class EngineMessageSerializerTests : TestKit
{
    private T RoundTrip<T>(T message) where T : notnull
    {
        var serializer = new EngineMessageSerializer((ExtendedActorSystem)Sys);
        return (T)serializer.FromBinary(serializer.ToBinary(message), serializer.Manifest(message));
    }

    [Fact]
    public void A_join_keeps_its_connection_and_the_identity_groups()
    {
        var join = new Join(new RoomId(Guid.NewGuid()), new ParticipantId(Guid.NewGuid()), ParticipantIdentity.ForUser(Guid.NewGuid(), groups: ["staff", "board"]), "Sam", TestActor);
        var back = RoundTrip(join);
        Assert.Equal(join, back);
        back.Connection.Tell("hello");
        ExpectMsg("hello");
    }

    [Fact]
    public void A_reattach_keeps_the_chat_messages_in_doubt()
    {
        var reattach = new Reattach(new RoomId(Guid.NewGuid()), new ParticipantId(Guid.NewGuid()), TestActor, Guid.NewGuid())
        {
            InDoubt = [new InDoubtChatMessage(7, Guid.NewGuid()), new InDoubtChatMessage(8, Guid.NewGuid())],
        };
        var back = RoundTrip(reattach);
        Assert.Equal(reattach.InDoubt, back.InDoubt);
        Assert.Equal(reattach.LastChatMessage, back.LastChatMessage);
    }

    [Fact]
    public void Commands_with_lists_and_replies_round_trip()
    {
        var mute = new RequestMuteOf(new RoomId(Guid.NewGuid()), new ParticipantId(Guid.NewGuid()), [Guid.NewGuid(), Guid.NewGuid()], Force: true);
        Assert.Equal(mute.Targets, RoundTrip(mute).Targets);
        var poll = new StartPoll(new RoomId(Guid.NewGuid()), new ParticipantId(Guid.NewGuid()), Guid.NewGuid(), "Lunch?", true, false, ["A", "B"], TimeSpan.FromMinutes(1), false);
        Assert.Equal(poll.Choices, RoundTrip(poll).Choices);
        var reply = new ParticipantReply(Guid.NewGuid(), Guid.NewGuid(), ParticipantIdentity.ForGuest("code"), null);
        Assert.Equal(reply, RoundTrip(reply));
        Assert.Equal(new Outbound("{}"), RoundTrip(new Outbound("{}")));
        Assert.Equal(MessageScope.Group, RoundTrip(new SendChatMessage(new RoomId(Guid.NewGuid()), new ParticipantId(Guid.NewGuid()), Guid.NewGuid(), "hi", MessageScope.Group, null, "staff")).Scope);
    }
}
