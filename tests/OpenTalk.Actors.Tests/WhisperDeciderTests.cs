using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

public class WhisperDeciderTests : DeciderTest
{
    private static readonly ParticipantId A = new(Guid.NewGuid());
    private static readonly ParticipantId B = new(Guid.NewGuid());
    private static readonly ParticipantId C = new(Guid.NewGuid());
    private static readonly ParticipantId D = new(Guid.NewGuid());
    private static readonly Guid Whisper = Guid.NewGuid();

    private static MeetingState Room_in_session() => new DomainEvent[]
    {
        new RoomCreated(Room, Guid.NewGuid(), null, false),
        new ParticipantJoined(A, "Ann", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())),
        new ParticipantJoined(B, "Ben", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())),
        new ParticipantJoined(C, "Cy", MeetingRole.Guest, ParticipantIdentity.ForGuest("i")),
        new ParticipantJoined(D, "Di", MeetingRole.Guest, ParticipantIdentity.ForGuest("i")),
    }.Aggregate(MeetingState.Empty(Room), MeetingEvolve.Apply);

    [Fact]
    public void Invitees_accept_or_decline_and_outsiders_cannot_see_the_group()
    {
        var state = Then(Room_in_session(), new CreateWhisperGroup(Room, A, Whisper, [B, C]));
        Assert.Equal(WhisperMembership.Invited, state.Whispers[Whisper].Members[B]);
        state = Then(state, new AnswerWhisperInvite(Room, B, Whisper, true));
        state = Then(state, new AnswerWhisperInvite(Room, C, Whisper, false));
        Assert.Equal(new Guid[] { A, B }.Order(), state.Whispers[Whisper].Joined.Order());
        Assert.Equal(ErrorCodes.NoSuchWhisperGroup, When(state, new LeaveWhisperGroup(Room, D, Whisper)).Error);
        Assert.Equal(ErrorCodes.NoSuchWhisperGroup, When(state, new AnswerWhisperInvite(Room, C, Whisper, true)).Error);
    }

    [Fact]
    public void Only_the_creator_kicks_and_the_group_ends_when_the_creator_goes()
    {
        var state = Then(Room_in_session(), new CreateWhisperGroup(Room, A, Whisper, [B, C]));
        state = Then(state, new AnswerWhisperInvite(Room, B, Whisper, true));
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new KickFromWhisperGroup(Room, B, Whisper, [C])).Error);
        state = Then(state, new KickFromWhisperGroup(Room, A, Whisper, [C]));
        Assert.False(state.Whispers[Whisper].Members.ContainsKey(C));
        state = Then(state, new InviteToWhisperGroup(Room, B, Whisper, [D]));
        Assert.Equal(WhisperMembership.Invited, state.Whispers[Whisper].Members[D]);
        state = Then(state, new Leave(Room, A));
        Assert.Empty(state.Whispers);
    }
}
