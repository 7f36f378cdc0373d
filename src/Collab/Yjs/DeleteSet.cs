namespace OpenTalk.Collab.Yjs;

internal readonly record struct DeleteRange(long Clock, long Length)
{
    public long End => Clock + Length;
}

/// <summary>Deleted clock ranges per client, as they travel after an update's structs.</summary>
internal sealed class DeleteSet
{
    public Dictionary<long, List<DeleteRange>> Clients { get; } = [];

    public bool IsEmpty => Clients.Values.All(ranges => ranges.Count == 0);

    public static DeleteSet Read(Lib0Reader reader)
    {
        var set = new DeleteSet();
        for (var clients = reader.ReadCount(); clients > 0; clients--)
        {
            var client = reader.ReadVarUint();
            var count = reader.ReadCount();
            if (count == 0) continue;
            if (!set.Clients.TryGetValue(client, out var ranges)) set.Clients[client] = ranges = [];
            for (var i = 0; i < count; i++)
            {
                var clock = reader.ReadVarUint();
                var length = reader.ReadVarUint();
                if (clock + length > Lib0Reader.MaxSafeInteger) throw new YFormatException("Delete range out of range");
                ranges.Add(new DeleteRange(clock, length));
            }
        }
        return set;
    }

    /// <summary>Clients from the highest id down, so that equal sets encode equally.</summary>
    public void Write(Lib0Writer writer)
    {
        writer.WriteVarUint(Clients.Count);
        foreach (var (client, ranges) in Clients.OrderByDescending(c => c.Key))
        {
            writer.WriteVarUint(client);
            writer.WriteVarUint(ranges.Count);
            foreach (var range in ranges)
            {
                writer.WriteVarUint(range.Clock);
                writer.WriteVarUint(range.Length);
            }
        }
    }

    /// <summary>The union of the sets, each client's ranges sorted and overlapping or touching ones joined.</summary>
    public static DeleteSet Merge(IEnumerable<DeleteSet> sets)
    {
        var merged = new DeleteSet();
        foreach (var set in sets)
        {
            foreach (var (client, ranges) in set.Clients)
            {
                if (!merged.Clients.TryGetValue(client, out var all)) merged.Clients[client] = all = [];
                all.AddRange(ranges);
            }
        }
        foreach (var ranges in merged.Clients.Values)
        {
            // List.Sort is unstable, but ranges with equal clocks are joined whatever their order.
            ranges.Sort((a, b) => a.Clock.CompareTo(b.Clock));
            var j = 0;
            for (var i = 1; i < ranges.Count; i++)
            {
                var left = ranges[j];
                var right = ranges[i];
                if (left.End >= right.Clock) ranges[j] = left with { Length = Math.Max(left.Length, right.End - left.Clock) };
                else ranges[++j] = right;
            }
            if (ranges.Count > 0) ranges.RemoveRange(j + 1, ranges.Count - j - 1);
        }
        return merged;
    }
}
