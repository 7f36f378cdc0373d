using Marten;

namespace OpenTalk.Projections.RoomHistory;

public sealed record SessionAttendee(Guid ParticipantId, string DisplayName, string Kind, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt, string? LeftReason);

public sealed record RoomSession(int SessionNo, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, IReadOnlyList<SessionAttendee> Participants);

/// <summary>Reads a room's sessions from the read model (never from the journal).</summary>
public sealed class RoomHistoryReader(IDocumentStore store, ReadModelSchema schema)
{
    public async Task<IReadOnlyList<RoomSession>> SessionsAsync(Guid roomId, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        var sessions = await session.Query<RoomSessionDocument>().Where(s => s.RoomId == roomId).OrderBy(s => s.SessionNo).ToListAsync(ct);
        return [.. sessions.Select(s => new RoomSession(s.SessionNo, s.StartedAt, s.EndedAt,
            [.. s.Participants.OrderBy(p => p.JoinedAt)
                .Select(p => new SessionAttendee(p.ParticipantId, p.DisplayName, p.Kind, p.JoinedAt, p.LeftAt, p.LeftReason))]))];
    }
}
