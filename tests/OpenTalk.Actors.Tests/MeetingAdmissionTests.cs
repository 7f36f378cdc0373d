using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Actors.Tests;

public class MeetingAdmissionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Room = Guid.NewGuid();
    private static readonly Guid Owner = Guid.NewGuid();

    private static MeetingState Room_with_password_and_invite(DateTimeOffset? expiration) =>
        new Journal.DomainEvent[] { new RoomCreated(Room, Owner, "secret", false), new InviteCreated("code", expiration) }
            .Aggregate(MeetingState.Empty(Room), MeetingEvolve.Apply);

    private static string? Check(MeetingState state, ParticipantIdentity who, string? password) =>
        MeetingAdmission.Check(state, new CheckAdmission(Room, who, password), Now).Error;

    [Fact]
    public void A_guest_needs_a_valid_invite_and_the_password()
    {
        var state = Room_with_password_and_invite(Now.AddHours(1));
        Assert.Null(Check(state, ParticipantIdentity.ForGuest("code"), "secret"));
        Assert.Equal(ProblemCodes.WrongRoomPassword, Check(state, ParticipantIdentity.ForGuest("code"), "wrong"));
        Assert.Equal(ProblemCodes.InvalidInviteCode, Check(state, ParticipantIdentity.ForGuest("other"), "secret"));
    }

    [Fact]
    public void An_expired_invite_lets_nobody_in()
    {
        var state = Room_with_password_and_invite(Now.AddSeconds(-1));
        Assert.Equal(ProblemCodes.InvalidInviteCode, Check(state, ParticipantIdentity.ForGuest("code"), "secret"));
    }

    [Fact]
    public void The_owner_needs_no_password_but_other_users_do()
    {
        var state = Room_with_password_and_invite(null);
        Assert.Null(Check(state, ParticipantIdentity.ForUser(Owner), null));
        Assert.Equal(ProblemCodes.WrongRoomPassword, Check(state, ParticipantIdentity.ForUser(Guid.NewGuid()), null));
    }
}
