using System.Collections.Frozen;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Actors.Timers;

namespace OpenTalk.Actors.Journal;

/// <summary>
/// The stable name (manifest) of every persisted type. The journal stores these names, never CLR
/// type names, so types can be renamed or moved without breaking replay. Never change a name: add
/// a new version instead.
/// </summary>
public static class EventCatalog
{
    /// <summary>What is not a meeting module's: snapshots, the SIP index, participants, scheduled events, timers.</summary>
    private static readonly (Type Type, string Manifest)[] Entries =
    [
        (typeof(SipIdClaimed), "sip.claimed.v1"),
        (typeof(SipIdReleased), "sip.released.v1"),
        (typeof(MeetingState), "meeting.state.v1"),
        (typeof(ParticipantRegistered), "participant.registered.v1"),
        (typeof(TicketIssued), "participant.ticket_issued.v1"),
        (typeof(TicketRedeemed), "participant.ticket_redeemed.v1"),
        (typeof(ResumptionIssued), "participant.resumption_issued.v1"),
        (typeof(ParticipantState), "participant.state.v1"),
        (typeof(EventScheduled), "event.scheduled.v1"),
        (typeof(EventChanged), "event.changed.v1"),
        (typeof(EventCancelled), "event.cancelled.v1"),
        (typeof(InviteeAdded), "event.invitee_added.v1"),
        (typeof(InviteeRemoved), "event.invitee_removed.v1"),
        (typeof(InviteAnswered), "event.invite_answered.v1"),
        (typeof(InstanceChanged), "event.instance_changed.v1"),
        (typeof(FavoriteAdded), "event.favorite_added.v1"),
        (typeof(FavoriteRemoved), "event.favorite_removed.v1"),
        (typeof(EventState), "event.state.v1"),
        (typeof(TimerStarted), "timer.started.v1"),
        (typeof(TimerStopped), "timer.stopped.v1"),
        (typeof(TimerState), "timer.state.v1"),
        (typeof(Collab.DocumentChanged), "document.changed.v1"),
        (typeof(Collab.DocumentSnapshot), "document.snapshot.v1"),
    ];

    private static readonly (Type Type, string Manifest)[] All = [.. Entries, .. MeetingModules.All.Events];

    private static readonly FrozenDictionary<Type, string> ByType =
        All.ToFrozenDictionary(e => e.Type, e => e.Manifest);

    private static readonly FrozenDictionary<string, Type> ByManifest =
        All.ToFrozenDictionary(e => e.Manifest, e => e.Type);

    public static IEnumerable<Type> Types => ByType.Keys;

    public static string ManifestOf(Type type) =>
        ByType.TryGetValue(type, out var manifest)
            ? manifest
            : throw new ArgumentException($"{type.Name} has no journal manifest; add it to {nameof(EventCatalog)}.", nameof(type));

    public static Type TypeOf(string manifest) =>
        ByManifest.TryGetValue(manifest, out var type)
            ? type
            : throw new ArgumentException($"Unknown journal manifest '{manifest}'.", nameof(manifest));
}
