using OpenTalk.Services.CallIn;
using OpenTalk.Services.Tests.Recorder;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Services.Tests.CallIn;

/// <summary>The room as a caller hears it: real Opus RTP (gst-launch, as Janus forwards it) mixed to 8 kHz.</summary>
public sealed class RoomAudioMixTests
{
    public RoomAudioMixTests() => MediaTools.RequireMediaTools();

    /// <summary>Half the zero crossings per second: the tone's frequency, near enough.</summary>
    private static double Frequency(short[] samples) =>
        samples.Zip(samples.Skip(1)).Count(p => (p.First < 0) != (p.Second < 0)) / 2.0 / (samples.Length / 8000.0);

    private static async Task<short[]> HearAsync(RoomAudioMix mix, TimeSpan length)
    {
        var heard = new List<short>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < length)
        {
            if (mix.NextFrame() is { } frame)
                heard.AddRange(frame);
            else
                await Task.Delay(10);
        }
        return [.. heard];
    }

    [Fact]
    public async Task Two_people_are_heard_together_and_one_who_left_is_not()
    {
        using var low = RtpSender.Start("red", 440);
        using var high = RtpSender.Start("blue", 1200);
        using var mix = RoomAudioMix.Start("127.0.0.1");
        var (alice, bob) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.DoesNotContain(await HearAsync(mix, TimeSpan.FromSeconds(1)), s => Math.Abs((int)s) > 50);
        mix.Add(alice, low.AudioPort);
        await HearAsync(mix, TimeSpan.FromSeconds(1)); // the jitter buffer fills
        var aliceAlone = (await HearAsync(mix, TimeSpan.FromSeconds(1)))[^4000..];
        Assert.InRange(Frequency(aliceAlone), 400, 480);

        mix.Add(bob, high.AudioPort);
        await HearAsync(mix, TimeSpan.FromSeconds(1));
        var both = (await HearAsync(mix, TimeSpan.FromSeconds(1)))[^4000..];
        Assert.True(Frequency(both) > 600, $"Bob's 1200 Hz is not in the mix: {Frequency(both):0} Hz");

        mix.Remove(bob);
        await HearAsync(mix, TimeSpan.FromSeconds(1));
        Assert.InRange(Frequency((await HearAsync(mix, TimeSpan.FromSeconds(1)))[^4000..]), 400, 480);
        Assert.False(mix.Has(bob));
    }
}
