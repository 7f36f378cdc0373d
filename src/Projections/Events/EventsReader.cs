using System.Globalization;
using System.Text;
using Marten;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Projections.Events;

/// <summary>One meeting as the dashboard lists it, seen by one user.</summary>
public sealed record EventRow(
    Guid EventId,
    Guid OwnerId,
    Guid RoomId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Revision,
    EventDetails Details,
    IReadOnlyDictionary<string, InstanceException> Exceptions,
    bool IsAdhoc,
    bool IsFavorite,
    InviteStatus? MyInviteStatus)
{
    public IReadOnlyList<Invitee> Invitees { get; init; } = [];
}

/// <summary>What the list is narrowed to; every part is optional.</summary>
public sealed record EventFilter(
    DateTimeOffset? TimeMin = null,
    DateTimeOffset? TimeMax = null,
    InviteStatus? InviteStatus = null,
    bool FavoritesOnly = false,
    bool? Adhoc = null,
    bool? TimeIndependent = null);

/// <summary>
/// The meetings a user owns or is invited to, newest first, a page at a time (the cursor is opaque to clients),
/// with their invitees.
/// </summary>
public sealed class EventsReader(IDocumentStore store, ReadModelSchema schema)
{
    public const int MaxPage = 100;

    public async Task<(IReadOnlyList<EventRow> Rows, string? Next)> PageAsync(
        Guid user, EventFilter filter, int perPage, string? after, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        var take = Math.Clamp(perPage, 1, MaxPage);
        await using var session = store.QuerySession();
        var who = Invitee.UserKey(user);
        var mine = await session.Query<EventInvitesDocument>().Where(i => i.InviteeKeys.Contains(who)).ToListAsync(ct);
        var myStatus = mine.ToDictionary(i => i.Id, i => i.Invitees.First(e => e.Key == who).Status);
        var invited = (filter.InviteStatus is { } status
            ? myStatus.Where(s => s.Value == InvitesProjection.Wire(status)).Select(s => s.Key)
            : myStatus.Keys).ToArray();

        var page = session.Query<EventListDocument>().Where(e => !e.Cancelled);
        page = filter.InviteStatus is null
            ? page.Where(e => e.OwnerId == user || invited.Contains(e.Id))
            : page.Where(e => invited.Contains(e.Id));
        if (filter.TimeMin is { } min)
        {
            var from = EventsProjection.Seconds(min);
            page = page.Where(e => e.FirstStart != null && (e.LastEnd == null || e.LastEnd > from));
        }
        if (filter.TimeMax is { } max)
        {
            var until = EventsProjection.Seconds(max);
            page = page.Where(e => e.FirstStart != null && e.FirstStart < until);
        }
        if (filter.FavoritesOnly)
            page = page.Where(e => e.FavoredBy.Contains(user));
        if (filter.Adhoc is { } adhoc)
            page = page.Where(e => e.IsAdhoc == adhoc);
        if (filter.TimeIndependent is { } timeIndependent)
            page = page.Where(e => e.Details.IsTimeIndependent == timeIndependent);
        if (Decode(after) is ({ } afterCreated, { } afterId))
            page = page.Where(e => e.CreatedAt < afterCreated || (e.CreatedAt == afterCreated && e.Id.CompareTo(afterId) < 0));
        var listed = (await page.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(take + 1).ToListAsync(ct)).ToList();

        string? next = null;
        if (listed.Count > take)
        {
            listed.RemoveAt(listed.Count - 1);
            next = Encode(listed[^1]);
        }
        var invites = (await session.LoadManyAsync<EventInvitesDocument>(ct, listed.Select(e => e.Id))).ToDictionary(i => i.Id);
        return ([.. listed.Select(e => Row(e, user, myStatus, invites.GetValueOrDefault(e.Id)))], next);
    }

    /// <summary>The meeting that owns <paramref name="roomId"/>, when one does (rooms can also be made on their own).</summary>
    public async Task<Guid?> EventOfRoomAsync(Guid roomId, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        var found = await session.Query<EventListDocument>().Where(e => e.RoomId == roomId && !e.Cancelled).Select(e => e.Id).ToListAsync(ct);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>Meetings this user is invited to and has not answered yet (not cancelled ones), newest first.</summary>
    public async Task<IReadOnlyList<EventRow>> PendingInvitesAsync(Guid user, CancellationToken ct = default)
    {
        var (rows, _) = await PageAsync(user, new EventFilter(InviteStatus: InviteStatus.Pending), MaxPage, null, ct);
        return rows;
    }

    /// <summary>Ad-hoc meetings created before <paramref name="before"/> and not cancelled yet: the clean-up's work list.</summary>
    public async Task<IReadOnlyList<(Guid EventId, Guid RoomId)>> StaleAdhocAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        var cutoff = before.ToUniversalTime();
        var stale = await session.Query<EventListDocument>()
            .Where(e => e.IsAdhoc && !e.Cancelled && e.CreatedAt < cutoff)
            .OrderBy(e => e.CreatedAt).Take(500)
            .ToListAsync(ct);
        return [.. stale.Select(e => (e.Id, e.RoomId))];
    }

    private static EventRow Row(EventListDocument e, Guid user, Dictionary<Guid, string> myStatus, EventInvitesDocument? invites) =>
        new(e.Id, e.OwnerId, e.RoomId, e.CreatedAt, e.UpdatedAt, e.Revision, e.Details, e.Exceptions, e.IsAdhoc,
            e.FavoredBy.Contains(user), myStatus.TryGetValue(e.Id, out var mine) ? Parse<InviteStatus>(mine) : null)
        {
            Invitees = invites is null
                ? []
                : [.. invites.Invitees.OrderBy(i => i.Key, StringComparer.Ordinal)
                    .Select(i => new Invitee(i.Key, Parse<InviteeRole>(i.Role), Parse<InviteeStatus>(i.Status)))],
        };

    private static T Parse<T>(string wire) where T : struct, Enum => Enum.Parse<T>(wire, ignoreCase: true);

    private static string Encode(EventListDocument last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{last.CreatedAt.ToString("O", CultureInfo.InvariantCulture)}|{last.Id}"));

    private static (DateTimeOffset? Created, Guid? Id) Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
            return (null, null);
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('|');
            return parts.Length == 2 && Guid.TryParse(parts[1], out var id)
                && DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var created)
                ? (created.ToUniversalTime(), id)
                : (null, null);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}
