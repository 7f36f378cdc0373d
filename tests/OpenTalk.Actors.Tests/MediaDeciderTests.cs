using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

/// <summary>Media rights and the record of where media lives, decided by the meeting.</summary>
public class MediaDeciderTests : DeciderTest
{
    private static readonly ParticipantId Mod = new(Guid.NewGuid());
    private static readonly ParticipantId Ann = new(Guid.NewGuid());
    private static readonly ParticipantId Ben = new(Guid.NewGuid());
    private static readonly Guid Wendy = Guid.NewGuid();

    private static MeetingState Room_in_session() => Given(
        new RoomCreated(Room, Guid.NewGuid(), null, false),
        new ParticipantJoined(Mod, "Mo", MeetingRole.Moderator, ParticipantIdentity.ForUser(Guid.NewGuid())),
        new ParticipantJoined(Ann, "Ann", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())),
        new ParticipantJoined(Ben, "Ben", MeetingRole.Guest, ParticipantIdentity.ForGuest("i")),
        new ParticipantWaiting(Wendy, "Wendy", MeetingRole.Guest, ParticipantIdentity.ForGuest("i")));

    private static (MeetingState State, MediaReply Reply) Ask(MeetingState state, IMediaRequest request)
    {
        var (decision, reply) = MediaModule.DecideRequest(state, request, Now);
        return (decision.Events.Aggregate(state, MeetingEvolve.Apply), reply);
    }

    [Fact]
    public void A_publication_is_recorded_with_its_instance_and_found_by_others_in_the_room_only()
    {
        var (state, reply) = Ask(Room_in_session(), new RecordPublished(Room, Ann, MediaKind.Video, "janus-a", "feed-1"));
        Assert.Null(reply.Error);
        (state, _) = Ask(state, new RecordMediaState(Room, Ann, MediaKind.Video, true, true));

        var (_, found) = Ask(state, new LocateMedia(Room, Ben, Ann, MediaKind.Video));
        Assert.Equal(new PublishedMedia("janus-a", "feed-1", true, true), found.Location);
        Assert.Equal(ErrorCodes.NotJoined, Ask(state, new LocateMedia(Room, Wendy, Ann, MediaKind.Video)).Reply.Error);
        Assert.Equal(ErrorCodes.NotJoined, Ask(state, new LocateMedia(Room, Guid.NewGuid(), Ann, MediaKind.Video)).Reply.Error);
        Assert.Equal(ErrorCodes.NoSuchMediaSession, Ask(state, new LocateMedia(Room, Ben, Ann, MediaKind.Screen)).Reply.Error);

        (state, _) = Ask(state, new RecordUnpublished(Room, Ann, MediaKind.Video, MediaEndReasons.MediaServerLost));
        Assert.Equal(ErrorCodes.NoSuchMediaSession, Ask(state, new LocateMedia(Room, Ben, Ann, MediaKind.Video)).Reply.Error);
    }

    [Fact]
    public void A_new_session_shows_to_others_once_its_publisher_said_what_it_sends_even_if_that_is_nothing()
    {
        var (state, _) = Ask(Room_in_session(), new RecordPublished(Room, Ann, MediaKind.Video, "janus-a", "feed-1"));
        Assert.Null(MeetingNotifications.MediaOf(state.Participants[Ann], state).Video);
        (state, _) = Ask(state, new RecordMediaState(Room, Ann, MediaKind.Video, false, false)); // camera and microphone off
        Assert.Equal(new MediaSessionState(false, false), MeetingNotifications.MediaOf(state.Participants[Ann], state).Video);
    }

    [Fact]
    public void A_session_stored_before_sessions_waited_for_their_state_replays_as_shown()
    {
        var state = Given(
            new RoomCreated(Room, Guid.NewGuid(), null, false),
            new ParticipantJoined(Ann, "Ann", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())),
            new MediaPublished(Ann, MediaKind.Video, "janus-a", "feed-1"));
        Assert.Equal(new MediaSessionState(false, false), MeetingNotifications.MediaOf(state.Participants[Ann], state).Video);
    }

    [Fact]
    public void The_rooms_microphone_lock_spares_moderators_and_the_allow_list_and_ends_with_its_lifting()
    {
        var state = Then(Room_in_session(), new EnableForceMute(Room, Mod, [Ben]));
        Assert.Equal((false, true, false), (state.IsForceMuted(Mod), state.IsForceMuted(Ann), state.IsForceMuted(Ben)));
        Assert.Empty(When(state, new EnableForceMute(Room, Mod, [Ben])).Events); // the same lock again changes nothing
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new DisableForceMute(Room, Ann)).Error);
        state = Then(state, new DisableForceMute(Room, Mod));
        Assert.False(state.IsForceMuted(Ann));
    }

    [Fact]
    public void Someone_in_the_waiting_room_cannot_publish()
    {
        Assert.Equal(ErrorCodes.NotJoined, Ask(Room_in_session(), new CheckPublish(Room, Wendy, MediaKind.Video)).Reply.Error);
        Assert.Equal(ErrorCodes.NotJoined, Ask(Room_in_session(), new RecordPublished(Room, Wendy, MediaKind.Video, "a", "f")).Reply.Error);
    }

    [Fact]
    public void When_the_room_requires_it_only_presenters_and_moderators_share_screens_and_a_revoked_presenter_stops()
    {
        var state = Then(Room_in_session(), new RequirePresenterRole(Room, Mod, true));
        Assert.Equal(ErrorCodes.NotPresenter, Ask(state, new CheckPublish(Room, Ann, MediaKind.Screen)).Reply.Error);
        Assert.Null(Ask(state, new CheckPublish(Room, Ann, MediaKind.Video)).Reply.Error);
        Assert.Null(Ask(state, new CheckPublish(Room, Mod, MediaKind.Screen)).Reply.Error);
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new GrantPresenterRole(Room, Ben, [Ben])).Error);

        state = Then(state, new GrantPresenterRole(Room, Mod, [Ann]));
        (state, _) = Ask(state, new RecordPublished(Room, Ann, MediaKind.Screen, "janus-a", "screen-1"));
        var revoked = When(state, new RevokePresenterRole(Room, Mod, [Ann]));
        Assert.Contains(revoked.Events, e => e is MediaUnpublished { Type: MediaKind.Screen } u && u.ParticipantId == Ann);
        state = revoked.Events.Aggregate(state, MeetingEvolve.Apply);
        Assert.False(state.Participants[Ann].Media.ContainsKey(MediaKind.Screen));
    }

    [Fact]
    public void A_force_muted_participant_cannot_unmute_until_a_moderator_allows_it()
    {
        var (state, _) = Ask(Room_in_session(), new RecordPublished(Room, Ann, MediaKind.Video, "janus-a", "feed-1"));
        (state, _) = Ask(state, new RecordMediaState(Room, Ann, MediaKind.Video, true, true));
        state = Then(state, new RequestMuteOf(Room, Mod, [Ann], true));
        Assert.Contains(Ann, state.ForceMuted);

        (state, _) = Ask(state, new RecordMediaState(Room, Ann, MediaKind.Video, false, true));
        Assert.Equal(ErrorCodes.ForceMuted, Ask(state, new RecordMediaState(Room, Ann, MediaKind.Video, true, true)).Reply.Error);
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new AllowUnmute(Room, Ann, [Ann])).Error);

        state = Then(state, new AllowUnmute(Room, Mod, [Ann]));
        Assert.Null(Ask(state, new RecordMediaState(Room, Ann, MediaKind.Video, true, true)).Reply.Error);
    }

    [Fact]
    public void The_focus_stays_with_the_speaker_for_the_hold_time_then_moves_to_whoever_talks_longest()
    {
        var hold = TimeSpan.FromSeconds(2);
        var (focus, _) = FocusTracker.Empty.Report(Ann, true, Now, hold);
        Assert.Equal(Ann, focus.Focus);
        (focus, _) = focus.Report(Ben, true, Now.AddSeconds(1), hold);
        Assert.Equal(Ann, focus.Focus); // Ann still talks
        var (paused, checkAt) = focus.Report(Ann, false, Now.AddSeconds(3), hold);
        Assert.Equal(Ann, paused.Focus); // a breath is not the end of a turn
        Assert.Equal(Now.AddSeconds(5), checkAt);
        var (settled, _) = paused.Settle(Now.AddSeconds(5), hold);
        Assert.Equal(Ben, settled.Focus);
        var (gone, _) = settled.Remove(Ben, Now.AddSeconds(6), hold);
        Assert.Null(gone.Focus);
    }

    [Fact]
    public void A_whisper_group_keeps_its_mixer_until_a_member_finds_that_instance_down_then_it_moves()
    {
        var group = Guid.NewGuid();
        var state = Then(Room_in_session(), new CreateWhisperGroup(Room, Ann, group, [Mod]));
        var (placed, first) = Ask(state, new JoinWhisperAudio(Room, Ann, group, "janus-a"));
        Assert.Equal("janus-a", first.Location!.Instance);
        Assert.Equal("janus-a", Ask(placed, new JoinWhisperAudio(Room, Ann, group, "janus-b")).Reply.Location!.Instance);

        var (moved, reply) = Ask(placed, new JoinWhisperAudio(Room, Ann, group, "janus-b", Unavailable: "janus-a"));
        Assert.Equal("janus-b", reply.Location!.Instance);
        // A second member who still saw the old instance down does not move it again.
        Assert.Equal("janus-b", Ask(moved, new JoinWhisperAudio(Room, Ann, group, "janus-c", Unavailable: "janus-a")).Reply.Location!.Instance);
        Assert.Equal(ErrorCodes.NotInGroup, Ask(moved, new JoinWhisperAudio(Room, Ben, group, "janus-b", Unavailable: "janus-a")).Reply.Error);
    }
}
