using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenTalk.Actors.Journal;
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
    bool? Adhoc = null);

/// <summary>
/// The meetings a user owns or is invited to, newest first, a page at a time (the cursor is opaque to clients),
/// with their invitees.
/// </summary>
public sealed class EventsReader(ReadModelDatabase database, ProjectionStore store)
{
    public const int MaxPage = 100;
    private static readonly EventsProjection Projection = new();
    private static readonly InvitesProjection Invites = new();

    private const string Columns = """
        e.event_id, e.owner_id, e.room_id, e.created_at, e.updated_at, e.revision, e.details, e.exceptions, e.is_adhoc,
        CASE WHEN EXISTS (SELECT 1 FROM event_favorites f WHERE f.event_id = e.event_id AND f.user_id = @user) THEN 1 ELSE 0 END,
        (SELECT i.status FROM event_invites i WHERE i.event_id = e.event_id AND i.invitee = @who)
        """;

    public async Task<(IReadOnlyList<EventRow> Rows, string? Next)> PageAsync(
        Guid user, EventFilter filter, int perPage, string? after, CancellationToken ct = default)
    {
        await EnsureAsync(ct);
        var take = Math.Clamp(perPage, 1, MaxPage);
        var (afterCreated, afterId) = Decode(after);
        var sql = new StringBuilder($"""
            SELECT {Columns} FROM events_list e
            WHERE e.cancelled = 0
              AND (e.owner_id = @user OR EXISTS (SELECT 1 FROM event_invites i WHERE i.event_id = e.event_id AND i.invitee = @who))
              AND (e.created_at < @after_created OR (e.created_at = @after_created AND e.event_id < @after_id))
            """);
        var parameters = new List<(string, object?)>
        {
            ("@user", user.ToString()), ("@who", Invitee.UserKey(user)), ("@after_created", afterCreated ?? "9999"),
            ("@after_id", afterId ?? ""), ("@take", take + 1),
        };
        // Clauses are added only for the filters given: Postgres cannot type a parameter that is only ever NULL.
        if (filter.TimeMin is { } min)
        {
            sql.Append(" AND e.first_start IS NOT NULL AND (e.last_end IS NULL OR e.last_end > @time_min)");
            parameters.Add(("@time_min", EventsProjection.Instant(min)));
        }
        if (filter.TimeMax is { } max)
        {
            sql.Append(" AND e.first_start IS NOT NULL AND e.first_start < @time_max");
            parameters.Add(("@time_max", EventsProjection.Instant(max)));
        }
        if (filter.InviteStatus is { } status)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM event_invites i WHERE i.event_id = e.event_id AND i.invitee = @who AND i.status = @status)");
            parameters.Add(("@status", InvitesProjection.Wire(status)));
        }
        if (filter.FavoritesOnly)
            sql.Append(" AND EXISTS (SELECT 1 FROM event_favorites f WHERE f.event_id = e.event_id AND f.user_id = @user)");
        if (filter.Adhoc is { } adhoc)
        {
            sql.Append(" AND e.is_adhoc = @adhoc");
            parameters.Add(("@adhoc", adhoc ? 1 : 0));
        }
        sql.Append(" ORDER BY e.created_at DESC, e.event_id DESC LIMIT @take");

        await using var connection = await database.OpenAsync(ct);
        await using var command = ReadModelDatabase.Command(connection, null, sql.ToString(), [.. parameters]);
        var rows = await ReadRowsAsync(command, ct);
        string? next = null;
        if (rows.Count > take)
        {
            rows.RemoveAt(rows.Count - 1);
            var last = rows[^1];
            next = Encode(last.CreatedAt.ToString("O", CultureInfo.InvariantCulture), last.EventId.ToString());
        }
        return (await WithInviteesAsync(connection, rows, ct), next);
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
        await EnsureAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await using var command = ReadModelDatabase.Command(connection, null, """
            SELECT event_id, room_id, created_at FROM events_list WHERE is_adhoc = 1 AND cancelled = 0 ORDER BY created_at LIMIT 500
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var stale = new List<(Guid, Guid)>();
        while (await reader.ReadAsync(ct))
        {
            if (Parse(reader.GetString(2)) < before)
                stale.Add((Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1))));
        }
        return stale;
    }

    private async Task EnsureAsync(CancellationToken ct)
    {
        await store.EnsureSchemaAsync(Projection, ct);
        await store.EnsureSchemaAsync(Invites, ct);
    }

    private static async Task<IReadOnlyList<EventRow>> WithInviteesAsync(DbConnection connection, List<EventRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return rows;
        var names = rows.Select((_, i) => $"@e{i}").ToList();
        await using var command = ReadModelDatabase.Command(connection, null,
            $"SELECT event_id, invitee, role, status FROM event_invites WHERE event_id IN ({string.Join(", ", names)}) ORDER BY invitee",
            [.. rows.Select((r, i) => ($"@e{i}", (object?)r.EventId.ToString()))]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var invitees = new Dictionary<Guid, List<Invitee>>();
        while (await reader.ReadAsync(ct))
        {
            var id = Guid.Parse(reader.GetString(0));
            if (!invitees.TryGetValue(id, out var list))
                invitees[id] = list = [];
            list.Add(new Invitee(reader.GetString(1), Enum.Parse<InviteeRole>(reader.GetString(2), ignoreCase: true),
                Enum.Parse<InviteeStatus>(reader.GetString(3), ignoreCase: true)));
        }
        return [.. rows.Select(r => r with { Invitees = invitees.GetValueOrDefault(r.EventId) ?? [] })];
    }

    private static async Task<List<EventRow>> ReadRowsAsync(DbCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<EventRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new EventRow(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), Guid.Parse(reader.GetString(2)),
                Parse(reader.GetString(3)), Parse(reader.GetString(4)), Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
                JsonSerializer.Deserialize<EventDetails>(reader.GetString(6), JournalJson.Options)!,
                JsonSerializer.Deserialize<Dictionary<string, InstanceException>>(reader.GetString(7), JournalJson.Options)!,
                Convert.ToInt32(reader.GetValue(8), CultureInfo.InvariantCulture) == 1,
                Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture) == 1,
                reader.IsDBNull(10) ? null : Enum.Parse<InviteStatus>(reader.GetString(10), ignoreCase: true)));
        }
        return rows;
    }

    private static string Encode(string created, string id) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{created}|{id}"));

    private static (string? Created, string? Id) Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
            return (null, null);
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('|');
            return parts.Length == 2 && Guid.TryParse(parts[1], out _) ? (parts[0], parts[1]) : (null, null);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
