namespace OpenTalk.Projections.RoomHistory;

/// <summary>Where a room's history stands: the last event applied and its latest session (open or not).</summary>
public sealed class RoomHistoryProgress
{
    public Guid Id { get; set; }

    public long LastSeq { get; set; }

    public int SessionNo { get; set; }

    public bool SessionOpen { get; set; }
}

/// <summary>
/// One session of a room, from the first join to the last leave, with who was there. One document per session, not
/// per room: a permanent room that is used every day would otherwise grow without bound.
/// </summary>
public sealed class RoomSessionDocument
{
    public string Id { get; set; } = "";

    public Guid RoomId { get; set; }

    public int SessionNo { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>In the order they first joined.</summary>
    public List<SessionAttendeeEntry> Participants { get; set; } = [];

    public static string IdOf(Guid room, int sessionNo) => $"{room:N}-{sessionNo}";
}

public sealed class SessionAttendeeEntry
{
    public Guid ParticipantId { get; set; }

    public string DisplayName { get; set; } = "";

    public string Kind { get; set; } = "";

    public DateTimeOffset JoinedAt { get; set; }

    public DateTimeOffset? LeftAt { get; set; }

    public string? LeftReason { get; set; }
}
