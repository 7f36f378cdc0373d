using System.Text.Json;

namespace OpenTalk.Collab.Yjs;

/// <summary>What an item holds; the number is the content reference in the low five bits of a struct's info byte.</summary>
internal abstract class Content
{
    public abstract int Ref { get; }

    /// <summary>How many clock ticks (UTF-16 units, array elements) the content spans.</summary>
    public abstract long Length { get; }

    /// <summary>Formatting marks and tombstones take clock ticks but no place in the visible sequence.</summary>
    public virtual bool Countable => true;

    /// <summary>Cuts the content at <paramref name="offset"/>, keeps the left part and returns the right one.</summary>
    public virtual Content Splice(long offset) => throw new YFormatException("Content of length one cannot be split");

    public abstract void Write(Lib0Writer writer, long offset);

    public static Content Read(Lib0Reader reader, int contentRef) => contentRef switch
    {
        1 => new DeletedContent(reader.ReadVarUint()),
        2 => JsonContent.Read(reader),
        3 => new BinaryContent(reader.ReadVarBytes()),
        4 => new StringContent(reader.ReadVarString()),
        5 => new EmbedContent(ReadJson(reader)),
        6 => new FormatContent(reader.ReadVarString(), ReadJson(reader)),
        7 => TypeContent.Read(reader),
        8 => AnyContent.Read(reader),
        9 => new DocContent(reader.ReadVarString(), reader.ReadAnyRaw()),
        _ => throw new YFormatException($"Unknown content type {contentRef}"),
    };

    /// <summary>Yjs parses these strings while decoding; keeping them raw (checked) re-encodes them exactly.</summary>
    public static string ReadJson(Lib0Reader reader)
    {
        var json = reader.ReadVarString();
        CheckJson(json);
        return json;
    }

    public static void CheckJson(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new YFormatException("Invalid JSON in update", e);
        }
    }
}

internal sealed class DeletedContent(long length) : Content
{
    public override int Ref => 1;
    public override long Length => length;
    public override bool Countable => false;

    public override Content Splice(long offset)
    {
        var right = new DeletedContent(length - offset);
        length = offset;
        return right;
    }

    public override void Write(Lib0Writer writer, long offset) => writer.WriteVarUint(length - offset);
}

internal sealed class JsonContent(List<string> values) : Content
{
    public List<string> Values { get; private set; } = values;
    public override int Ref => 2;
    public override long Length => Values.Count;

    public static JsonContent Read(Lib0Reader reader)
    {
        var values = new List<string>();
        for (var n = reader.ReadCount(); n > 0; n--)
        {
            var json = reader.ReadVarString();
            if (json != "undefined") CheckJson(json); // Yjs writes undefined as this bare word
            values.Add(json);
        }
        return new JsonContent(values);
    }

    public override Content Splice(long offset)
    {
        var right = new JsonContent(Values[(int)offset..]);
        Values = Values[..(int)offset];
        return right;
    }

    public override void Write(Lib0Writer writer, long offset)
    {
        writer.WriteVarUint(Values.Count - offset);
        for (var i = (int)offset; i < Values.Count; i++) writer.WriteVarString(Values[i]);
    }
}

internal sealed class BinaryContent(byte[] bytes) : Content
{
    public byte[] Bytes => bytes;
    public override int Ref => 3;
    public override long Length => 1;
    public override void Write(Lib0Writer writer, long offset) => writer.WriteVarBytes(bytes);
}

internal sealed class StringContent(string text) : Content
{
    public string Text { get; private set; } = text;
    public override int Ref => 4;
    public override long Length => Text.Length;

    public override Content Splice(long offset)
    {
        var at = (int)offset;
        var right = new StringContent(Text[at..]);
        Text = Text[..at];
        // A cut between the halves of a surrogate pair would leave both sides unencodable; Yjs
        // replaces each half with U+FFFD and so must we to stay byte-compatible.
        if (char.IsHighSurrogate(Text[at - 1]))
        {
            Text = Text[..(at - 1)] + '\uFFFD';
            right.Text = '\uFFFD' + right.Text[1..];
        }
        return right;
    }

    public override void Write(Lib0Writer writer, long offset) =>
        writer.WriteVarString(offset == 0 ? Text : Text[(int)offset..]);
}

internal sealed class EmbedContent(string json) : Content
{
    public string Json => json;
    public override int Ref => 5;
    public override long Length => 1;
    public override void Write(Lib0Writer writer, long offset) => writer.WriteVarString(json);
}

internal sealed class FormatContent(string key, string json) : Content
{
    public string Key => key;
    public string Json => json;
    public override int Ref => 6;
    public override long Length => 1;
    public override bool Countable => false;

    public override void Write(Lib0Writer writer, long offset)
    {
        writer.WriteVarString(key);
        writer.WriteVarString(json);
    }
}

/// <summary>An embedded shared type: Y.Array 0, Y.Map 1, Y.Text 2, Y.XmlElement 3, Y.XmlFragment 4, Y.XmlHook 5, Y.XmlText 6.</summary>
internal sealed class TypeContent(int typeRef, string? name) : Content
{
    public const int XmlElement = 3;
    public const int XmlHook = 5;
    public const int XmlText = 6;

    public int TypeRef => typeRef;

    /// <summary>The node name of an element or hook.</summary>
    public string? Name => name;

    /// <summary>Set when a document integrates the item.</summary>
    public YType? Type { get; set; }

    public override int Ref => 7;
    public override long Length => 1;

    public static TypeContent Read(Lib0Reader reader)
    {
        var typeRef = reader.ReadVarUint();
        if (typeRef > XmlText) throw new YFormatException($"Unknown shared type {typeRef}");
        var name = typeRef is XmlElement or XmlHook ? reader.ReadVarString() : null;
        return new TypeContent((int)typeRef, name);
    }

    public override void Write(Lib0Writer writer, long offset)
    {
        writer.WriteVarUint(typeRef);
        if (name is not null) writer.WriteVarString(name);
    }
}

internal sealed class AnyContent(List<byte[]> values) : Content
{
    /// <summary>Each value as encoded, so that merging never changes how a number was written.</summary>
    public List<byte[]> Values { get; private set; } = values;
    public override int Ref => 8;
    public override long Length => Values.Count;

    public static AnyContent Read(Lib0Reader reader)
    {
        var values = new List<byte[]>();
        for (var n = reader.ReadCount(); n > 0; n--) values.Add(reader.ReadAnyRaw());
        return new AnyContent(values);
    }

    public override Content Splice(long offset)
    {
        var right = new AnyContent(Values[(int)offset..]);
        Values = Values[..(int)offset];
        return right;
    }

    public override void Write(Lib0Writer writer, long offset)
    {
        writer.WriteVarUint(Values.Count - offset);
        for (var i = (int)offset; i < Values.Count; i++) writer.WriteBytes(Values[i]);
    }
}

internal sealed class DocContent(string guid, byte[] options) : Content
{
    public override int Ref => 9;
    public override long Length => 1;

    public override void Write(Lib0Writer writer, long offset)
    {
        writer.WriteVarString(guid);
        writer.WriteBytes(options);
    }
}
