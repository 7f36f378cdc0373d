using OpenTalk.Actors.Scheduling;
using OpenTalk.Projections.Events;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>Turns a meeting (live entity or read-model row) into what the REST API returns.</summary>
public static class EventResources
{
    /// <summary>How far ahead the next occurrence is looked for before giving up (all cancelled, say).</summary>
    private const int NextOccurrenceLookahead = 500;

    public static EventResource From(EventState e, Guid viewer, CallIn? callIn, DateTimeOffset now) => Build(
        e.EventId, e.CreatedBy, e.RoomId, e.CreatedAt, e.UpdatedAt, e.Revision, e.Details!, e.Exceptions, e.IsAdhoc,
        e.Favorites.Contains(viewer), e.Invitees.GetValueOrDefault(Invitee.UserKey(viewer))?.Status.ToWire(),
        [.. e.Invitees.Values.OrderBy(i => i.Key, StringComparer.Ordinal)], callIn, now);

    public static EventResource From(EventRow r, DateTimeOffset now) => Build(
        r.EventId, r.OwnerId, r.RoomId, r.CreatedAt, r.UpdatedAt, r.Revision, r.Details, r.Exceptions, r.IsAdhoc,
        r.IsFavorite, r.MyInviteStatus, r.Invitees, null, now);

    public static InstanceResource Instance(Guid eventId, Guid roomId, EventDetails d, Occurrence o) => new(
        o.InstanceId, eventId, roomId, o.Exception?.Title ?? d.Title, o.Exception?.Description ?? d.Description,
        new DateTimeTz(o.StartsAt, d.StartsTimezone!), new DateTimeTz(o.EndsAt, d.EndsTimezone!),
        o.Cancelled ? InstanceStatus.Cancelled : InstanceStatus.Ok, o.Exception is not null);

    private static EventResource Build(Guid id, Guid owner, Guid room, DateTimeOffset created, DateTimeOffset updated, int revision,
        EventDetails d, IReadOnlyDictionary<string, InstanceException> exceptions, bool adhoc, bool favorite, InviteStatus? status,
        IReadOnlyList<Invitee> invitees, CallIn? callIn, DateTimeOffset now)
    {
        var next = Recurrence.Expand(d, exceptions, now).Take(NextOccurrenceLookahead).FirstOrDefault(o => !o.Cancelled);
        return new EventResource(id, owner, created, updated, d.Title, d.Description, room, d.WaitingRoom, d.IsTimeIndependent,
            d.StartsAt is { } s ? new DateTimeTz(s, d.StartsTimezone!) : null,
            d.EndsAt is { } e ? new DateTimeTz(e, d.EndsTimezone!) : null,
            d.RecurrencePattern, revision, adhoc, favorite, status, [.. invitees.Select(i => i.View())],
            next is null ? null : new NextOccurrence(next.InstanceId, new DateTimeTz(next.StartsAt, d.StartsTimezone!), new DateTimeTz(next.EndsAt, d.EndsTimezone!)),
            callIn);
    }
}
