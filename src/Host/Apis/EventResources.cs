using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Host.Auth;
using OpenTalk.Projections.Events;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>A meeting as the API shows it, from the live entity or a read-model row.</summary>
public sealed record EventView(
    Guid Id, Guid Owner, Guid Room, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Revision, EventDetails Details,
    IReadOnlyDictionary<string, InstanceException> Exceptions, bool IsAdhoc, bool IsFavorite, InviteStatus? MyStatus,
    IReadOnlyList<Invitee> Invitees)
{
    public static EventView Of(EventState e, Guid viewer) => new(
        e.EventId, e.CreatedBy, e.RoomId, e.CreatedAt, e.UpdatedAt, e.Revision, e.Details!, e.Exceptions, e.IsAdhoc,
        e.Favorites.Contains(viewer), e.Invitees.GetValueOrDefault(Invitee.UserKey(viewer))?.Status.ToWire(),
        [.. e.Invitees.Values.OrderBy(i => i.Key, StringComparer.Ordinal)]);

    public static EventView Of(EventRow r) => new(
        r.EventId, r.OwnerId, r.RoomId, r.CreatedAt, r.UpdatedAt, r.Revision, r.Details, r.Exceptions, r.IsAdhoc,
        r.IsFavorite, r.MyInviteStatus, r.Invitees);

    /// <summary>Whose profiles showing this meeting takes: its creator and, up to <paramref name="inviteesMax"/>, the invited users.</summary>
    public IEnumerable<Guid> People(int inviteesMax) =>
        Invitees.Take(inviteesMax).Select(i => i.UserId).OfType<Guid>().Prepend(Owner);
}

/// <summary>The people a response names, looked up once per response.</summary>
public sealed record PeopleShown(IReadOnlyDictionary<Guid, PublicUserProfile> Profiles, Func<string, string> AvatarOfEmail)
{
    public PublicUserProfile this[Guid id] => Profiles[id];

    public static async Task<PeopleShown> ForAsync(UserProfiles profiles, IEnumerable<Guid> people, CancellationToken ct) =>
        new(await profiles.PublicAsync(people, ct), profiles.AvatarUrl);
}

/// <summary>What only the room knows: its password (for those who may enter), its dial-in and its streaming targets.</summary>
public sealed record RoomDetails(string? Password, CallIn? CallIn, IReadOnlyList<StreamingTarget> StreamingTargets);

/// <summary>Turns meetings into OpenTalk's event, exception and instance resources.</summary>
public static class EventResources
{
    /// <summary>How far ahead the next occurrence is looked for before giving up (all cancelled, say).</summary>
    private const int NextOccurrenceLookahead = 500;

    public static EventResource Resource(EventView e, Guid viewer, PeopleShown people, RoomDetails? room, int inviteesMax, DateTimeOffset now)
    {
        var d = e.Details;
        var next = Recurrence.Expand(d, e.Exceptions, now).Take(NextOccurrenceLookahead).FirstOrDefault(o => !o.Cancelled);
        var timed = !d.IsTimeIndependent && d.StartsAt is not null;
        return new EventResource(
            e.Id, people[e.Owner], e.CreatedAt, people[e.Owner], e.UpdatedAt, d.Title, d.Description,
            new EventRoomInfo(e.Room, room?.Password, d.WaitingRoom, E2eEncryption: false, room?.CallIn),
            InviteesTruncated: e.Invitees.Count > inviteesMax,
            [.. e.Invitees.Take(inviteesMax).Select(i => Invitee(i, people))],
            d.IsTimeIndependent,
            timed ? d.IsAllDay : null,
            timed ? WireTimes.Out(d.StartsAt!.Value, d.StartsTimezone!) : null,
            timed ? WireTimes.Out(d.EndsAt!.Value, d.EndsTimezone!) : null,
            d.RecurrencePattern.Count > 0 ? d.RecurrencePattern : null,
            e.IsAdhoc,
            d.RecurrencePattern.Count > 0 ? EventType.Recurring : EventType.Single,
            e.MyStatus ?? InviteStatus.Accepted,
            e.IsFavorite,
            CanEdit: viewer == e.Owner,
            // Keys of live streams are the owner's: others reading the meeting do not get them.
            viewer == e.Owner && room is { StreamingTargets.Count: > 0 } ? [.. room.StreamingTargets.Select(StreamingTargetsApi.View)] : null,
            d.ShowMeetingDetails,
            e.Revision,
            next is null ? null : new NextOccurrence(next.InstanceId, WireTimes.Out(next.StartsAt, d.StartsTimezone!), WireTimes.Out(next.EndsAt, d.EndsTimezone!)));
    }

