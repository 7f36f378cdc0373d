using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace OpenTalk.Services.CallIn;

/// <summary>
/// The spoken prompts as 8 kHz 16-bit samples, ready to be encoded for a call. They are made once with
/// <c>espeak-ng</c> (and resampled by <c>ffmpeg</c>) and kept in a folder, named by a hash of voice and words: changed
/// words make a new file, and a gateway starting again reads the files it made before.
/// </summary>
public sealed class PromptLibrary
{
    public const int SampleRate = 8000;

    private readonly Dictionary<Prompt, short[]> _samples;

    private PromptLibrary(Dictionary<Prompt, short[]> samples) => _samples = samples;

    public short[] this[Prompt prompt] => _samples[prompt];

    public static async Task<PromptLibrary> LoadAsync(string folder, string language, CancellationToken ct = default)
    {
        if (!PromptTexts.Languages.Contains(language))
            throw new ArgumentException($"Prompts are spoken in {string.Join(" or ", PromptTexts.Languages)}, not '{language}'.", nameof(language));
        Directory.CreateDirectory(folder);
        var samples = new Dictionary<Prompt, short[]>();
        foreach (var prompt in Enum.GetValues<Prompt>())
        {
            var text = PromptTexts.Of(prompt, language);
            var file = Path.Combine(folder, $"{language}-{prompt}-{Hash(language + "\n" + text)}.s16");
            if (!File.Exists(file))
                await MakeAsync(text, language, file, ct);
            var bytes = await File.ReadAllBytesAsync(file, ct);
            var pcm = new short[bytes.Length / 2];
            Buffer.BlockCopy(bytes, 0, pcm, 0, pcm.Length * 2);
            samples[prompt] = pcm;
        }
        return new PromptLibrary(samples);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    /// <summary>espeak-ng speaks at 22.05 kHz; ffmpeg resamples (with its low-pass filter) to the telephone's 8 kHz.</summary>
    private static async Task MakeAsync(string text, string language, string file, CancellationToken ct)
    {
        var wav = file + ".wav";
        var partial = file + ".part";
        try
        {
            await RunAsync("espeak-ng", ["-v", language, "-s", "150", "-w", wav, text], ct);
            await RunAsync("ffmpeg", ["-v", "error", "-y", "-i", wav, "-ar", $"{SampleRate}", "-ac", "1", "-f", "s16le", partial], ct);
            File.Move(partial, file, overwrite: true); // whole or not there: a crash leaves no half prompt
        }
        finally
        {
            File.Delete(wav);
            File.Delete(partial);
        }
    }

    private static async Task RunAsync(string program, string[] arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is needed to make the call-in prompts (Debian: apt-get install {(program == "ffmpeg" ? "ffmpeg" : "espeak-ng")}).", e);
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await errors}");
        }
    }
}
