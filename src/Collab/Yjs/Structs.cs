namespace OpenTalk.Collab.Yjs;

/// <summary>A client's clock: each client numbers the UTF-16 units and elements it inserts from zero.</summary>
internal readonly record struct YId(long Client, long Clock);

/// <summary>A run of consecutive clocks of one client.</summary>
internal abstract class Struct(YId id, long length)
{
    public YId Id { get; set; } = id;
    public long Length { get; set; } = length;
    public long End => Id.Clock + Length;

    public abstract void Write(Lib0Writer writer, long offset);
}

/// <summary>Garbage-collected clocks: deleted content whose place nobody needs any more.</summary>
internal sealed class Gc(YId id, long length) : Struct(id, length)
{
    public override void Write(Lib0Writer writer, long offset)
    {
        writer.WriteByte(0);
        writer.WriteVarUint(Length - offset);
    }
}

/// <summary>Clocks an update does not carry; only merged updates have them, to bridge gaps.</summary>
internal sealed class Skip(YId id, long length) : Struct(id, length)
{
    public override void Write(Lib0Writer writer, long offset)
    {
        writer.WriteByte(10);
        writer.WriteVarUint(Length - offset);
    }
}

internal sealed class Item(YId id, YId? origin, YId? rightOrigin, object? parentRef, string? parentSub, Content content)
    : Struct(id, content.Length)
{
    /// <summary>The item to the left when this one was inserted.</summary>
    public YId? Origin { get; set; } = origin;
    public YId? RightOrigin { get; set; } = rightOrigin;

    /// <summary>As written: a root type's name, the <see cref="YId"/> of the item holding the type, or null when origins imply it.</summary>
    public object? ParentRef { get; } = parentRef;

    /// <summary>The key for map entries; null for sequence content.</summary>
    public string? ParentSub { get; set; } = parentSub;
    public Content Content { get; set; } = content;

    // Set while a document integrates the item.
    public Item? Left { get; set; }
    public Item? Right { get; set; }
    public YType? Parent { get; set; }
    public bool Deleted { get; set; }

    public YId LastId => new(Id.Client, Id.Clock + Length - 1);

    public override void Write(Lib0Writer writer, long offset)
    {
        var origin = offset > 0 ? new YId(Id.Client, Id.Clock + offset - 1) : Origin;
        var info = (byte)(Content.Ref
            | (origin is null ? 0 : 0x80)
            | (RightOrigin is null ? 0 : 0x40)
            | (ParentSub is null ? 0 : 0x20));
        writer.WriteByte(info);
        if (origin is { } o) WriteId(writer, o);
        if (RightOrigin is { } r) WriteId(writer, r);
        if (origin is null && RightOrigin is null)
        {
            switch (ParentRef)
            {
                case string key:
                    writer.WriteVarUint(1);
                    writer.WriteVarString(key);
                    break;
                case YId parent:
                    writer.WriteVarUint(0);
                    WriteId(writer, parent);
                    break;
                default:
                    throw new InvalidOperationException("An item without origins needs its parent");
            }
            if (ParentSub is not null) writer.WriteVarString(ParentSub);
        }
        Content.Write(writer, offset);
    }

    /// <summary>The part from <paramref name="diff"/> on, as a new item whose origin is the clock before it.</summary>
    public Item SliceFrom(long diff) =>
        new(Id with { Clock = Id.Clock + diff }, Id with { Clock = Id.Clock + diff - 1 }, RightOrigin, ParentRef, ParentSub, Content.Splice(diff));

    public static void WriteId(Lib0Writer writer, YId id)
    {
        writer.WriteVarUint(id.Client);
        writer.WriteVarUint(id.Clock);
    }
}
