using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Actors.Sharding;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

/// <summary>A module joins the meeting through <see cref="IMeetingModule"/> alone: commands, events, notifications, manifests.</summary>
public class MeetingModuleSeamTests : DeciderTest
{
    private static readonly ParticipantId Mod = new(Guid.NewGuid());

    private sealed record Knock(RoomId RoomId, ParticipantId ParticipantId) : IParticipantCommand;

    private sealed record Knocked(Guid ParticipantId) : DomainEvent;

    private sealed record KnockHeard(Guid From) : ServerPayload("knocked");

    /// <summary>A module the meeting has never heard of: it answers knocks and renames the knocker to show it applied its event.</summary>
    private sealed class KnockModule : IMeetingModule
    {
        public IReadOnlyList<(Type Type, string Manifest)> Events { get; } = [(typeof(Knocked), "meeting.knocked.v1")];

        public Decision? Decide(MeetingState state, object command, DateTimeOffset now) =>
            command is Knock k ? Decision.Accept(new Knocked(k.ParticipantId) { OccurredAt = now }) : null;

        public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt is Knocked e
            ? state with { Participants = state.Participants.SetItem(e.ParticipantId, state.Participants[e.ParticipantId] with { DisplayName = "Knocker" }) }
            : null;

        public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) =>
            evt is Knocked e ? MeetingNotifications.ToRoom(after, "knock", new KnockHeard(e.ParticipantId)) : null;

        public ModuleJoinState? JoinState(JoinContext join) =>
            join.Me.DisplayName == "Knocker" ? new("knock", new KnockHeard(join.Me.Id)) : null;
    }

    private static MeetingState InSession() => Given(
        new RoomCreated(Room, Guid.NewGuid(), null, false),
        new ParticipantJoined(Mod, "Olga", MeetingRole.Moderator, ParticipantIdentity.ForUser(Guid.NewGuid())));

    [Fact]
    public void A_registered_module_receives_its_commands_events_and_notifications_and_nothing_else()
    {
        var modules = new MeetingModuleSet([new KnockModule(), .. MeetingModules.All.Modules]);
        var state = InSession();

        var decision = modules.Decide(state, new Knock(Room, Mod), Now)!;
        var knocked = Assert.IsType<Knocked>(Assert.Single(decision.Events));
        var after = modules.Apply(state, knocked);
        Assert.Equal("Knocker", after.Participants[Mod].DisplayName);
        var told = Assert.Single(modules.Notify(knocked, state, after));
        Assert.Equal((Mod, "knock"), (told.To, told.Namespace));
        // Its part of join_success, with those of the others (in the order the modules are registered).
        Assert.Equal(["knock", "moderation", "media", "chat", "recording", "whiteboard"], modules.JoinStates(new JoinContext(after, after.Participants[Mod], null)).Keys);

        // Alone, the module answers nothing of the others: their commands, events and notifications pass it by.
        var alone = new MeetingModuleSet([new KnockModule()]);
        var raised = new HandRaised(Mod);
        Assert.Null(alone.Decide(state, new RaiseHand(Room, Mod), Now));
        Assert.Same(state, alone.Apply(state, raised));
        Assert.Empty(alone.Notify(raised, state, MeetingEvolve.Apply(state, raised)));
        Assert.Contains(modules.Notify(raised, state, MeetingEvolve.Apply(state, raised)), n => n.Namespace == Namespaces.Control);
        Assert.Empty(alone.JoinStates(new JoinContext(state, state.Participants[Mod], null)));
    }

    [Fact]
    public void A_module_reacts_to_another_modules_event()
    {
        // The talking stick lets go of a speaker who leaves, though leaving belongs to the control module.
        var guest = Guid.NewGuid();
        var state = Given(
            new RoomCreated(Room, Guid.NewGuid(), null, false),
            new ParticipantJoined(Mod, "Olga", MeetingRole.Moderator, ParticipantIdentity.ForUser(Guid.NewGuid())),
            new ParticipantJoined(guest, "Gina", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())),
            new AutomodStarted(SpeakerSelection.Nomination, [], TimeSpan.FromMinutes(1), false),
            new SpeakerChanged(guest));
        Assert.Equal(guest, state.Automod!.Speaker);

        var left = new ParticipantLeft(guest, LeaveReason.Quit) { OccurredAt = Now };
        var after = MeetingEvolve.Apply(state, left);

        Assert.Null(after.Automod!.Speaker);
        Assert.Contains(MeetingModules.All.Effects(left, state, after), e => e is StopClock);
    }

    [Fact]
    public void The_timer_module_is_reached_by_the_meeting_through_the_seam()
    {
        var timer = Guid.NewGuid();
        var decision = When(InSession(), new StartRoomTimer(Room, Mod, timer, RoomTimerKind.Stopwatch, null, RoomTimerStyle.Normal, null, false));
        var started = Assert.IsType<RoomTimerStarted>(Assert.Single(decision.Events));
        var after = MeetingEvolve.Apply(InSession(), started);
        Assert.Equal(timer, after.Timer!.TimerId);
        Assert.Contains(MeetingNotifications.For(started, InSession(), after), n => n.Namespace == Namespaces.Timer && n.To == Mod);
    }

    [Fact]
    public void Every_event_of_a_registered_module_has_its_manifest_in_the_journal_catalog()
    {
        foreach (var (type, manifest) in MeetingModules.All.Events)
            Assert.Equal(manifest, EventCatalog.ManifestOf(type));
    }
}
