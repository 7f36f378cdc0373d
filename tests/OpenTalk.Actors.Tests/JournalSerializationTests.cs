using System.Text;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Actors.Timers;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

public class JournalSerializationTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly ParticipantIdentity Someone = ParticipantIdentity.ForUser(Guid.NewGuid());

    public static TheoryData<object> Samples() =>
    [
        new RoomCreated(Guid.NewGuid(), Guid.NewGuid(), "pw", true) { OccurredAt = At, By = "user:x", PrevHash = "ab" },
        new InviteCreated("code", At.AddDays(1)) { OccurredAt = At },
        new ParticipantJoined(Guid.NewGuid(), "Olga", MeetingRole.Moderator, Someone) { OccurredAt = At },
        new ParticipantWaiting(Guid.NewGuid(), "Gus", MeetingRole.Guest, ParticipantIdentity.ForGuest("c")) { OccurredAt = At },
        new ParticipantAccepted(Guid.NewGuid()) { OccurredAt = At },
        new ParticipantDisconnected(Guid.NewGuid(), DisconnectReasons.ConnectionLost) { OccurredAt = At },
        new ParticipantReconnected(Guid.NewGuid()) { OccurredAt = At },
        new ParticipantLeft(Guid.NewGuid(), LeaveReason.Timeout) { OccurredAt = At },
        new HandRaised(Guid.NewGuid()) { OccurredAt = At },
        new HandLowered(Guid.NewGuid()) { OccurredAt = At },
        new ModeratorRoleGranted(Guid.NewGuid()) { OccurredAt = At },
        new ModeratorRoleRevoked(Guid.NewGuid()) { OccurredAt = At },
        new ParticipantBanned(Guid.NewGuid(), null, "invite") { OccurredAt = At },
        new ParticipantSentToWaitingRoom(Guid.NewGuid()) { OccurredAt = At },
        new DebriefingBegan(DebriefScope.UsersAndGuests) { OccurredAt = At },
        new WaitingRoomTurnedOn { OccurredAt = At },
        new WaitingRoomTurnedOff { OccurredAt = At },
        new RaiseHandsTurnedOn { OccurredAt = At },
        new RaiseHandsTurnedOff { OccurredAt = At },
        new DisplayNameSet(Guid.NewGuid(), "Gustav") { OccurredAt = At },
        new RaisedHandReset(Guid.NewGuid()) { OccurredAt = At },
        new MuteRequested([Guid.NewGuid(), Guid.NewGuid()], true) { OccurredAt = At },
        new SessionClosed { OccurredAt = At },
        new ChatMessagePosted(Guid.NewGuid(), Guid.NewGuid(), "hello", MessageScope.Group, null, "staff") { OccurredAt = At },
        new ChatTurnedOn { OccurredAt = At },
        new ChatTurnedOff { OccurredAt = At },
        new ChatHistoryCleared { OccurredAt = At },
        new ChatLastSeenSet(Guid.NewGuid(), "private:x", At) { OccurredAt = At },
        new ParticipantJoined(Guid.NewGuid(), "Sam", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid(), groups: ["staff", "board"])) { OccurredAt = At },
        new Scheduling.EventScheduled(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new Scheduling.EventDetails("Weekly", "notes", true, false,
            new DateTime(2026, 12, 1, 9, 0, 0), "Europe/Berlin", new DateTime(2026, 12, 1, 10, 0, 0), "Europe/Berlin", ["RRULE:FREQ=WEEKLY"])) { OccurredAt = At },
        new Scheduling.EventChanged(Guid.NewGuid(), new Scheduling.EventDetails("Ad hoc", "", false, true, null, null, null, null, [])) { OccurredAt = At },
        new Scheduling.EventCancelled(Guid.NewGuid()) { OccurredAt = At, SuppressMail = true },
        new Scheduling.EventScheduled(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new Scheduling.EventDetails("Now", "", false, true,
            null, null, null, null, [])) { OccurredAt = At, IsAdhoc = true },
        new Scheduling.InviteeAdded(Guid.NewGuid(), "email:a@example.org", Scheduling.InviteeRole.Moderator) { OccurredAt = At, RoleChange = true, SuppressMail = true },
        new Scheduling.InviteeRemoved(Guid.NewGuid(), "user:x") { OccurredAt = At },
        new Scheduling.InviteAnswered(Guid.NewGuid(), "user:x", Scheduling.InviteeStatus.Tentative) { OccurredAt = At },
        new Scheduling.InstanceChanged(Guid.NewGuid(), new Scheduling.InstanceException("20261012T070000Z", "Moved", null,
            new DateTime(2026, 10, 13, 14, 0, 0), null, false)) { OccurredAt = At },
        new Scheduling.FavoriteAdded(Guid.NewGuid(), Guid.NewGuid()) { OccurredAt = At },
        new Scheduling.FavoriteRemoved(Guid.NewGuid(), Guid.NewGuid()) { OccurredAt = At },
        new StreamingTargetSaved(new StreamingTarget(Guid.NewGuid(), "YouTube", "rtmp://a.rtmp.example/live2", "key", "https://example.org/watch")) { OccurredAt = At },
        new StreamingTargetRemoved(Guid.NewGuid()) { OccurredAt = At },
        new RoomDeleted { OccurredAt = At },
        new MediaPublished(Guid.NewGuid(), MediaKind.Screen, "janus-a", "feed") { OccurredAt = At },
        new MediaSessionUpdated(Guid.NewGuid(), MediaKind.Video, true, false) { OccurredAt = At },
        new MediaUnpublished(Guid.NewGuid(), MediaKind.Video, MediaEndReasons.MediaServerLost) { OccurredAt = At },
        new PresenterRoleRequirementSet(true) { OccurredAt = At },
        new WhisperAudioPlaced(Guid.NewGuid(), "janus-b") { OccurredAt = At },
        new RoomUpdated("pw", true) { OccurredAt = At },
        new SipConfigured("0123456789", "9876543210") { OccurredAt = At },
        new SipRemoved { OccurredAt = At },
        new SipIdClaimed("0123456789", Guid.NewGuid()) { OccurredAt = At },
        new SipIdReleased("0123456789") { OccurredAt = At },
        new ParticipantRegistered(Guid.NewGuid(), Guid.NewGuid(), Someone) { OccurredAt = At },
        new TicketIssued("hash", At.AddSeconds(30)) { OccurredAt = At },
        new TicketRedeemed("hash") { OccurredAt = At },
        new ResumptionIssued("hash") { OccurredAt = At },
        new TimerStarted(Guid.NewGuid(), Guid.NewGuid(), TimerKind.Countdown, TimeSpan.FromMinutes(5), "Break") { OccurredAt = At },
        new TimerStopped(Guid.NewGuid(), TimerStopReason.Expired) { OccurredAt = At },
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_event_round_trips_under_its_stable_manifest(object evt)
    {
        var manifest = EventCatalog.ManifestOf(evt.GetType());
        var bytes = JournalJson.Serialize(evt);
        var back = JournalJson.Deserialize(bytes, EventCatalog.TypeOf(manifest));
        Assert.Equal(evt, back);
        Assert.Matches(@"^[a-z]+\.[a-z_]+\.v\d+$", manifest);
        Assert.DoesNotContain("OpenTalk.", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Events_are_snake_case_json_with_when_and_who()
    {
        var json = Encoding.UTF8.GetString(JournalJson.Serialize(new HandRaised(Guid.Empty) { OccurredAt = At, By = "participant:p" }));
        Assert.Contains("\"participant_id\":\"00000000-0000-0000-0000-000000000000\"", json, StringComparison.Ordinal);
        Assert.Contains("\"occurred_at\":\"2026-11-25T10:00:00+00:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"by\":\"participant:p\"", json, StringComparison.Ordinal);
        Assert.Contains("\"prev_hash\":\"\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Presenter_and_unmute_lists_round_trip()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        Assert.Equal(new PresentersGranted(ids) { OccurredAt = At }, RoundTrip(new PresentersGranted(ids) { OccurredAt = At }));
        Assert.Equal(new PresentersRevoked(ids) { OccurredAt = At }, RoundTrip(new PresentersRevoked(ids) { OccurredAt = At }));
        Assert.Equal(new UnmuteAllowedFor(ids) { OccurredAt = At }, RoundTrip(new UnmuteAllowedFor(ids) { OccurredAt = At }));
    }

    private static object RoundTrip(object evt) =>
        JournalJson.Deserialize(JournalJson.Serialize(evt), EventCatalog.TypeOf(EventCatalog.ManifestOf(evt.GetType())));

    [Fact]
    public void Invited_moderators_round_trip()
    {
        var users = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var back = (InvitedModeratorsSet)JournalJson.Deserialize(JournalJson.Serialize(new InvitedModeratorsSet(users) { OccurredAt = At }),
            EventCatalog.TypeOf(EventCatalog.ManifestOf(typeof(InvitedModeratorsSet))));
        Assert.Equal(users, back.Users);
    }

    [Fact]
    public void A_scheduled_meeting_snapshot_keeps_exceptions_favorites_and_invitees()
    {
        var id = Guid.NewGuid();
        var fan = Guid.NewGuid();
        var details = new Scheduling.EventDetails("Weekly", "", false, false, new DateTime(2026, 10, 5, 9, 0, 0), "Europe/Berlin",
            new DateTime(2026, 10, 5, 10, 0, 0), "Europe/Berlin", ["RRULE:FREQ=WEEKLY"]);
        var state = new Journal.DomainEvent[]
        {
            new Scheduling.EventScheduled(id, Guid.NewGuid(), Guid.NewGuid(), details) { OccurredAt = At, IsAdhoc = false },
            new Scheduling.InviteeAdded(id, $"user:{fan}", Scheduling.InviteeRole.Moderator) { OccurredAt = At },
            new Scheduling.FavoriteAdded(id, fan) { OccurredAt = At },
            new Scheduling.InstanceChanged(id, new Scheduling.InstanceException("20261012T070000Z", null, null, null, null, true)) { OccurredAt = At },
        }.Aggregate(Scheduling.EventState.Empty(id), Scheduling.EventState.Evolve).WithLastHash("abc");

        var back = (Scheduling.EventState)JournalJson.Deserialize(JournalJson.Serialize(state), typeof(Scheduling.EventState));

        Assert.Equal(state.Exceptions, back.Exceptions);
        Assert.Equal(state.Favorites, back.Favorites);
        Assert.Equal(state.Invitees, back.Invitees);
        Assert.Equal(2, back.Revision);
    }

    [Fact]
    public void A_meeting_state_snapshot_round_trips()
    {
        var state = new Journal.DomainEvent[]
        {
            new RoomCreated(Guid.NewGuid(), Guid.NewGuid(), null, false),
            new ParticipantJoined(Guid.NewGuid(), "Olga", MeetingRole.Moderator, Someone) { OccurredAt = At },
        }.Aggregate(MeetingState.Empty(Guid.NewGuid()), MeetingEvolve.Apply).WithLastHash("abc");
        var back = (MeetingState)JournalJson.Deserialize(JournalJson.Serialize(state), typeof(MeetingState));
        Assert.Equal(state.LastHash, back.LastHash);
        Assert.Equal(state.Participants.Values.Single(), back.Participants.Values.Single());
        Assert.Equal(state.Room, back.Room);
    }
}
