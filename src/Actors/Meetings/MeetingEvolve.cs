using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// Applies one event to the meeting state: every module in turn (<see cref="MeetingModules"/>). Pure; used by
/// recovery and live updates alike.
/// </summary>
public static class MeetingEvolve
{
    public static MeetingState Apply(MeetingState state, DomainEvent evt) =>
        MeetingModules.All.Owns(evt.GetType())
            ? MeetingModules.All.Apply(state, evt)
            : throw new ArgumentException($"A meeting cannot apply {evt.GetType().Name}.", nameof(evt));

    internal static MeetingState Put(MeetingState state, MeetingParticipant participant) =>
        state with { Participants = state.Participants.SetItem(participant.Id, participant) };

    /// <summary>Changes one participant; an event about someone no longer here changes nothing.</summary>
    internal static MeetingState Change(MeetingState state, Guid id, Func<MeetingParticipant, MeetingParticipant> change) =>
        state.Participants.TryGetValue(id, out var participant)
            ? state with { Participants = state.Participants.SetItem(id, change(participant)) }
            : state;
}
