using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Rest;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

public class DialOutDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly ParticipantId Mod = new(Guid.NewGuid());
    private static readonly ParticipantId User = new(Guid.NewGuid());

    private static MeetingState Room_in_session(bool waitingRoom = false) => Given(
        new RoomCreated(Room, Owner, null, waitingRoom),
        new ParticipantJoined(Mod, "Olga", MeetingRole.Moderator, ParticipantIdentity.ForUser(Owner)),
        new ParticipantJoined(User, "Uma", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())));

    private static (MeetingState State, Guid CallId) Dialed(MeetingState state, string number = "+49 30 1234-5678")
    {
        var (after, heard, _) = Run(state, new DialPhone(Room, Mod, number));
        return (after, ((DialOutUpdated)heard.Single().Payload).CallId);
    }

    [Fact]
    public void Only_a_moderator_dials_and_only_a_number()
    {
        var state = Room_in_session();
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new DialPhone(Room, User, "+4930123")).Error);
        Assert.Equal(ErrorCodes.InvalidPhoneNumber, When(state, new DialPhone(Room, Mod, "sip:evil@example.org")).Error);
        Assert.Equal(ErrorCodes.InvalidPhoneNumber, When(state, new DialPhone(Room, Mod, "12")).Error);
        Assert.Equal(ErrorCodes.InvalidPhoneNumber, When(state, new DialPhone(Room, Mod, "+49+30123")).Error);
        Assert.Equal("+493012345678", DialOutModule.Normalize("+49 (30) 1234-5678"));
    }

    [Fact]
    public void Dialing_asks_for_a_gateway_and_tells_the_moderators_only()
    {
        var (state, heard, effects) = Run(Room_in_session(), new DialPhone(Room, Mod, "+49 30 1234-5678"));

        var told = Assert.Single(heard);
        Assert.Equal((Mod.Value, Namespaces.DialOut), (told.To, told.Namespace));
        var update = Assert.IsType<DialOutUpdated>(told.Payload);
        Assert.Equal(("+493012345678", DialOutStatus.Dialing), (update.Number, update.Status));
        var job = Assert.Single(effects.OfType<RequestService>()).Job;
        Assert.Equal((DialOutModule.GatewayKind, Room.Value, update.CallId), (job.Kind, job.RoomId, job.JobId));
        Assert.Contains(effects, e => e is StartClock { Tick: DialOutDeadline d } && d.CallId == update.CallId);
        Assert.True(state.DialOuts.ContainsKey(update.CallId));
    }

    [Fact]
    public void A_gateway_claims_a_call_once_and_its_callee_comes_in_past_the_waiting_room_as_answered()
    {
        var (state, callId) = Dialed(Room_in_session(waitingRoom: true));
        var callee = ParticipantIdentity.ForCallee(callId);
        Assert.Equal(ProblemCodes.NotFound, MeetingAdmission.Check(state, new CheckAdmission(Room, callee, null), Now).Error);

        state = Then(state, new ClaimDialOut(Room, callId));
        Assert.Equal(ProblemCodes.NotFound, When(state, new ClaimDialOut(Room, callId)).Error);
        var admitted = MeetingAdmission.Check(state, new CheckAdmission(Room, callee, null), Now);
        Assert.Null(admitted.Error);
        Assert.False(admitted.Room!.WaitingRoom);

        var phone = new ParticipantId(Guid.NewGuid());
        var (after, heard, _) = Run(state, new Join(Room, phone, callee, "Phone …5678", Akka.Actor.ActorRefs.Nobody));
        var answered = heard.Where(n => n.Payload is DialOutUpdated).Select(n => (n.To, (DialOutUpdated)n.Payload)).Single();
        Assert.Equal((Mod.Value, DialOutStatus.Answered, (Guid?)phone.Value), (answered.To, answered.Item2.Status, answered.Item2.ParticipantId));
        Assert.True(after.Find(phone) is { IsInRoom: true });
        // The call is over as a call: nobody else comes in on it.
        Assert.Equal(ProblemCodes.NotFound, MeetingAdmission.Check(after, new CheckAdmission(Room, callee, null), Now).Error);
    }

    [Fact]
    public void A_call_nobody_takes_or_answers_fails_with_a_reason_the_moderators_hear()
    {
        var (state, callId) = Dialed(Room_in_session());
        Assert.Empty(When(state, new DialOutDeadline(callId), Now + DialOutModule.ClaimTimeout - TimeSpan.FromSeconds(1)).Events);
        var (_, heard, _) = Run(state, new DialOutDeadline(callId), Now + DialOutModule.ClaimTimeout);
        Assert.Equal((DialOutStatus.Failed, DialOutModule.NoGateway), heard.Select(n => (DialOutUpdated)n.Payload).Select(u => (u.Status, u.Reason)).Single());

        state = Then(state, new ClaimDialOut(Room, callId));
        Assert.Empty(When(state, new DialOutDeadline(callId), Now + DialOutModule.ClaimTimeout).Events);
        var (after, _, _) = Run(state, new DialOutDeadline(callId), Now + DialOutModule.AnswerTimeout);
        Assert.Empty(after.DialOuts);
    }

    [Fact]
    public void A_gateway_reports_a_busy_line_once_for_a_call_it_took()
    {
        var (state, callId) = Dialed(Room_in_session());
        Assert.Equal(ProblemCodes.NotFound, When(state, new ReportDialOutFailed(Room, callId, "busy")).Error);
        state = Then(state, new ClaimDialOut(Room, callId));
        Assert.Equal(ProblemCodes.ValidationFailed, When(state, new ReportDialOutFailed(Room, callId, "<b>")).Error);

        var (after, heard, effects) = Run(state, new ReportDialOutFailed(Room, callId, "busy"));
        Assert.Equal("busy", heard.Select(n => ((DialOutUpdated)n.Payload).Reason).Single());
        Assert.Contains(effects, e => e is StopClock);
        Assert.Equal(ProblemCodes.NotFound, When(after, new ReportDialOutFailed(Room, callId, "busy")).Error);
    }

    [Fact]
    public void A_room_places_a_few_calls_at_once_not_more()
    {
        var state = Room_in_session();
        for (var i = 0; i < DialOutModule.MaxPending; i++)
            (state, _) = Dialed(state, $"+49301234{i}");
        Assert.Equal(ErrorCodes.TooManyCalls, When(state, new DialPhone(Room, Mod, "+4930999")).Error);
    }
}
