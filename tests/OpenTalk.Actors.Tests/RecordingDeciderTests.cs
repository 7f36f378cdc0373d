using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

public class RecordingDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly ParticipantId Mod = new(Guid.NewGuid());
    private static readonly ParticipantId User = new(Guid.NewGuid());
    private static readonly ParticipantId Recorder = new(Guid.NewGuid());
    private static readonly Guid Recording = RoomRecording.TargetIdOf(Room);
    private static readonly StreamingTarget YouTube = new(Guid.NewGuid(), "YouTube", "rtmp://127.0.0.1:1935/live/", "key-1", "https://example.org/watch");

    private static MeetingState Room_in_session() => Given(
        new RoomCreated(Room, Owner, null, false),
        new StreamingTargetSaved(YouTube),
        new ParticipantJoined(Mod, "Olga", MeetingRole.Moderator, ParticipantIdentity.ForUser(Owner)),
        new ParticipantJoined(User, "Uma", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())));

    private static Join RecorderJoins() => new(Room, Recorder, ParticipantIdentity.ForRecorder(), "Recorder", Akka.Actor.ActorRefs.Nobody);

    private static MeetingState Recording_with_recorder()
    {
        var (state, _, _) = Run(Room_in_session(), new StartStreams(Room, Mod, [Recording, YouTube.Id]));
        (state, _, _) = Run(state, RecorderJoins());
        return Then(state, new ReportStreamPhase(Room, Recorder, Recording, StreamPhase.Active, null, null));
    }

    [Fact]
    public void Everyone_is_shown_the_rooms_streams_and_only_moderators_start_one()
    {
        var state = Room_in_session();
        var joinState = Assert.IsType<RecordingModuleState>(MeetingNotifications.JoinSuccessFor(User, state, resumed: false).Modules[Namespaces.Recording]);
        Assert.Equal(StreamingKind.Recording, joinState.Targets[Recording].StreamingKind);
        Assert.Equal(StreamStatus.Inactive, joinState.Targets[Recording].Status);
        Assert.Equal("https://example.org/watch", joinState.Targets[YouTube.Id].PublicUrl);

        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new StartStreams(Room, User, [Recording])).Error);
        Assert.Equal(ErrorCodes.InvalidStreamingId, When(state, new StartStreams(Room, Mod, [Guid.NewGuid()])).Error);
        Assert.Equal(ErrorCodes.InvalidStreamingId, When(state, new StartStreams(Room, Mod, [])).Error);
    }

    [Fact]
    public void The_first_start_asks_for_one_recorder_and_everyone_hears_the_stream_is_starting()
    {
        var (state, heard, effects) = Run(Room_in_session(), new StartStreams(Room, Mod, [Recording]));
        var job = Assert.Single(effects.OfType<RequestService>()).Job;
        Assert.Equal((RecordingModule.RecorderKind, Room.Value), (job.Kind, job.RoomId));
        Assert.Contains(effects, e => e is StartClock { Tick: RecorderDeadline });
        Assert.Equal(2, heard.Count(n => n.Payload is StreamUpdated { Status: StreamStatus.Starting }));

        // Starting the live stream too while the recorder is on its way asks for no second one.
        (_, _, effects) = Run(state, new StartStreams(Room, Mod, [YouTube.Id]));
        Assert.Empty(effects.OfType<RequestService>());
    }

    [Fact]
    public void A_recorder_joins_only_when_asked_for_and_nobody_sees_it()
    {
        Assert.Equal(ErrorCodes.RecorderNotRequested, When(Room_in_session(), RecorderJoins()).Error);

        var (state, _, _) = Run(Room_in_session(), new StartStreams(Room, Mod, [Recording]));
        (state, var heard, var effects) = Run(state, RecorderJoins());
        Assert.Contains(effects, e => e is StopClock);
        // Only the recorder hears of its joining: its join_success, with the streams it is to start.
        var welcome = Assert.IsType<JoinSuccess>(Assert.Single(heard).Payload);
        Assert.Equal(Recorder.Value, heard[0].To);
        var streams = Assert.IsType<RecordingServiceState>(welcome.Modules[Namespaces.RecordingService]).Streams;
        Assert.Equal(StreamStatus.Starting, streams[Recording].Status);
        Assert.Equal("rtmp://127.0.0.1:1935/live/key-1", streams[YouTube.Id].Location);
        Assert.False(welcome.Modules.ContainsKey(Namespaces.Chat));
        Assert.Equal(2, welcome.Participants.Count);

        // The others are not shown it, and it is nobody's second recorder.
        Assert.DoesNotContain(MeetingNotifications.JoinSuccessFor(User, state, resumed: false).Participants, p => p.Id == Recorder.Value);
        Assert.DoesNotContain(state.InRoom, p => p.Id == Recorder.Value);
        Assert.Equal(ErrorCodes.RecorderNotRequested, When(state, RecorderJoins() with { ParticipantId = new(Guid.NewGuid()) }).Error);
        // It records; it does not take part.
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new RaiseHand(Room, Recorder)).Error);
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new StartStreams(Room, Recorder, [Recording])).Error);
    }

    [Fact]
    public void The_recorder_reports_each_stream_and_everyone_hears_it_but_nobody_else_may_report()
    {
        var (state, _, _) = Run(Room_in_session(), new StartStreams(Room, Mod, [Recording, YouTube.Id]));
        (state, _, _) = Run(state, RecorderJoins());
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new ReportStreamPhase(Room, Mod, Recording, StreamPhase.Active, null, null)).Error);

        (state, var heard, _) = Run(state, new ReportStreamPhase(Room, Recorder, YouTube.Id, StreamPhase.Error, "connection_failed", "Cannot reach the server."));
        Assert.Equal(new[] { Mod.Value, User.Value }.Order(), heard.Select(n => n.To).Order());
        var update = Assert.IsType<StreamUpdated>(heard[0].Payload);
        Assert.Equal((StreamStatus.Error, "connection_failed"), (update.Status, update.Reason!.Code));
        // A failed live stream leaves the recording as it was.
        Assert.Equal(StreamPhase.Starting, state.Recording!.PhaseOf(Recording));
    }

    [Fact]
    public void Without_a_recorder_in_five_seconds_the_streams_stop_and_the_starter_is_told()
    {
        var (state, _, _) = Run(Room_in_session(), new StartStreams(Room, Mod, [Recording]));
        Assert.Empty(When(state, new RecorderDeadline(state.Recording!.Job!.JobId), Now.AddSeconds(4)).Events);

        (state, var heard, _) = Run(state, new RecorderDeadline(state.Recording!.Job!.JobId), Now.AddSeconds(5));
        Assert.Contains(heard, n => n.To == Mod.Value && n.Payload is RecorderError { Error: "timeout" });
        Assert.DoesNotContain(heard, n => n.To == User.Value && n.Payload is RecorderError);
        Assert.Contains(heard, n => n.To == User.Value && n.Payload is StreamUpdated { Status: StreamStatus.Inactive });
        Assert.Null(state.Recording);
        // A recorder that comes late finds nothing to do.
        Assert.Equal(ErrorCodes.RecorderNotRequested, When(state, RecorderJoins()).Error);
    }

    [Fact]
    public void A_recorder_that_goes_away_fails_its_streams_for_everyone_to_see()
    {
        var (state, heard, _) = Run(Recording_with_recorder(), new Leave(Room, Recorder));
        Assert.Contains(heard, n => n.To == User.Value && n.Payload is StreamUpdated { Status: StreamStatus.Error, Reason.Code: RecordingModule.RecorderGone });
        Assert.DoesNotContain(heard, n => n.Payload is Left);
        Assert.Equal(StreamPhase.Error, state.Recording!.PhaseOf(Recording));
        // Starting again asks for a new recorder.
        (_, _, var effects) = Run(state, new StartStreams(Room, Mod, [Recording]));
        Assert.Single(effects.OfType<RequestService>());
    }

    [Fact]
    public void When_the_last_person_leaves_the_recorder_is_told_to_stop_and_its_leaving_ends_the_session()
    {
        var state = Then(Recording_with_recorder(), new Leave(Room, User));
        (state, var heard, _) = Run(state, new Leave(Room, Mod));
        var stop = Assert.IsType<RecorderStop>(Assert.Single(heard, n => n.To == Recorder.Value && n.Namespace == Namespaces.RecordingService).Payload);
        Assert.Contains(Recording, stop.TargetIds);
        Assert.False(state.Closed);

        state = Then(state, new ReportStreamPhase(Room, Recorder, Recording, StreamPhase.Inactive, null, null));
        var closing = When(state, new Leave(Room, Recorder));
        Assert.IsType<SessionClosed>(closing.Events[^1]);
    }

    [Fact]
    public void Pausing_needs_a_running_stream()
    {
        var state = Recording_with_recorder();
        Assert.Equal(ErrorCodes.RecorderNotStarted, When(state, new PauseStreams(Room, Mod, [YouTube.Id])).Error);
        var (_, heard, _) = Run(state, new PauseStreams(Room, Mod, [Recording]));
        Assert.IsType<RecorderPause>(Assert.Single(heard).Payload);
    }

    [Fact]
    public void A_consent_is_kept_in_the_journal_and_the_others_and_the_recorder_see_it()
    {
        var (state, heard, _) = Run(Recording_with_recorder(), new SetRecordingConsent(Room, User, true));
        var evt = Assert.Single(When(Recording_with_recorder(), new SetRecordingConsent(Room, User, true)).Events);
        var set = Assert.IsType<RecordingConsentSet>(evt);
        Assert.Equal((User.Value, true), (set.ParticipantId, set.Consent));
        Assert.Equal(new[] { Mod.Value, Recorder.Value }.Order(), heard.Where(n => n.Payload is Update).Select(n => n.To).Order());
        Assert.True(Assert.IsType<Update>(heard[0].Payload).Recording!.ConsentsRecording);
        Assert.Empty(When(state, new SetRecordingConsent(Room, User, true)).Events);
        Assert.True(MeetingNotifications.JoinSuccessFor(Mod, state, resumed: false).Participants.Single(p => p.Id == User.Value).Recording!.ConsentsRecording);
    }
}