    /// <summary>The meeting's changed occurrences, for clients that expand the rule themselves.</summary>
    public static IEnumerable<EventExceptionResource> Exceptions(EventView e, Guid viewer, PeopleShown people)
    {
        var d = e.Details;
        if (d.IsTimeIndependent || d.StartsTimezone is null)
            yield break;
        foreach (var x in e.Exceptions.Values.OrderBy(x => x.InstanceId, StringComparer.Ordinal))
        {
            var original = DateTimeOffset.ParseExact(x.InstanceId, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal);
            yield return new EventExceptionResource(
                $"{e.Id}_{x.InstanceId}", e.Id, x.InstanceId, people[e.Owner], e.CreatedAt, people[e.Owner], e.UpdatedAt,
                x.Title, x.Description, x.StartsAt is null && x.EndsAt is null ? null : d.IsAllDay,
                x.StartsAt is { } s ? WireTimes.Out(s, d.StartsTimezone) : null,
                x.EndsAt is { } end ? WireTimes.Out(end, d.EndsTimezone!) : null,
                new DateTimeTz(original.UtcDateTime, d.StartsTimezone),
                EventType.Exception, x.Cancelled ? InstanceStatus.Cancelled : InstanceStatus.Ok, viewer == e.Owner);
        }
    }

    public static InstanceResource Instance(EventView e, Guid viewer, PeopleShown people, RoomDetails? room, Occurrence o, int inviteesMax)
    {
        var d = e.Details;
        return new InstanceResource(
            $"{e.Id}_{o.InstanceId}", e.Id, o.InstanceId, people[e.Owner], e.CreatedAt, people[e.Owner], e.UpdatedAt,
            o.Exception?.Title ?? d.Title, o.Exception?.Description ?? d.Description,
            new EventRoomInfo(e.Room, room?.Password, d.WaitingRoom, E2eEncryption: false, room?.CallIn),
            e.Invitees.Count > inviteesMax, [.. e.Invitees.Take(inviteesMax).Select(i => Invitee(i, people))],
            d.IsAllDay, WireTimes.Out(o.StartsAt, d.StartsTimezone!), WireTimes.Out(o.EndsAt, d.EndsTimezone!),
            EventType.Instance, o.Cancelled ? InstanceStatus.Cancelled : InstanceStatus.Ok,
            e.MyStatus ?? InviteStatus.Accepted, e.IsFavorite, viewer == e.Owner, o.Exception is not null);
    }

    public static EventInvitee Invitee(Invitee i, PeopleShown people) => new(
        i.UserId is { } user
            ? InviteeProfile.Registered(people[user], i.Role.ToWire())
            : InviteeProfile.ByEmail(i.Email!, people.AvatarOfEmail(i.Email!), i.Role.ToWire()),
        i.Status.ToWire());
}

/// <summary>
/// Times on the wire as OpenTalk has them: an instant in UTC beside the zone it is planned in. Meetings keep the local
/// time in their zone (so a weekly meeting stays at 9:00 across daylight saving), converted at the API's edge.
/// </summary>
public static class WireTimes
{
    public static DateTimeTz Out(DateTime local, string zone) => new(Recurrence.ToUtc(local, zone).UtcDateTime, zone);

    /// <summary>The local time in <paramref name="zone"/> of a time read from a request (see <see cref="DateTimeTz"/>).</summary>
    public static DateTime InZone(DateTime read, string zone) => read.Kind switch
    {
        DateTimeKind.Unspecified => read,
        // An unknown zone is refused by validation; until then the time stays as read.
        _ when !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) => read,
        _ => DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(new DateTimeOffset(read.ToUniversalTime(), TimeSpan.Zero),
            TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime, DateTimeKind.Unspecified),
    };
}
