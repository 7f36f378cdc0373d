namespace OpenTalk.Sip.Rtp;

/// <summary>
/// ITU-T G.711 companding between 16-bit linear PCM and 8-bit μ-law (PCMU) or A-law (PCMA), with the segment
/// arithmetic of the reference implementation; decoding goes through 256-entry tables.
/// </summary>
public static class G711
{
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635;

    private static readonly short[] MuLawTable = BuildTable(DecodeMuLawSlow);
    private static readonly short[] ALawTable = BuildTable(DecodeALawSlow);

    public static byte EncodeMuLaw(short sample)
    {
        int pcm = sample;
        var sign = pcm < 0 ? 0x80 : 0;
        if (pcm < 0)
        {
            pcm = -pcm;
        }
        pcm = Math.Min(pcm, MuLawClip) + MuLawBias;
        var exponent = Segment(pcm >> 7);
        var mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    public static short DecodeMuLaw(byte code) => MuLawTable[code];

    public static byte EncodeALaw(short sample)
    {
        var pcm = sample >> 3; // A-law works on 13 bits
        int mask;
        if (pcm >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        var segment = Segment(pcm >> 4);
        if (pcm >= 0x1000)
        {
            return (byte)(0x7F ^ mask);
        }
        var value = segment << 4;
        value |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
        return (byte)(value ^ mask);
    }

    public static short DecodeALaw(byte code) => ALawTable[code];

    public static void EncodeMuLaw(ReadOnlySpan<short> samples, Span<byte> output)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            output[i] = EncodeMuLaw(samples[i]);
        }
    }

    public static void DecodeMuLaw(ReadOnlySpan<byte> codes, Span<short> output)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            output[i] = MuLawTable[codes[i]];
        }
    }

    public static void EncodeALaw(ReadOnlySpan<short> samples, Span<byte> output)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            output[i] = EncodeALaw(samples[i]);
        }
    }

    public static void DecodeALaw(ReadOnlySpan<byte> codes, Span<short> output)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            output[i] = ALawTable[codes[i]];
        }
    }

    /// <summary>The segment (0-7) of a magnitude already shifted so that segment 0 is 0 or 1.</summary>
    private static int Segment(int shifted)
    {
        var segment = 0;
        while (shifted > 1 && segment < 7)
        {
            shifted >>= 1;
            segment++;
        }
        return segment;
    }

    private static short DecodeMuLawSlow(byte code)
    {
        var u = ~code & 0xFF;
        var t = ((u & 0x0F) << 3) + MuLawBias;
        t <<= (u & 0x70) >> 4;
        return (short)((u & 0x80) != 0 ? MuLawBias - t : t - MuLawBias);
    }

    private static short DecodeALawSlow(byte code)
    {
        var a = code ^ 0x55;
        var t = (a & 0x0F) << 4;
        var segment = (a & 0x70) >> 4;
        t = segment switch
        {
            0 => t + 8,
            1 => t + 0x108,
            _ => (t + 0x108) << (segment - 1),
        };
        return (short)((a & 0x80) != 0 ? t : -t);
    }

    private static short[] BuildTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
        {
            table[i] = decode((byte)i);
        }
        return table;
    }
}
