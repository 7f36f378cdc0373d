using OpenTalk.Services.CallIn;

namespace OpenTalk.Services.Tests.CallIn;

/// <summary>The prompts made by the real espeak-ng and ffmpeg.</summary>
public sealed class PromptLibraryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("opentalk-prompts-").FullName;

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public async Task Every_prompt_is_speech_at_8_kHz_and_is_made_only_once(string language)
    {
        var prompts = await PromptLibrary.LoadAsync(_folder, language);

        foreach (var prompt in Enum.GetValues<Prompt>())
        {
            var samples = prompts[prompt];
            var seconds = samples.Length / (double)PromptLibrary.SampleRate;
            Assert.InRange(seconds, 0.4, 15);
            var rms = Math.Sqrt(samples.Average(s => (double)s * s));
            Assert.True(rms > 500, $"{prompt} is nearly silent (rms {rms:0})");
        }
        var made = Directory.GetFiles(_folder).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Assert.Equal(Enum.GetValues<Prompt>().Length, made.Count);

        var again = await PromptLibrary.LoadAsync(_folder, language);
        Assert.Equal(made, Directory.GetFiles(_folder).ToDictionary(f => f, File.GetLastWriteTimeUtc));
        Assert.Equal(prompts[Prompt.Welcome], again[Prompt.Welcome]);
    }

    [Fact]
    public async Task A_language_without_prompts_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PromptLibrary.LoadAsync(_folder, "fr"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
