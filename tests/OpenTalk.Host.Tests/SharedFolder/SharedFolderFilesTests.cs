using System.Globalization;
using System.Text;
using CsCheck;
using OpenTalk.Host.Apis;

namespace OpenTalk.Host.Tests.SharedFolder;

/// <summary>
/// The shared folder's file names and type sniffing over arbitrary input: a sanitised name is always one a download
/// header and a file system can carry, and no program passes under any name.
/// </summary>
public sealed class SharedFolderFilesTests
{
    private static readonly string[] Extensions = [".pdf", ".png", ".jpg", ".gif", ".webp", ".docx", ".xlsx", ".odt", ".doc", ".zip", ".txt", ".csv", ".md", ".exe", ".html", ""];

    // Names as browsers and attackers send them: paths, controls, bidi overrides, lone surrogates, dots, long runs.
    private static readonly Gen<string> Names = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 400].Select(c => new string(c)),
        Gen.Select(Gen.OneOf("", "../", "C:\\Users\\x\\", "/etc/", " ", ".", "\u202E", "\0", "\ud800", "a/b\\c"),
            Gen.String[Gen.Char.AlphaNumeric, 0, 300], Gen.OneOf(Extensions), Gen.OneOf("", " ", ".", "\r\n", "\u200B"),
            (a, b, ext, tail) => a + b + ext + tail));

    [Fact]
    public void A_sanitised_name_is_a_plain_short_name_and_sanitising_again_changes_nothing()
    {
        Names.Sample(raw =>
        {
            if (SharedFolderFiles.Sanitize(raw) is not { } name)
                return;
            Assert.InRange(name.Length, 1, SharedFolderFiles.MaxFilenameLength);
            Assert.Null(RecordingUpload.CheckFilename(name));
            Assert.DoesNotContain(name, c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format);
            Assert.True(name.Normalize(NormalizationForm.FormC) == name);
            // Encodes as UTF-8 without loss (no lone surrogates): what Content-Disposition's filename* carries.
            Assert.Equal(name, Encoding.UTF8.GetString(new UTF8Encoding(false, true).GetBytes(name)));
            Assert.False(name.All(c => c == '.'));
            Assert.Equal(name, SharedFolderFiles.Sanitize(name));
        }, iter: 20_000);
    }

    [Fact]
    public void A_long_name_keeps_its_extension_and_a_plain_name_is_kept_as_it_is()
    {
        Assert.EndsWith(".pdf", SharedFolderFiles.Sanitize(new string('a', 1000) + ".pdf"));
        Assert.Equal("Protokoll 2026-11-25 (endgültig).docx", SharedFolderFiles.Sanitize("C:\\fakepath\\Protokoll 2026-11-25 (endgültig).docx"));
        Assert.Equal("invoicefdp.exe", SharedFolderFiles.Sanitize("invoice\u202Efdp.exe"));
        Assert.Null(SharedFolderFiles.Sanitize("../.."));
    }

    private static readonly (string Extension, byte[] Head)[] Good =
    [
        (".pdf", "%PDF-1.7"u8.ToArray()), (".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), (".jpg", [0xFF, 0xD8, 0xFF, 0xE0]),
        (".gif", "GIF89a"u8.ToArray()), (".webp", "RIFF\0\0\0\0WEBPVP8 "u8.ToArray()), (".docx", [0x50, 0x4B, 0x03, 0x04]), (".zip", [0x50, 0x4B, 0x03, 0x04]),
        (".xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), (".txt", "Hello, Grüße"u8.ToArray()),
    ];

    private static readonly byte[][] Programs =
        [[.. "MZ"u8], [0x7F, 0x45, 0x4C, 0x46], [.. "#!"u8], [0xCF, 0xFA, 0xED, 0xFE], [0xFE, 0xED, 0xFA, 0xCE], [0xCA, 0xFE, 0xBA, 0xBE]];

    [Fact]
    public void A_file_is_taken_when_its_first_bytes_match_its_name_and_a_program_never_is()
    {
        Gen.Select(Gen.Int[0, Good.Length - 1], Gen.Byte.Array[0, 600], Gen.OneOf(Extensions), Gen.Int[0, Programs.Length - 1])
            .Sample((good, tail, extension, program) =>
            {
                var (ext, head) = Good[good];
                var content = head.Concat(ext == ".txt" ? tail.Select(b => (byte)(b % 95 + 32)) : tail).ToArray();
                Assert.True(SharedFolderFiles.Matches("file" + ext, content.AsSpan(0, Math.Min(content.Length, SharedFolderFiles.SniffBytes)), false));
                // A program, whatever it is called and whatever follows its header.
                var binary = Programs[program].Concat(tail).ToArray();
                Assert.False(SharedFolderFiles.Matches("file" + extension, binary, complete: true));
                // Random bytes pass only as what they happen to start like.
                if (SharedFolderFiles.Matches("file" + extension, tail, complete: true))
                    Assert.True(extension is ".txt" or ".csv" or ".md" || Good.Any(g => g.Extension == extension && tail.AsSpan().StartsWith(g.Head.AsSpan(0, 2))),
                        $"{Convert.ToHexString(tail)} passed as {extension}");
            }, iter: 20_000);
    }

    [Fact]
    public void Text_cut_inside_a_character_is_still_text_but_not_at_its_end()
    {
        var text = Encoding.UTF8.GetBytes("Grüße ✓");
        Assert.True(SharedFolderFiles.Matches("a.txt", text.AsSpan(0, text.Length - 1), complete: false));
        Assert.False(SharedFolderFiles.Matches("a.txt", text.AsSpan(0, text.Length - 1), complete: true));
    }
}
