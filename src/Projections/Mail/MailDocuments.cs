namespace OpenTalk.Projections.Mail;

/// <summary>A meeting as the mail projection knows it: its creator (who gets copies) and who gets mail about it.</summary>
public sealed class MailEventDocument
{
    public Guid Id { get; set; }

    public string Creator { get; set; } = "";

    public long LastSeq { get; set; }

    public List<string> Recipients { get; set; } = [];
}

/// <summary>
/// One queued mail. Its id (<c>event:seq:recipient</c>) is the same however often the event is replayed. The
/// projection writes it once; the dispatcher changes only the sending fields (state, attempts, lease, error).
/// </summary>
public sealed class OutboxMailDocument
{
    public string Id { get; set; } = "";

    public Guid EventId { get; set; }

    public long Seq { get; set; }

    public MailKind Kind { get; set; }

    public string Recipient { get; set; } = "";

    public DateTimeOffset QueuedAt { get; set; }

    /// <summary><see cref="OutboxState"/>: pending, sent, skipped or failed.</summary>
    public string State { get; set; } = OutboxState.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The lease of the node sending it; another node may take it after this.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>Who took the lease last (a claim reads back what it won by this token).</summary>
    public Guid? ClaimToken { get; set; }

    public string? LastError { get; set; }
}

public static class OutboxState
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}
