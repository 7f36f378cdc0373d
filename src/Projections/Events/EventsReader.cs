using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Scheduling;

namespace OpenTalk.Projections.Events;

public sealed record EventRow(Guid EventId, Guid OwnerId, Guid RoomId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Revision, EventDetails Details);

/// <summary>A user's scheduled meetings, newest first, a page at a time (the cursor is opaque to clients).</summary>
public sealed class EventsReader(ReadModelDatabase database, ProjectionStore store)
{
    public const int MaxPage = 100;
    private static readonly EventsProjection Projection = new();

    public async Task<(IReadOnlyList<EventRow> Rows, string? Next)> PageAsync(Guid owner, int perPage, string? after, CancellationToken ct = default)
    {
        await store.EnsureSchemaAsync(Projection, ct);
        var take = Math.Clamp(perPage, 1, MaxPage);
        var (afterCreated, afterId) = Decode(after);
        await using var connection = await database.OpenAsync(ct);
        await using var command = ReadModelDatabase.Command(connection, null, """
            SELECT event_id, owner_id, room_id, created_at, updated_at, revision, details FROM events_list
            WHERE owner_id = @owner AND cancelled = 0
              AND (created_at < @after_created OR (created_at = @after_created AND event_id < @after_id))
            ORDER BY created_at DESC, event_id DESC
            LIMIT @take
            """, ("@owner", owner.ToString()), ("@after_created", afterCreated ?? "9999"), ("@after_id", afterId ?? ""), ("@take", take + 1));
        var rows = await ReadRowsAsync(command, ct);
        if (rows.Count <= take)
            return (rows, null);
        rows.RemoveAt(rows.Count - 1);
        var last = rows[^1];
        return (rows, Encode(last.CreatedAt.ToString("O", CultureInfo.InvariantCulture), last.EventId.ToString()));
    }

    /// <summary>Meetings this user is invited to and has not answered yet (not cancelled ones), newest first.</summary>
    public async Task<IReadOnlyList<EventRow>> PendingInvitesAsync(Guid user, CancellationToken ct = default)
    {
        await store.EnsureSchemaAsync(Projection, ct);
        await store.EnsureSchemaAsync(Invites, ct);
        await using var connection = await database.OpenAsync(ct);
        await using var command = ReadModelDatabase.Command(connection, null, """
            SELECT e.event_id, e.owner_id, e.room_id, e.created_at, e.updated_at, e.revision, e.details
            FROM event_invites i JOIN events_list e ON e.event_id = i.event_id
            LEFT JOIN event_invites_progress p ON p.event_id = i.event_id
            WHERE i.invitee = @who AND i.status = 'pending' AND e.cancelled = 0 AND COALESCE(p.cancelled, 0) = 0
            ORDER BY e.created_at DESC, e.event_id DESC
            LIMIT 200
            """, ("@who", $"user:{user}"));
        return await ReadRowsAsync(command, ct);
    }

    private static readonly InvitesProjection Invites = new();

    /// <summary>Reads rows selected as event_id, owner_id, room_id, created_at, updated_at, revision, details.</summary>
    private static async Task<List<EventRow>> ReadRowsAsync(System.Data.Common.DbCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<EventRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new EventRow(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), Guid.Parse(reader.GetString(2)),
                Parse(reader.GetString(3)), Parse(reader.GetString(4)), Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
                JsonSerializer.Deserialize<EventDetails>(reader.GetString(6), JournalJson.Options)!));
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
