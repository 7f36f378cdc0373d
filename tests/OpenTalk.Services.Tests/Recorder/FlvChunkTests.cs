using OpenTalk.Services.Recorder;
using OpenTalk.Services.Recorder.Gst;

namespace OpenTalk.Services.Tests.Recorder;

public sealed class FlvChunkTests
{
    /// <summary>An FLV video tag header with an extended timestamp byte, then frame type/codec byte.</summary>
    private static byte[] VideoTag(uint ms) => [9, 0, 0, 5, (byte)(ms >> 16), (byte)(ms >> 8), (byte)ms, (byte)(ms >> 24), 0, 0, 0, 0x17, 1];

    [Fact]
    public void Timestamps_use_the_extended_byte_as_the_high_bits()
    {
        var tag = VideoTag(0x12345678);
        Assert.Equal(0x12345678u, FlvChunk.Timestamp(tag));
    }

    [Fact]
    public void Rebasing_copies_the_tag_and_never_goes_below_zero()
    {
        var chunk = new FlvChunk(VideoTag(20_000), 0);
        var rebased = chunk.Rebased(8_000);
        Assert.Equal(12_000u, FlvChunk.Timestamp(rebased));
        Assert.Equal(20_000u, FlvChunk.Timestamp(chunk.Data));
        Assert.Equal(0u, FlvChunk.Timestamp(new FlvChunk(VideoTag(5), 0).Rebased(8_000)));
    }

    [Fact]
    public void Targets_start_on_video_keyframes_only()
    {
        Assert.True(new FlvChunk(VideoTag(1), 0).IsVideoKeyframe);
        Assert.False(new FlvChunk(VideoTag(1), GstConst.BufferFlagDeltaUnit).IsVideoKeyframe);
        Assert.False(new FlvChunk(VideoTag(1), GstConst.BufferFlagHeader).IsVideoKeyframe);
        var audio = VideoTag(1);
        audio[0] = 8; // flvmux flags no audio tag as a delta unit
        Assert.False(new FlvChunk(audio, 0).IsVideoKeyframe);
        Assert.Equal(0, new FlvChunk("FLV\x01"u8.ToArray(), GstConst.BufferFlagHeader).TagType);
    }
}
