using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

public class AutomodDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly ParticipantId Mod = new(Guid.NewGuid());
    private static readonly ParticipantId A = new(Guid.NewGuid());
    private static readonly ParticipantId B = new(Guid.NewGuid());
    private static readonly ParticipantId C = new(Guid.NewGuid());

    private static MeetingState Room_in_session() => new DomainEvent[]
    {
        new RoomCreated(Room, Owner, null, false),
        new ParticipantJoined(Mod, "Olga", MeetingRole.Moderator, ParticipantIdentity.ForUser(Owner)) { OccurredAt = Now },
        new ParticipantJoined(A, "Ann", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())) { OccurredAt = Now.AddSeconds(1) },
        new ParticipantJoined(B, "Ben", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())) { OccurredAt = Now.AddSeconds(2) },
        new ParticipantJoined(C, "Cy", MeetingRole.Guest, ParticipantIdentity.ForGuest("i")) { OccurredAt = Now.AddSeconds(3) },
    }.Aggregate(MeetingState.Empty(Room), MeetingEvolve.Apply);

    [Fact]
    public void A_playlist_hands_the_stick_on_in_order_and_remembers_who_spoke()
    {
        var state = Then(Room_in_session(), new StartAutomod(Room, Mod, SpeakerSelection.Playlist, [B, A, C], TimeSpan.FromMinutes(1), false, 0));
        Assert.Equal(B, state.Automod!.Speaker);
        Assert.Equal(ErrorCodes.NotTheSpeaker, When(state, new YieldSpeech(Room, A, null, 0)).Error);
        state = Then(state, new YieldSpeech(Room, B, null, 0));
        Assert.Equal(A, state.Automod!.Speaker);
        state = Then(state, new SelectSpeaker(Room, Mod, SelectHow.Next, null, 0)); // skip A
        Assert.Equal(C, state.Automod!.Speaker);
        Assert.Equal([B, A], state.Automod.History);
        state = Then(state, new YieldSpeech(Room, C, null, 0));
        Assert.Null(state.Automod!.Speaker); // the playlist is done
    }

    [Fact]
    public void Random_selection_never_picks_someone_twice_unless_allowed()
    {
        var state = Then(Room_in_session(), new StartAutomod(Room, Mod, SpeakerSelection.Random, [], null, false, 7));
        var spoken = new List<Guid> { state.Automod!.Speaker!.Value };
        for (var dice = 0; dice < 4; dice++)
        {
            var decision = When(state, new YieldSpeech(Room, new ParticipantId(state.Automod!.Speaker!.Value), null, dice));
            state = decision.Events.Aggregate(state, MeetingEvolve.Apply);
            if (state.Automod!.Speaker is { } next)
                spoken.Add(next);
        }
        Assert.Equal(spoken.Count, spoken.Distinct().Count());
        Assert.Equal(4, spoken.Count); // everyone in the room, once
        Assert.Null(state.Automod!.Speaker);
    }

    [Fact]
    public void In_nomination_mode_the_speaker_names_the_next_and_time_up_passes_to_nobody()
    {
        var state = Then(Room_in_session(), new StartAutomod(Room, Mod, SpeakerSelection.Nomination, [], TimeSpan.FromSeconds(30), false, 0));
        Assert.Null(state.Automod!.Speaker);
        state = Then(state, new SelectSpeaker(Room, Mod, SelectHow.Specific, A, 0));
        Assert.Equal(ErrorCodes.NoEligibleSpeaker, When(state, new YieldSpeech(Room, A, A, 0)).Error);
        state = Then(state, new YieldSpeech(Room, A, B, 0));
        Assert.Equal(B, state.Automod!.Speaker);
        var timeUp = When(state, new SpeakingTimeUp(B, state.Automod.SpeakerSince!.Value, 0));
        Assert.Null(Assert.IsType<SpeakerChanged>(Assert.Single(timeUp.Events)).Speaker);
        Assert.Empty(When(state, new SpeakingTimeUp(A, Now, 0)).Events); // a stale timer changes nothing
    }

    [Fact]
    public void Only_moderators_run_the_stick_and_a_leaving_speaker_drops_it()
    {
        Assert.Equal(ErrorCodes.InsufficientPermissions,
            When(Room_in_session(), new StartAutomod(Room, A, SpeakerSelection.Playlist, [A], null, false, 0)).Error);
        var state = Then(Room_in_session(), new StartAutomod(Room, Mod, SpeakerSelection.Playlist, [A, B], null, false, 0));
        state = Then(state, new Leave(Room, A));
        Assert.Null(state.Automod!.Speaker);
        Assert.Equal([B], state.Automod.Remaining);
        Assert.Equal(ErrorCodes.AutomodAlreadyRunning,
            When(state, new StartAutomod(Room, Mod, SpeakerSelection.Random, [], null, false, 0)).Error);
        state = Then(state, new StopAutomod(Room, Mod));
        Assert.Null(state.Automod);
    }
}
