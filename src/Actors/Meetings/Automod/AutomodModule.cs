using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>The talking stick: moderators start, edit, stop and pass it; the speaker yields it.</summary>
public sealed class AutomodModule : IMeetingModule
{
    private const string TurnClock = "automod-turn";

    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(AutomodStarted), "meeting.automod_started.v1"),
        (typeof(SpeakerChanged), "meeting.speaker_changed.v1"),
        (typeof(AutomodPlaylistEdited), "meeting.automod_playlist_edited.v1"),
        (typeof(AutomodStopped), "meeting.automod_stopped.v1"),
    ];

    /// <summary>Who leaves the room is off the talking stick and the playlist.</summary>
    public IReadOnlyList<Type> ReactsTo { get; } = [typeof(ParticipantLeft), typeof(ParticipantSentToWaitingRoom)];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now) => command switch
    {
        SpeakingTimeUp c => DecideTimeUp(state, c, now),
        IParticipantCommand c => FromParticipant(state, c, now),
        _ => null,
    };

    private static Decision? FromParticipant(MeetingState state, IParticipantCommand command, DateTimeOffset now)
    {
        if (command is not (StartAutomod or EditAutomod or StopAutomod or SelectSpeaker or YieldSpeech))
            return null;
        if (MeetingDecider.RequireInRoom(state, command.ParticipantId, out var me) is { } refused)
            return refused;
        if (command is not YieldSpeech && !me.IsModerator)
            return Decision.Reject(ErrorCodes.InsufficientPermissions);
        var by = Actor.Participant(me.Id);
        DomainEvent At(DomainEvent evt) => MeetingDecider.Stamp(evt, by, now);

        if (command is StartAutomod start)
            return DecideAutomodStart(state, start, At);
        if (state.Automod is not { } automod)
            return Decision.Reject(ErrorCodes.AutomodNotRunning);
        return command switch
        {
            EditAutomod c when !MeetingDecider.AllInRoom(state, c.Playlist) => Decision.Reject(ErrorCodes.TargetNotFound),
            EditAutomod c => Decision.Accept(At(new AutomodPlaylistEdited([.. c.Playlist.Distinct()]))),
            StopAutomod => Decision.Accept(At(new AutomodStopped())),
            SelectSpeaker { How: SelectHow.None } => Decision.Accept(At(new SpeakerChanged(null))),
            SelectSpeaker { How: SelectHow.Specific, Participant: var p } when p is null || state.Find(p.Value) is not { IsInRoom: true }
                => Decision.Reject(ErrorCodes.TargetNotFound),
            SelectSpeaker { How: SelectHow.Specific } c => Decision.Accept(At(new SpeakerChanged(c.Participant))),
            SelectSpeaker c => PassTo(NextSpeaker(state, automod, c.How == SelectHow.Random, c.Dice), At),
            YieldSpeech when automod.Speaker != me.Id => Decision.Reject(ErrorCodes.NotTheSpeaker),
            YieldSpeech c when automod.Strategy == SpeakerSelection.Nomination =>
                c.Next is { } next && automod.Candidates(state).Contains(next)
                    ? Decision.Accept(At(new SpeakerChanged(next)))
                    : Decision.Reject(ErrorCodes.NoEligibleSpeaker),
            YieldSpeech c => Decision.Accept(At(new SpeakerChanged(NextSpeaker(state, automod, random: false, c.Dice)))),
            _ => null,
        };
    }

    /// <summary>The speaker's time ran out: the stick moves on by itself (in nomination mode, to nobody).</summary>
    private static Decision DecideTimeUp(MeetingState state, SpeakingTimeUp c, DateTimeOffset now) =>
        state.Automod is { } automod && automod.Speaker == c.Speaker && automod.SpeakerSince == c.Since
            ? Decision.Accept(MeetingDecider.Stamp(new SpeakerChanged(automod.Strategy == SpeakerSelection.Nomination
                ? null
                : NextSpeaker(state, automod, random: false, c.Dice)), Actor.System, now))
            : Decision.Nothing;

    private static Decision DecideAutomodStart(MeetingState state, StartAutomod c, Func<DomainEvent, DomainEvent> at)
    {
        if (state.Automod is not null)
            return Decision.Reject(ErrorCodes.AutomodAlreadyRunning);
        if (c.TimeLimit is { } limit && (limit <= TimeSpan.Zero || limit > Automod.MaxTimeLimit))
            return Decision.Reject(ErrorCodes.InvalidDuration);
        if (!MeetingDecider.AllInRoom(state, c.Playlist) || (c.Strategy == SpeakerSelection.Playlist && c.Playlist.Count == 0))
            return Decision.Reject(ErrorCodes.TargetNotFound);
        var started = new AutomodStarted(c.Strategy, [.. c.Playlist.Distinct()], c.TimeLimit, c.AllowDoubleSelection);
        var after = MeetingEvolve.Apply(state, started);
        var first = c.Strategy == SpeakerSelection.Nomination ? null : NextSpeaker(after, after.Automod!, c.Strategy == SpeakerSelection.Random, c.Dice);
        return first is null
            ? Decision.Accept(at(started))
            : Decision.Accept(at(started), at(new SpeakerChanged(first)));
    }

    private static Decision PassTo(Guid? next, Func<DomainEvent, DomainEvent> at) =>
        next is null ? Decision.Reject(ErrorCodes.NoEligibleSpeaker) : Decision.Accept(at(new SpeakerChanged(next)));

    /// <summary>The playlist's next, or a random draw among those who may still speak.</summary>
    private static Guid? NextSpeaker(MeetingState state, Automod automod, bool random, int dice)
    {
        var candidates = automod.Candidates(state);
        if (candidates.Count == 0)
            return null;
        return random || automod.Strategy == SpeakerSelection.Random
            ? candidates[(int)((uint)dice % (uint)candidates.Count)]
            : candidates[0];
    }

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        AutomodStarted e => state with
        {
            Automod = new Automod(e.Strategy, e.TimeLimit, e.AllowDoubleSelection, [.. e.Playlist], [], null, null),
        },
        SpeakerChanged e when state.Automod is { } a => state with { Automod = PassStick(a, e.Speaker, e.OccurredAt) },
        AutomodPlaylistEdited e when state.Automod is { } a => state with { Automod = a with { Remaining = [.. e.Playlist] } },
        AutomodStopped => state with { Automod = null },
        // Out of the room means off the talking stick and off the playlist.
        ParticipantLeft e when state.Automod is { } a => state with { Automod = WithoutParticipant(a, e.ParticipantId, e.OccurredAt) },
        ParticipantSentToWaitingRoom e when state.Automod is { } a => state with { Automod = WithoutParticipant(a, e.ParticipantId, e.OccurredAt) },
        _ => null,
    };

    private static Automod PassStick(Automod automod, Guid? speaker, DateTimeOffset at) => automod with
    {
        History = automod.Speaker is { } previous ? automod.History.Add(previous) : automod.History,
        Remaining = speaker is { } next ? automod.Remaining.Remove(next) : automod.Remaining,
        Speaker = speaker,
        SpeakerSince = speaker is null ? null : at,
    };

    private static Automod WithoutParticipant(Automod automod, Guid participant, DateTimeOffset at) =>
        (automod.Speaker == participant ? PassStick(automod, null, at) : automod) with { Remaining = automod.Remaining.Remove(participant) };

    public ModuleJoinState? JoinState(JoinContext join) =>
        join.State.Automod?.ModuleState() is { } automod ? new(Namespaces.Automod, automod) : null;

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        AutomodStarted => MeetingNotifications.ToRoom(after, Namespaces.Automod, after.Automod!.Started()),
        SpeakerChanged when after.Automod is { } automod => MeetingNotifications.ToRoom(after, Namespaces.Automod, automod.Update()),
        AutomodPlaylistEdited when after.Automod is { } automod => MeetingNotifications.ToRoom(after, Namespaces.Automod, new RemainingUpdated(automod.Remaining)),
        AutomodStopped => MeetingNotifications.ToRoom(after, Namespaces.Automod, new AutomodStoppedPayload()),
        _ => null,
    };

    public IEnumerable<MeetingEffect> Effects(DomainEvent evt, MeetingState before, MeetingState after) =>
        evt is AutomodStarted or SpeakerChanged or AutomodStopped or ParticipantLeft or ParticipantSentToWaitingRoom ? Resume(after) : [];

    /// <summary>A speaker with a time limit gets a turn clock; without a speaker there is none.</summary>
    public IEnumerable<MeetingEffect> Resume(MeetingState state) =>
        state.Automod is { Speaker: { } speaker, SpeakerSince: { } since, EndsAt: { } endsAt }
            ? [new StartClock(TurnClock, new SpeakingTimeUp(speaker, since, Random.Shared.Next()), endsAt)]
            : [new StopClock(TurnClock)];
}
