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

    /// <summary>In the order they first joined; one entry per person, however often they joined again.</summary>
    public List<SessionAttendeeEntry> Participants { get; set; } = [];

    public static string IdOf(Guid room, int sessionNo) => $"{room:N}-{sessionNo}";
}

public sealed class SessionAttendeeEntry
{
    /// <summary>The participant of the first join.</summary>
    public Guid ParticipantId { get; set; }

    /// <summary>Every participant (connection) this person joined as in the session, the first included.</summary>
    public List<Guid> ParticipantIds { get; set; } = [];

    /// <summary>For a signed-in user: whose joins are one person.</summary>
    public Guid? UserId { get; set; }

    /// <summary>Whether a join or leave of <paramref name="participant"/> is about this person.</summary>
    public bool Covers(Guid participant) => participant == ParticipantId || ParticipantIds.Contains(participant);

    public string DisplayName { get; set; } = "";

    public string Kind { get; set; } = "";

    public DateTimeOffset JoinedAt { get; set; }

    public DateTimeOffset? LeftAt { get; set; }

    public string? LeftReason { get; set; }
}
