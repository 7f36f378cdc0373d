using System.Text;

namespace OpenTalk.Actors.Collab;

/// <summary>What a collaboration socket frame says (y-websocket's protocol: y-protocols' sync and awareness messages).</summary>
public abstract record SyncMessage
{
    /// <summary>"Here is what I have" (a state vector): the other side answers with what it lacks.</summary>
    public sealed record Step1(byte[] StateVector) : SyncMessage;

    /// <summary>The answer to <see cref="Step1"/>: an update with what the asker lacked.</summary>
    public sealed record Step2(byte[] Data) : SyncMessage;

    /// <summary>A change made since (a Yjs update).</summary>
    public sealed record Update(byte[] Data) : SyncMessage;

    /// <summary>Who is here and where their cursor is: relayed, never stored. <see cref="Clients"/> are the Yjs client ids it speaks for.</summary>
    public sealed record Awareness(byte[] Data, IReadOnlyList<(ulong Client, ulong Clock, bool Removed)> Clients) : SyncMessage;

    /// <summary>A client asks for everyone's awareness.</summary>
    public sealed record QueryAwareness : SyncMessage;
}

/// <summary>
/// Reads and writes the frames of y-websocket's protocol: a varint message type (0 sync, 1 awareness, 2 auth,
/// 3 query awareness), then for sync a varint step (0 step 1, 1 step 2, 2 update) and a length-prefixed payload
/// (lib0's encoding). Frames come from any browser: anything else is an error, never an exception.
/// </summary>
public static class SyncProtocol
{
    private const int Sync = 0, AwarenessType = 1, Auth = 2, QueryAwarenessType = 3;

    /// <summary>The frame's message, or null when it is not one of the protocol.</summary>
    public static SyncMessage? Read(ReadOnlySpan<byte> frame)
    {
        var reader = new Reader(frame);
        if (!reader.TryVarUint(out var type))
            return null;
        SyncMessage? message = type switch
        {
            Sync when reader.TryVarUint(out var step) && reader.TryBytes(out var payload) => step switch
            {
                0 => new SyncMessage.Step1(payload),
                1 => new SyncMessage.Step2(payload),
                2 => new SyncMessage.Update(payload),
                _ => null,
            },
            AwarenessType when reader.TryBytes(out var payload) && ReadAwareness(payload) is { } clients => new SyncMessage.Awareness(payload, clients),
            QueryAwarenessType => new SyncMessage.QueryAwareness(),
            _ => null,
        };
        return message is not null && reader.AtEnd ? message : null;
    }

    /// <summary>The clients an awareness update speaks for; a state of <c>null</c> means the client went away.</summary>
    private static List<(ulong, ulong, bool)>? ReadAwareness(byte[] payload)
    {
        var reader = new Reader(payload);
        if (!reader.TryVarUint(out var count) || count > (ulong)payload.Length)
            return null;
        var clients = new List<(ulong, ulong, bool)>((int)count);
        for (ulong i = 0; i < count; i++)
        {
            if (!reader.TryVarUint(out var client) || !reader.TryVarUint(out var clock) || !reader.TryBytes(out var state))
                return null;
            clients.Add((client, clock, state.AsSpan().SequenceEqual("null"u8)));
        }
        return reader.AtEnd ? clients : null;
    }

    public static byte[] Step1(byte[] stateVector) => Frame(w => { w.VarUint(Sync); w.VarUint(0); w.Bytes(stateVector); });

    public static byte[] Step2(byte[] update) => Frame(w => { w.VarUint(Sync); w.VarUint(1); w.Bytes(update); });

    public static byte[] Update(byte[] update) => Frame(w => { w.VarUint(Sync); w.VarUint(2); w.Bytes(update); });

    public static byte[] Awareness(byte[] update) => Frame(w => { w.VarUint(AwarenessType); w.Bytes(update); });

    /// <summary>An awareness update saying these clients are gone (their state is <c>null</c>), with their next clocks.</summary>
    public static byte[] AwarenessGone(IEnumerable<(ulong Client, ulong Clock)> clients) => Awareness(Build(w =>
    {
        var list = clients.ToList();
        w.VarUint((ulong)list.Count);
        foreach (var (client, clock) in list)
        {
            w.VarUint(client);
            w.VarUint(clock + 1);
            w.Bytes("null"u8.ToArray());
        }
    }));

    /// <summary>y-websocket's "permission denied" with a reason the client shows or logs.</summary>
    public static byte[] PermissionDenied(string reason) => Frame(w => { w.VarUint(Auth); w.VarUint(0); w.Bytes(Encoding.UTF8.GetBytes(reason)); });

    /// <summary>An update that changes nothing (no structs, no deletions): what a reader's client answers a step 1 with.</summary>
    public static bool IsEmptyUpdate(byte[] update) => update is [0, 0];

    private static byte[] Frame(Action<Writer> write) => Build(write);

    private static byte[] Build(Action<Writer> write)
    {
        var writer = new Writer();
        write(writer);
        return writer.ToArray();
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;

        public readonly bool AtEnd => _at == _data.Length;

        /// <summary>lib0's varUint: 7 bits a byte, low first; more than 53 bits is not a number JavaScript wrote.</summary>
        public bool TryVarUint(out ulong value)
        {
            value = 0;
            for (var shift = 0; shift < 56; shift += 7)
            {
                if (_at >= _data.Length)
                    return false;
                var b = _data[_at++];
                value |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80)
                    return value < 1UL << 53;
            }
            return false;
        }

        public bool TryBytes(out byte[] bytes)
        {
            bytes = [];
            if (!TryVarUint(out var length) || length > (ulong)(_data.Length - _at))
                return false;
            bytes = _data.Slice(_at, (int)length).ToArray();
            _at += (int)length;
            return true;
        }
    }

    private sealed class Writer
    {
        private readonly List<byte> _buffer = [];

        public void VarUint(ulong value)
        {
            while (value >= 0x80)
            {
                _buffer.Add((byte)(value | 0x80));
                value >>= 7;
            }
            _buffer.Add((byte)value);
        }

        public void Bytes(byte[] bytes)
        {
            VarUint((ulong)bytes.Length);
            _buffer.AddRange(bytes);
        }

        public byte[] ToArray() => [.. _buffer];
    }
}
