using System.Text.Json.Serialization;

namespace OpenTalk.Actors.Journal;

/// <summary>One row of an entity's stream as the journal table (or an export of it) holds it.</summary>
public sealed record StoredEvent(long SequenceNr, string Manifest, byte[] Payload);

/// <summary>What the entity's latest snapshot says about the chain: the hash of the event it was taken after.</summary>
public sealed record SnapshotMark(long SequenceNr, string LastHash);

public enum ChainProblemKind
{
    /// <summary>The event's content no longer hashes to what the event after it (or the snapshot) recorded.</summary>
    Altered,

    /// <summary>The event is not in the journal: its sequence number is skipped, or the snapshot was taken after it.</summary>
    Missing,

    /// <summary>The stored bytes are not an event this version knows how to read.</summary>
    Unreadable,
}

public sealed record ChainProblem(
    [property: JsonPropertyName("sequence_nr")] long SequenceNr,
    [property: JsonPropertyName("kind")] ChainProblemKind Kind,
    [property: JsonPropertyName("detail")] string Detail);

/// <summary>An event as the check read it: null when its bytes could not be read.</summary>
public sealed record CheckedEvent(StoredEvent Stored, DomainEvent? Event, string Hash);

public sealed record ChainReport(IReadOnlyList<CheckedEvent> Events, IReadOnlyList<ChainProblem> Problems)
{
    public bool Intact => Problems.Count == 0;

    /// <summary>The hash of the newest event: an auditor who wrote it down can later tell that nothing was cut off the end.</summary>
    public string HeadHash => Events.Count == 0 ? HashChain.Genesis : Events[^1].Hash;
}

/// <summary>
/// Checks a stored stream link by link and names the events that break it. A changed event breaks the link into the
/// event after it (whose <c>prev_hash</c> no longer matches); a changed <c>prev_hash</c> breaks its own link and the
/// next one; a removed event leaves a gap in the sequence numbers. The snapshot's hash guards the events up to it,
/// so cutting events off the end before the last snapshot shows as well. Pure: the same for the live journal and for
/// an export read offline.
/// </summary>
public static class ChainAudit
{
    private const int MaxProblems = 1000;

    public static ChainReport Check(IEnumerable<StoredEvent> stream, SnapshotMark? snapshot = null)
    {
        var events = stream.OrderBy(e => e.SequenceNr).Select(Read).ToList();
        var problems = new SortedDictionary<long, ChainProblem>();
        void Report(long sequenceNr, ChainProblemKind kind, string detail)
        {
            if (problems.Count < MaxProblems)
                problems.TryAdd(sequenceNr, new ChainProblem(sequenceNr, kind, detail));
        }

        var gapBefore = new bool[events.Count];
        var expectedSequence = 1L;
        for (var i = 0; i < events.Count; i++)
        {
            var sequenceNr = events[i].Stored.SequenceNr;
            gapBefore[i] = sequenceNr != expectedSequence;
            for (var missing = expectedSequence; missing < sequenceNr && problems.Count < MaxProblems; missing++)
                Report(missing, ChainProblemKind.Missing, "No event has this sequence number: it was removed.");
            expectedSequence = sequenceNr + 1;
        }

        bool LinkHolds(int i) => events[i].Event is { } evt && evt.PrevHash == (i == 0 ? HashChain.Genesis : events[i - 1].Hash);

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Event is null)
            {
                Report(events[i].Stored.SequenceNr, ChainProblemKind.Unreadable,
                    $"The stored bytes are not a readable '{events[i].Stored.Manifest}' event.");
                continue;
            }
            if (LinkHolds(i) || gapBefore[i] || (i > 0 && events[i - 1].Event is null))
                continue; // Intact, or already explained by the removed or unreadable event before it.
            var ownLinkChanged = i == 0 || (i + 1 < events.Count && !gapBefore[i + 1] && events[i + 1].Event is not null && !LinkHolds(i + 1));
            if (ownLinkChanged)
            {
                Report(events[i].Stored.SequenceNr, ChainProblemKind.Altered, "Its link to the event before it was changed.");
                i++; // The next link breaks because of this event, not because of the next one.
            }
            else
            {
                Report(events[i - 1].Stored.SequenceNr, ChainProblemKind.Altered,
                    $"Its content no longer hashes to what event {events[i].Stored.SequenceNr} recorded.");
            }
        }

        if (snapshot is not null)
            CheckAgainstSnapshot(events, snapshot, Report);
        return new ChainReport(events, [.. problems.Values]);
    }

    private static void CheckAgainstSnapshot(List<CheckedEvent> events, SnapshotMark snapshot, Action<long, ChainProblemKind, string> report)
    {
        var last = events.Count == 0 ? 0 : events[^1].Stored.SequenceNr;
        for (var missing = last + 1; missing <= snapshot.SequenceNr && missing - last <= MaxProblems; missing++)
            report(missing, ChainProblemKind.Missing, $"The snapshot was taken after event {snapshot.SequenceNr}, but the journal ends before it.");
        if (events.Find(e => e.Stored.SequenceNr == snapshot.SequenceNr) is { } taken && taken.Hash != snapshot.LastHash)
            report(taken.Stored.SequenceNr, ChainProblemKind.Altered, "Its content no longer hashes to what the snapshot recorded.");
    }

    /// <summary>Reads one stored event and hashes it (as stored, when it cannot be read).</summary>
    public static CheckedEvent Read(StoredEvent stored)
    {
        try
        {
            if (JournalJson.Deserialize(stored.Payload, EventCatalog.TypeOf(stored.Manifest)) is DomainEvent evt)
                return new CheckedEvent(stored, evt, HashChain.HashOf(evt));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or NotSupportedException or InvalidOperationException or FormatException)
        {
            // Unreadable: hashed as stored, so the link after it breaks too, and the report names this event.
        }
        return new CheckedEvent(stored, null, RawHash(stored));
    }

    /// <summary>The hash of the bytes as stored: the event's hash when this version wrote it.</summary>
    public static string RawHash(StoredEvent stored) => HashChain.HashOf(stored.Manifest, stored.Payload);
}
