using OpenTalk.Sip.Rtp;

namespace OpenTalk.Sip.Tests.Rtp;

public sealed class G711Tests
{
    [Fact]
    public void Reference_values_of_both_laws()
    {
        Assert.Equal(0, G711.DecodeMuLaw(0xFF));
        Assert.Equal(0xFF, G711.EncodeMuLaw(0));
        Assert.Equal(8, G711.DecodeALaw(0xD5));
        Assert.Equal(0xD5, G711.EncodeALaw(8));
        Assert.Equal(0xD5, G711.EncodeALaw(0));
        Assert.Equal(-8, G711.DecodeALaw(0x55));
        Assert.Equal(-32124, G711.DecodeMuLaw(0x00)); // the loudest negative μ-law code
        Assert.Equal(32124, G711.DecodeMuLaw(0x80));
        Assert.Equal(-32256, G711.DecodeALaw(0x2A)); // the loudest negative A-law code
        Assert.Equal(32256, G711.DecodeALaw(0xAA));
    }

    [Fact]
    public void Decoding_an_encoded_sample_comes_close_over_the_whole_16_bit_range()
    {
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            var sample = (short)x;
            var allowed = Math.Max(16, Math.Abs(x) / 16) + 1;
            Assert.InRange(G711.DecodeMuLaw(G711.EncodeMuLaw(sample)) - x, -Math.Max(allowed, Math.Abs(x) - 32124 + allowed), Math.Max(allowed, x - 32124 + allowed));
            Assert.InRange(G711.DecodeALaw(G711.EncodeALaw(sample)) - x, -Math.Max(allowed, Math.Abs(x) - 32256 + allowed), Math.Max(allowed, x - 32256 + allowed));
        }
    }

    [Fact]
    public void Every_code_decodes_to_a_value_that_encodes_to_the_same_value()
    {
        for (var code = 0; code < 256; code++)
        {
            var mu = G711.DecodeMuLaw((byte)code);
            Assert.Equal(mu, G711.DecodeMuLaw(G711.EncodeMuLaw(mu)));
            var a = G711.DecodeALaw((byte)code);
            Assert.Equal((byte)code, G711.EncodeALaw(a));
        }
    }

    [Fact]
    public void Encoding_is_monotonic_in_the_decoded_value()
    {
        var previousMu = short.MinValue;
        var previousA = short.MinValue;
        for (int x = short.MinValue; x <= short.MaxValue; x += 7)
        {
            var mu = G711.DecodeMuLaw(G711.EncodeMuLaw((short)x));
            var a = G711.DecodeALaw(G711.EncodeALaw((short)x));
            Assert.True(mu >= previousMu && a >= previousA, $"at {x}");
            (previousMu, previousA) = (mu, a);
        }
    }

    [Fact]
    public void Buffers_are_coded_sample_by_sample()
    {
        short[] samples = [0, 1000, -1000, 32767, -32768];
        var codes = new byte[samples.Length];
        var back = new short[samples.Length];
        G711.EncodeALaw(samples, codes);
        G711.DecodeALaw(codes, back);
        Assert.Equal(samples.Select(s => G711.DecodeALaw(G711.EncodeALaw(s))), back);
        G711.EncodeMuLaw(samples, codes);
        G711.DecodeMuLaw(codes, back);
        Assert.Equal(samples.Select(s => G711.DecodeMuLaw(G711.EncodeMuLaw(s))), back);
    }
}
