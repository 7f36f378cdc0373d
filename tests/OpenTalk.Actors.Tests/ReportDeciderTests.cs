using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

/// <summary>The meeting report as the meeting decides it: who may ask, what the node is given to render, and the report at the end of a session.</summary>
public class ReportDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid UmasAccount = Guid.NewGuid();
    private static readonly ParticipantId Mod = new(Guid.NewGuid());
    private static readonly ParticipantId Uma = new(Guid.NewGuid());
    private static readonly ParticipantId Guest = new(Guid.NewGuid());
    private static readonly Guid Budget = Guid.NewGuid();
    private static readonly Guid Lunch = Guid.NewGuid();

    private static T At<T>(T evt, int minute, Guid? by = null) where T : DomainEvent =>
        evt with { OccurredAt = Now.AddMinutes(minute), By = by is { } p ? Actor.Participant(p) : Actor.System };

    /// <summary>Olga (moderator) and Uma are in; the guest Gus came and went; a vote and a poll were held.</summary>
    private static MeetingState Session() => Given(
        new RoomCreated(Room, Owner, null, false),
        At(new ParticipantJoined(Mod, "Olga", MeetingRole.Moderator, ParticipantIdentity.ForUser(Owner)), -30),
        At(new ParticipantJoined(Guest, "Gus", MeetingRole.Guest, ParticipantIdentity.ForGuest("invite")), -25),
        At(new ParticipantJoined(Uma, "Uma", MeetingRole.User, ParticipantIdentity.ForUser(UmasAccount)), -20),
        At(new LegalVoteStarted(Budget, "Budget 2027", VoteKind.RollCall, [Mod.Value, Uma.Value], [], true, false, null), -15, Mod),
        At(new LegalVoteStopped(Budget, VoteStopReason.ByParticipant, 1, 0, 1, "d1g35t"), -12, Mod),
        At(new PollStarted(Lunch, "Lunch?", false, false, ["Pizza", "Salad"], TimeSpan.FromMinutes(5), false), -11, Mod),
        At(new PollFinished(Lunch, [2, 1], PollFinished.ByModerator), -10, Mod),
        At(new ParticipantLeft(Guest, LeaveReason.Quit), -5, Guest));

    [Fact]
    public void Only_a_moderator_in_the_room_may_ask_for_the_report()
    {
        var state = Session();
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new GenerateReport(Room, Uma, false)).Error);
        Assert.Equal(ErrorCodes.NotJoined, When(state, new GenerateReport(Room, Guest, false)).Error);
        var evt = Assert.IsType<ReportRequested>(Assert.Single(When(state, new GenerateReport(Room, Mod, true)).Events));
        Assert.True(evt.IncludeEmailAddresses);
        Assert.Equal(Actor.Participant(Mod.Value), evt.By);
    }

    [Fact]
    public void The_node_is_given_everyone_who_came_with_role_and_times_and_the_results_of_the_session_s_polls_and_votes()
    {
        var (_, heard, effects) = Run(Session(), new GenerateReport(Room, Mod, true));

        Assert.Empty(heard);
        var request = Assert.Single(effects.OfType<RequestReport>()).Report;
        Assert.Equal((Room.Value, Room.Value, (Guid?)Mod.Value, (Guid?)Owner, true, false),
            (request.RoomId, request.AssetRoomId, request.RequestedBy, request.LanguageOf, request.IncludeEmailAddresses, request.SessionEnded));
        Assert.Equal(Now.AddMinutes(-30), request.Session.StartedAt);
        Assert.Equal(
            [
                ("Olga", MeetingRole.Moderator, (Guid?)Owner, Now.AddMinutes(-30), (DateTimeOffset?)null),
                ("Gus", MeetingRole.Guest, null, Now.AddMinutes(-25), Now.AddMinutes(-5)),
                ("Uma", MeetingRole.User, UmasAccount, Now.AddMinutes(-20), null),
            ],
            request.Session.Attendees.Select(a => (a.DisplayName, a.Role, a.UserId, a.JoinedAt, a.LeftAt)));
        var vote = Assert.Single(request.Session.Votes);
        Assert.Equal(("Budget 2027", 1, 0, 1, "d1g35t"), (vote.Name, vote.Yes, vote.No, vote.Abstain, vote.VotesDigest));
        var poll = Assert.Single(request.Session.Polls);
        Assert.Equal(["Pizza", "Salad"], poll.Choices);
        Assert.Equal([2, 1], poll.Tally!);
    }

    [Fact]
    public void A_role_granted_during_the_session_is_the_one_reported()
    {
        var state = Then(Session(), new GrantModeratorRole(Room, Mod, Uma));
        var request = Assert.Single(Run(state, new GenerateReport(Room, Mod, false)).Effects.OfType<RequestReport>()).Report;
        Assert.Equal(MeetingRole.Moderator, request.Session.Attendees.Single(a => a.ParticipantId == Uma.Value).Role);
    }

    [Fact]
    public void When_the_last_person_leaves_a_report_without_addresses_is_requested_for_the_owner_and_the_record_is_forgotten()
    {
        var state = Then(Session(), new Leave(Room, Uma));
        var (after, _, effects) = Run(state, new Leave(Room, Mod), Now.AddMinutes(1));

        var request = Assert.Single(effects.OfType<RequestReport>()).Report;
        Assert.Equal(((Guid?)null, (Guid?)Owner, false, true, Now.AddMinutes(1)),
            (request.RequestedBy, request.LanguageOf, request.IncludeEmailAddresses, request.SessionEnded, request.At));
        Assert.Equal(["Olga", "Gus", "Uma"], request.Session.Attendees.Select(a => a.DisplayName));
        Assert.All(request.Session.Attendees, a => Assert.NotNull(a.LeftAt));
        Assert.Null(after.Session);

        // The next session starts a record of its own.
        var next = Then(after, new Join(Room, Mod, ParticipantIdentity.ForUser(Owner), "Olga", Akka.Actor.ActorRefs.Nobody));
        Assert.Equal(["Olga"], next.Session!.Attendees.Select(a => a.DisplayName));
        Assert.Empty(next.Session.Votes);
    }

    [Fact]
    public void The_stored_report_is_announced_only_to_the_moderator_who_asked_and_a_failure_only_to_them()
    {
        var state = Session();
        var asset = new RoomAsset(Guid.NewGuid(), "meeting_report_2026-11-25_10-00-00-UTC.pdf", Namespaces.MeetingReport, "meeting_report",
            1234, null, "rooms/x/y", null, default);
        var (after, heard, _) = Run(state, new AddReport(Room, Mod, asset));

        var told = Assert.Single(heard);
        Assert.Equal((Mod.Value, Namespaces.MeetingReport), (told.To, told.Namespace));
        Assert.Equal(new PdfAsset(asset.Filename, asset.Id), told.Payload);
        Assert.True(after.Assets!.ContainsKey(asset.Id));
        Assert.Equal(MeetingDecider.AlreadyExists, When(after, new AddReport(Room, Mod, asset)).Error);

        // The report made when a session closed is for the dashboard: nobody is told.
        Assert.Empty(Run(state, new AddReport(Room, null, asset with { Id = Guid.NewGuid() })).Heard);

        var failed = Assert.Single(MeetingReportModule.Failed(state, new ReportFailed(Room, Mod, ReportErrors.Storage)));
        Assert.Equal((Mod.Value, Namespaces.MeetingReport, (ServerPayload)new ErrorPayload("storage")), (failed.To, failed.Namespace, failed.Payload));
        Assert.Empty(MeetingReportModule.Failed(state, new ReportFailed(Room, Guest, ReportErrors.Generate)));
    }
}
