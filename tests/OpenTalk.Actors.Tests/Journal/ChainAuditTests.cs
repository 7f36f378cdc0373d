using System.Text;
using CsCheck;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;

namespace OpenTalk.Actors.Tests;

/// <summary>
/// The chain check names exactly the event that was changed, removed or made unreadable, wherever it is in the
/// stream, and never throws on whatever bytes a row holds.
/// </summary>
public sealed class ChainAuditTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A stream of chat events linked as the journal writes them.</summary>
    private static List<StoredEvent> Stream(int length)
    {
        var stream = new List<StoredEvent>();
        var previous = HashChain.Genesis;
        for (var i = 1; i <= length; i++)
        {
            DomainEvent evt = new ChatMessagePosted(Guid.NewGuid(), Guid.NewGuid(), $"message {i}", MessageScope.Global, null, null)
            {
                OccurredAt = Start.AddSeconds(i), PrevHash = previous,
            };
            previous = HashChain.HashOf(evt);
            stream.Add(new StoredEvent(i, EventCatalog.ManifestOf(evt.GetType()), JournalJson.Serialize(evt)));
        }
        return stream;
    }

    private static StoredEvent WithText(StoredEvent stored, Func<string, string> change) =>
        stored with { Payload = Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(stored.Payload))) };

    [Fact]
    public void An_untouched_stream_is_intact_and_its_head_is_the_last_hash()
    {
        var stream = Stream(5);
        var report = ChainAudit.Check(stream);
        Assert.True(report.Intact);
        Assert.Equal(ChainAudit.RawHash(stream[^1]), report.HeadHash);
    }

    [Fact]
    public void Any_changed_content_is_named_as_that_event_except_the_newest_without_a_snapshot()
    {
        Gen.Select(Gen.Int[2, 12], Gen.Int[0, 1000]).Sample((length, pick) =>
        {
            var stream = Stream(length);
            var index = pick % (length - 1); // not the newest: nothing after it recorded its hash
            stream[index] = WithText(stream[index], t => t.Replace("message", "MESSAGE", StringComparison.Ordinal));
            var problem = Assert.Single(ChainAudit.Check(stream).Problems);
            Assert.Equal((index + 1L, ChainProblemKind.Altered), (problem.SequenceNr, problem.Kind));
        });
    }

    [Fact]
    public void A_changed_link_is_named_as_the_event_that_holds_it_unless_it_is_the_newest()
    {
        Gen.Select(Gen.Int[2, 12], Gen.Int[0, 1000]).Sample((length, pick) =>
        {
            var stream = Stream(length);
            var index = pick % (length - 1);
            stream[index] = WithText(stream[index], t => t.Replace("\"prev_hash\":\"", "\"prev_hash\":\"0", StringComparison.Ordinal));
            var problem = Assert.Single(ChainAudit.Check(stream).Problems);
            Assert.Equal((index + 1L, ChainProblemKind.Altered), (problem.SequenceNr, problem.Kind));
        });
    }

    [Fact]
    public void A_removed_event_is_named_by_its_sequence_number()
    {
        Gen.Select(Gen.Int[2, 12], Gen.Int[0, 1000]).Sample((length, pick) =>
        {
            var stream = Stream(length);
            var index = pick % (length - 1);
            stream.RemoveAt(index);
            var problem = Assert.Single(ChainAudit.Check(stream).Problems);
            Assert.Equal((index + 1L, ChainProblemKind.Missing), (problem.SequenceNr, problem.Kind));
        });
    }

    [Fact]
    public void The_snapshot_guards_the_newest_events()
    {
        var stream = Stream(6);
        var snapshot = new SnapshotMark(6, ChainAudit.RawHash(stream[5]));
        Assert.True(ChainAudit.Check(stream, snapshot).Intact);

        var changedLast = stream.Take(5).Append(WithText(stream[5], t => t.Replace("message 6", "message 7", StringComparison.Ordinal)));
        Assert.Equal([(6L, ChainProblemKind.Altered)], ChainAudit.Check(changedLast, snapshot).Problems.Select(p => (p.SequenceNr, p.Kind)));

        var cutOff = stream.Take(4);
        Assert.Equal([(5L, ChainProblemKind.Missing), (6L, ChainProblemKind.Missing)],
            ChainAudit.Check(cutOff, snapshot).Problems.Select(p => (p.SequenceNr, p.Kind)));
    }

    [Fact]
    public void Whatever_a_row_holds_the_check_answers_and_names_it()
    {
        Gen.Select(Gen.Int[1, 8], Gen.Int[0, 1000], Gen.Byte.Array[0, 64], Gen.String[0, 40]).Sample((length, pick, bytes, manifest) =>
        {
            var stream = Stream(length);
            var index = pick % length;
            stream[index] = new StoredEvent(index + 1, pick % 2 == 0 ? stream[index].Manifest : manifest, bytes);
            var report = ChainAudit.Check(stream);
            Assert.Equal(length, report.Events.Count);
            Assert.Contains(report.Problems, p => p.SequenceNr == index + 1);
        });
    }
}
