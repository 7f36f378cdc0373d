namespace OpenTalk.Collab.Yjs;

/// <summary>
/// Operations on encoded Yjs v1 updates without building a document, as Yjs's own
/// <c>mergeUpdates</c>, <c>encodeStateVectorFromUpdate</c> and <c>diffUpdate</c> do them, byte for byte.
/// </summary>
public static class YUpdate
{
    /// <summary>One update equivalent to all of them; gaps in a client's clocks become skips.</summary>
    public static byte[] Merge(IReadOnlyList<byte[]> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var decoded = updates.Select(DecodedUpdate.Read).ToList();
        // Yjs hands a single update back untouched; we do too, having checked it.
        if (updates.Count == 1) return updates[0];

        var cursors = decoded.Select(d => new Cursor(d.AllStructs.Where(s => s is not Skip))).ToList();
        var writer = new StructWriter();
        Struct? pending = null;
        while (true)
        {
            // Highest client first, then by clock; the sort must be stable as Yjs's is.
            cursors = [.. cursors.Where(c => c.Current is not null)
                .OrderByDescending(c => c.Current!.Id.Client)
                .ThenBy(c => c.Current!.Id.Clock)];
            if (cursors.Count == 0) break;
            var cursor = cursors[0];
            var client = cursor.Current!.Id.Client;
            if (pending is not null)
            {
                var curr = cursor.Current;
                var skipped = false;
                // Pass over what is already written.
                while (curr is not null && curr.End <= pending.End && curr.Id.Client >= pending.Id.Client)
                {
                    curr = cursor.Next();
                    skipped = true;
                }
                if (curr is null || curr.Id.Client != client || (skipped && curr.Id.Clock > pending.End)) continue;

                if (client != pending.Id.Client)
                {
                    writer.Write(pending, 0);
                    pending = curr;
                    cursor.Next();
                }
                else if (pending.End < curr.Id.Clock)
                {
                    if (pending is Skip)
                    {
                        pending.Length = curr.End - pending.Id.Clock;
                    }
                    else
                    {
                        writer.Write(pending, 0);
                        pending = new Skip(new YId(client, pending.End), curr.Id.Clock - pending.End);
                    }
                }
                else
                {
                    var overlap = pending.End - curr.Id.Clock;
                    if (overlap > 0)
                    {
                        if (pending is Skip) pending.Length -= overlap;
                        else curr = Slice(curr, overlap);
                    }
                    if (!TryAppend(pending, curr))
                    {
                        writer.Write(pending, 0);
                        pending = curr;
                        cursor.Next();
                    }
                }
            }
            else
            {
                pending = cursor.Current;
                cursor.Next();
            }
            for (var next = cursor.Current; next is not null && next.Id.Client == client && next.Id.Clock == pending.End; next = cursor.Next())
            {
                writer.Write(pending, 0);
                pending = next;
            }
        }
        if (pending is not null) writer.Write(pending, 0);

        var output = writer.Finish();
        DeleteSet.Merge(decoded.Select(d => d.DeleteSet)).Write(output);
        return output.ToArray();
    }

    /// <summary>For each client, the clock up to which the update holds everything from zero.</summary>
    public static byte[] StateVector(byte[] update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var states = new List<(long Client, long Clock)>();
        long client = -1, clock = 0;
        var stopped = true;
        foreach (var s in DecodedUpdate.Read(update).AllStructs)
        {
            if (s.Id.Client != client)
            {
                if (clock != 0) states.Add((client, clock));
                client = s.Id.Client;
                clock = 0;
                stopped = s.Id.Clock != 0;
            }
            if (s is Skip) stopped = true;
            if (!stopped) clock = s.End;
        }
        if (clock != 0) states.Add((client, clock));

        var writer = new Lib0Writer();
        writer.WriteVarUint(states.Count);
        foreach (var (c, k) in states)
        {
            writer.WriteVarUint(c);
            writer.WriteVarUint(k);
        }
        return writer.ToArray();
    }

    /// <summary>What a peer whose state vector is <paramref name="stateVector"/> lacks of <paramref name="update"/>; the whole delete set goes along.</summary>
    public static byte[] Diff(byte[] update, byte[] stateVector)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(stateVector);
        var known = ReadStateVector(stateVector);
        var decoded = DecodedUpdate.Read(update);
        var cursor = new Cursor(decoded.AllStructs);
        var writer = new StructWriter();
        while (cursor.Current is { } curr)
        {
            var client = curr.Id.Client;
            var seen = known.GetValueOrDefault(client);
            if (curr is Skip)
            {
                cursor.Next();
            }
            else if (curr.End > seen)
            {
                writer.Write(curr, Math.Max(seen - curr.Id.Clock, 0));
                for (var next = cursor.Next(); next is not null && next.Id.Client == client; next = cursor.Next())
                    writer.Write(next, 0);
            }
            else
            {
                for (var next = cursor.Next(); next is not null && next.Id.Client == client && next.End <= seen; next = cursor.Next()) { }
            }
        }
        var output = writer.Finish();
        decoded.DeleteSet.Write(output);
        return output.ToArray();
    }

    /// <summary>True when the update carries nothing: no content, tombstones or deletions (skips carry nothing).</summary>
    public static bool IsEmpty(byte[] update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var decoded = DecodedUpdate.Read(update);
        return decoded.AllStructs.All(s => s is Skip) && decoded.DeleteSet.IsEmpty;
    }

    internal static Dictionary<long, long> ReadStateVector(byte[] stateVector)
    {
        var reader = new Lib0Reader(stateVector);
        var states = new Dictionary<long, long>();
        for (var n = reader.ReadCount(); n > 0; n--)
        {
            var client = reader.ReadVarUint();
            states[client] = reader.ReadVarUint();
        }
        return states;
    }

    private static Struct Slice(Struct s, long diff) => s switch
    {
        Gc => new Gc(s.Id with { Clock = s.Id.Clock + diff }, s.Length - diff),
        Item item => item.SliceFrom(diff),
        _ => new Skip(s.Id with { Clock = s.Id.Clock + diff }, s.Length - diff),
    };

    /// <summary>Tombstones and skips extend each other; items never join here because nothing links them yet.</summary>
    private static bool TryAppend(Struct left, Struct right)
    {
        if (left.GetType() != right.GetType() || left is Item) return false;
        left.Length += right.Length;
        return true;
    }

    private sealed class Cursor
    {
        private readonly IEnumerator<Struct> _structs;

        public Cursor(IEnumerable<Struct> structs)
        {
            _structs = structs.GetEnumerator();
            Next();
        }

        public Struct? Current { get; private set; }

        public Struct? Next() => Current = _structs.MoveNext() ? _structs.Current : null;
    }
}
