using OpenTalk.Collab.Yjs;

namespace OpenTalk.Collab.Tests;

public class MalformedUpdateTests
{
    [Fact]
    public void An_update_without_structs_or_deletions_is_empty()
    {
        Assert.True(YUpdate.IsEmpty([0, 0]));
        Assert.False(YUpdate.IsEmpty(RealUpdates.TipTap));
        Assert.False(YUpdate.IsEmpty([0, 1, 1, 1, 0, 1])); // no structs, but client 1 deletes clock 0
        Assert.Equal([0, 0], YUpdate.Merge([]));
    }

    [Fact]
    public void A_varint_beyond_53_bits_is_a_format_error() =>
        Assert.Throws<YFormatException>(() => YUpdate.StateVector([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]));

    [Fact]
    public void A_length_beyond_the_bytes_is_a_format_error_before_allocating()
    {
        // One struct: a string item in root "t" whose length claims about 2^50 bytes.
        byte[] update = [1, 1, 1, 0, 0x04, 1, 1, (byte)'t', 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0];
        Assert.Throws<YFormatException>(() => YDocument.FromUpdate(update));
        Assert.Throws<YFormatException>(() => YUpdate.Merge([update]));
    }

    [Fact]
    public void Deeply_nested_values_are_a_format_error_not_a_stack_overflow()
    {
        var writer = new Lib0Writer();
        writer.WriteBytes([1, 1, 1, 0, 0x08, 1, 1, (byte)'m', 1]);
        for (var i = 0; i < 100_000; i++) writer.WriteBytes([117, 1]);
        writer.WriteBytes([126, 0]);
        var update = writer.ToArray();
        Assert.Throws<YFormatException>(() => YDocument.FromUpdate(update));
        Assert.Throws<YFormatException>(() => YUpdate.Merge([update, update]));
    }

    [Fact]
    public void Deeply_nested_elements_are_a_format_error_on_reading_not_a_stack_overflow()
    {
        const int depth = 50_000;
        var writer = new Lib0Writer();
        writer.WriteBytes([1]);
        writer.WriteVarUint(depth);
        writer.WriteBytes([1, 0]);
        for (var i = 0; i < depth; i++)
        {
            writer.WriteByte(0x07);
            if (i == 0)
            {
                writer.WriteBytes([1, 1, (byte)'p']);
            }
            else
            {
                writer.WriteBytes([0, 1]);
                writer.WriteVarUint(i - 1);
            }
            writer.WriteBytes([3, 1, (byte)'e']);
        }
        writer.WriteBytes([1, 1, 1, 0, 1]); // and delete the outermost element, with all inside it
        var update = writer.ToArray();

        var doc = YDocument.FromUpdate(update);
        Assert.Empty(doc.XmlFragment("p"));
        var undeleted = update[..^5].Concat(new byte[] { 0 }).ToArray();
        Assert.Throws<YFormatException>(() => YDocument.FromUpdate(undeleted).XmlFragment("p"));
    }

    [Fact]
    public void A_struct_referring_to_a_missing_client_is_left_out()
    {
        // Client 2 inserts after client 1's clock 5, which the update does not hold.
        byte[] update = [1, 1, 2, 0, 0x84, 1, 5, 1, (byte)'x', 0];
        Assert.Equal("", YDocument.FromUpdate(update).Text("t"));
        Assert.Equal([1, 2, 1], YUpdate.StateVector(update));
    }

    [Fact]
    public void Splitting_a_surrogate_pair_replaces_both_halves_as_Yjs_does()
    {
        // "😀" by client 1, then the second half of it deleted.
        var writer = new Lib0Writer();
        writer.WriteBytes([1, 1, 1, 0, 0x04, 1, 1, (byte)'t']);
        writer.WriteVarString("😀");
        writer.WriteBytes([1, 1, 1, 1, 1]);
        Assert.Equal("\uFFFD", YDocument.FromUpdate(writer.ToArray()).Text("t"));
    }
}
