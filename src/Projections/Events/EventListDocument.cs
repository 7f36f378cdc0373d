using OpenTalk.Actors.Scheduling;

namespace OpenTalk.Projections.Events;

/// <summary>One scheduled meeting as the dashboard lists it, with who starred it.</summary>
public sealed class EventListDocument
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public Guid RoomId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Revision { get; set; }

    public EventDetails Details { get; set; } = null!;

    public Dictionary<string, InstanceException> Exceptions { get; set; } = [];

    public bool IsAdhoc { get; set; }

    /// <summary>The series' first start and last end (null: endless), for the time-range filters; null when time-independent.</summary>
    public DateTimeOffset? FirstStart { get; set; }

    public DateTimeOffset? LastEnd { get; set; }

    public bool Cancelled { get; set; }

    public List<Guid> FavoredBy { get; set; } = [];

    /// <summary>The meeting's last journal sequence number applied: older ones are replays.</summary>
    public long LastSeq { get; set; }
}

/// <summary>Who is invited to one meeting and how they answered.</summary>
public sealed class EventInvitesDocument
{
    public Guid Id { get; set; }

    public List<InviteEntry> Invitees { get; set; } = [];

    /// <summary>The invitees' keys again, as plain strings: "invited to" is a containment query on them.</summary>
    public List<string> InviteeKeys { get; set; } = [];

    public long LastSeq { get; set; }
}

/// <summary>
/// One invitee: role and answer as their lowercase wire names, so the stored documents do not depend on the names of
/// C# enum types.
/// </summary>
public sealed record InviteEntry(string Key, string Role, string Status);
