using System.Buffers.Binary;
using OpenTalk.Services.Recorder.Gst;

namespace OpenTalk.Services.Recorder;

/// <summary>One FLV tag (or the FLV file header) as flvmux hands it out, with the buffer's flags.</summary>
internal sealed record FlvChunk(byte[] Data, uint Flags)
{
    public const int AudioTag = 8, VideoTag = 9;

    public bool IsHeader => (Flags & GstConst.BufferFlagHeader) != 0;

    public bool IsDelta => (Flags & GstConst.BufferFlagDeltaUnit) != 0;

    /// <summary>8 audio, 9 video, 18 script data; 0 for the "FLV" file header.</summary>
    public int TagType => Data.Length > 0 && Data[0] != (byte)'F' ? Data[0] & 0x1f : 0;

    /// <summary>Where a target may start. flvmux flags no audio tag as a delta unit, so "not a delta" alone could
    /// start a target on an audio tag.</summary>
    public bool IsVideoKeyframe => TagType == VideoTag && !IsHeader && !IsDelta;

    /// <summary>Tag header: type(1) size(3) timestamp(3, big endian) timestamp-extended(1, bits 24-31) stream(3).</summary>
    public static uint Timestamp(ReadOnlySpan<byte> tag) => (uint)tag[7] << 24 | (uint)BinaryPrimitives.ReadUInt16BigEndian(tag[4..]) << 8 | tag[6];

    public static void SetTimestamp(Span<byte> tag, uint milliseconds)
    {
        tag[4] = (byte)(milliseconds >> 16);
        tag[5] = (byte)(milliseconds >> 8);
        tag[6] = (byte)milliseconds;
        tag[7] = (byte)(milliseconds >> 24);
    }

    /// <summary>A copy with the timestamp moved back by <paramref name="offset"/> ms: rtmp2sink sends tag timestamps
    /// as they are, and a target joining at minute 8 would otherwise claim to start there.</summary>
    public byte[] Rebased(uint offset)
    {
        if (TagType == 0 || offset == 0) return Data;
        var copy = (byte[])Data.Clone(); // the chunk is shared by all targets
        var ts = Timestamp(copy);
        SetTimestamp(copy, ts > offset ? ts - offset : 0);
        return copy;
    }
}
