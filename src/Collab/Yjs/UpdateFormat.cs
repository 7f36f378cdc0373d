namespace OpenTalk.Collab.Yjs;

/// <summary>One client's structs from an update, in clock order.</summary>
internal sealed record ClientStructs(long Client, List<Struct> Structs);

/// <summary>A decoded v1 update: the structs per client as written, then the delete set.</summary>
internal sealed record DecodedUpdate(List<ClientStructs> Clients, DeleteSet DeleteSet)
{
    public IEnumerable<Struct> AllStructs => Clients.SelectMany(c => c.Structs);

    public static DecodedUpdate Read(byte[] update)
    {
        var reader = new Lib0Reader(update);
        var clients = new List<ClientStructs>();
        for (var sections = reader.ReadCount(); sections > 0; sections--)
        {
            var count = reader.ReadCount();
            var client = reader.ReadVarUint();
            var clock = reader.ReadVarUint();
            var structs = new List<Struct>();
            for (var i = 0; i < count; i++)
            {
                var s = ReadStruct(reader, new YId(client, clock));
                // Empty structs never occur in real updates and would stall the merge loops.
                if (s.Length <= 0) throw new YFormatException("Struct of length zero");
                clock += s.Length;
                if (clock > Lib0Reader.MaxSafeInteger) throw new YFormatException("Clock out of range");
                structs.Add(s);
            }
            clients.Add(new ClientStructs(client, structs));
        }
        return new DecodedUpdate(clients, DeleteSet.Read(reader));
    }

    private static Struct ReadStruct(Lib0Reader reader, YId id)
    {
        var info = reader.ReadByte();
        switch (info & 0x1f)
        {
            case 0: return new Gc(id, reader.ReadVarUint());
            case 10: return new Skip(id, reader.ReadVarUint());
        }
        YId? origin = (info & 0x80) != 0 ? ReadId(reader) : null;
        YId? rightOrigin = (info & 0x40) != 0 ? ReadId(reader) : null;
        object? parent = null;
        string? parentSub = null;
        // Only an item without origins says where it lives; the others take their neighbour's parent.
        if ((info & 0xc0) == 0)
        {
            parent = reader.ReadVarUint() == 1 ? reader.ReadVarString() : ReadId(reader);
            if ((info & 0x20) != 0) parentSub = reader.ReadVarString();
        }
        return new Item(id, origin, rightOrigin, parent, parentSub, Content.Read(reader, info & 0x1f));
    }

    private static YId ReadId(Lib0Reader reader) => new(reader.ReadVarUint(), reader.ReadVarUint());
}

/// <summary>
/// Writes structs as they come and groups them per client run, because the count of a run
/// precedes it on the wire but is known only at its end.
/// </summary>
internal sealed class StructWriter
{
    private readonly List<(int Count, byte[] Bytes)> _runs = [];
    private Lib0Writer _run = new();
    private long _client;
    private int _count;

    public void Write(Struct s, long offset)
    {
        if (_count > 0 && _client != s.Id.Client) Flush();
        if (_count == 0)
        {
            _client = s.Id.Client;
            _run.WriteVarUint(s.Id.Client);
            _run.WriteVarUint(s.Id.Clock + offset);
        }
        s.Write(_run, offset);
        _count++;
    }

    /// <summary>The structs part of an update, to be followed by its delete set.</summary>
    public Lib0Writer Finish()
    {
        Flush();
        var writer = new Lib0Writer();
        writer.WriteVarUint(_runs.Count);
        foreach (var (count, bytes) in _runs)
        {
            writer.WriteVarUint(count);
            writer.WriteBytes(bytes);
        }
        return writer;
    }

    private void Flush()
    {
        if (_count == 0) return;
        _runs.Add((_count, _run.ToArray()));
        _run = new Lib0Writer();
        _count = 0;
    }
}
