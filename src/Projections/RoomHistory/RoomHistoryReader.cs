using System.Globalization;

namespace OpenTalk.Projections.RoomHistory;

public sealed record SessionAttendee(Guid ParticipantId, string DisplayName, string Kind, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt, string? LeftReason);

public sealed record RoomSession(int SessionNo, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, IReadOnlyList<SessionAttendee> Participants);

/// <summary>Reads a room's sessions from the read model (never from the journal).</summary>
public sealed class RoomHistoryReader(ReadModelDatabase database, ProjectionStore store)
{
    private static readonly RoomHistoryProjection Projection = new();

    public async Task<IReadOnlyList<RoomSession>> SessionsAsync(Guid roomId, CancellationToken ct = default)
    {
        await store.EnsureSchemaAsync(Projection, ct);
        await using var connection = await database.OpenAsync(ct);
        var room = roomId.ToString();
        var attendees = new List<(int Session, SessionAttendee Attendee)>();
        await using (var command = ReadModelDatabase.Command(connection, null, """
            SELECT session_no, participant_id, display_name, kind, joined_at, left_at, left_reason
            FROM room_session_participants WHERE room_id = @room ORDER BY session_no, joined_at
            """, ("@room", room)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                attendees.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), new SessionAttendee(
                    Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3), Parse(reader.GetString(4)),
                    reader.IsDBNull(5) ? null : Parse(reader.GetString(5)), reader.IsDBNull(6) ? null : reader.GetString(6))));
            }
        }
        var sessions = new List<RoomSession>();
        await using (var command = ReadModelDatabase.Command(connection, null,
            "SELECT session_no, started_at, ended_at FROM room_sessions WHERE room_id = @room ORDER BY session_no", ("@room", room)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var no = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
                sessions.Add(new RoomSession(no, Parse(reader.GetString(1)), reader.IsDBNull(2) ? null : Parse(reader.GetString(2)),
                    [.. attendees.Where(a => a.Session == no).Select(a => a.Attendee)]));
            }
        }
        return sessions;
    }

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
