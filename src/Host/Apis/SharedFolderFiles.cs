using System.Globalization;
using System.Text;

namespace OpenTalk.Host.Apis;

/// <summary>
/// What the shared folder takes: documents, images, text and archives people pass round in a meeting, known by their
/// extension and, where a type has one, by their first bytes. Nothing that runs (programs, scripts, web pages) is taken,
/// whatever its name says; files are served as attachments anyway, never shown inline.
/// </summary>
public static class SharedFolderFiles
{
    public const int MaxFilenameLength = 255;

    /// <summary>How many first bytes are read to know a file's type.</summary>
    public const int SniffBytes = 512;

    private enum Content { Pdf, Png, Jpeg, Gif, Webp, Zip, Ole, Text }

    private sealed record FileType(string ContentType, Content Content);

    private static readonly Dictionary<string, FileType> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new("application/pdf", Content.Pdf),
        [".png"] = new("image/png", Content.Png),
        [".jpg"] = new("image/jpeg", Content.Jpeg),
        [".jpeg"] = new("image/jpeg", Content.Jpeg),
        [".gif"] = new("image/gif", Content.Gif),
        [".webp"] = new("image/webp", Content.Webp),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Content.Zip),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Content.Zip),
        [".pptx"] = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", Content.Zip),
        [".odt"] = new("application/vnd.oasis.opendocument.text", Content.Zip),
        [".ods"] = new("application/vnd.oasis.opendocument.spreadsheet", Content.Zip),
        [".odp"] = new("application/vnd.oasis.opendocument.presentation", Content.Zip),
        [".doc"] = new("application/msword", Content.Ole),
        [".xls"] = new("application/vnd.ms-excel", Content.Ole),
        [".ppt"] = new("application/vnd.ms-powerpoint", Content.Ole),
        [".zip"] = new("application/zip", Content.Zip),
        [".txt"] = new("text/plain; charset=utf-8", Content.Text),
        [".csv"] = new("text/csv; charset=utf-8", Content.Text),
        [".md"] = new("text/markdown; charset=utf-8", Content.Text),
    };

    /// <summary>The sentence every refusal of a type ends with.</summary>
    public static string Allowed { get; } =
        $"The shared folder takes PDF, images (PNG, JPEG, GIF, WebP), office documents (Word, Excel, PowerPoint, OpenDocument), "
        + $"text (.txt, .csv, .md) and ZIP archives: {string.Join(", ", ByExtension.Keys)}.";

    /// <summary>Every content type a file may be served with (for the API description).</summary>
    public static string[] ContentTypes { get; } = [.. ByExtension.Values.Select(t => t.ContentType).Distinct()];

    /// <summary>The content type of a file of the folder (its extension was checked against its content when it came).</summary>
    public static string ContentTypeOf(string filename) =>
        ByExtension.GetValueOrDefault(Path.GetExtension(filename))?.ContentType ?? AssetContentTypes.Bytes;

    public static bool IsAllowedName(string filename) => ByExtension.ContainsKey(Path.GetExtension(filename));

    /// <summary>
    /// A name fit to show and to send back in downloads, from what a browser or person gave: the last part of a path,
    /// without control or invisible formatting characters (a right-to-left override hides an extension), trimmed, in NFC,
    /// at most <see cref="MaxFilenameLength"/> characters with the extension kept. Null when nothing usable is left.
    /// </summary>
    public static string? Sanitize(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return null;
        var last = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(last.Length);
        for (var i = 0; i < last.Length; i++)
        {
            var c = last[i];
            if (char.IsHighSurrogate(c) && i + 1 < last.Length && char.IsLowSurrogate(last[i + 1]))
            {
                kept.Append(c).Append(last[++i]);
                continue;
            }
            if (char.IsSurrogate(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
                    or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned)
                continue;
            kept.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }
        var clean = kept.ToString().Normalize(NormalizationForm.FormC).Trim().TrimEnd('.').Trim();
        if (clean.Length > MaxFilenameLength)
        {
            var extension = Path.GetExtension(clean);
            if (extension.Length > 16)
                extension = "";
            var stem = clean[..(MaxFilenameLength - extension.Length)];
            if (char.IsHighSurrogate(stem[^1]))
                stem = stem[..^1];
            clean = stem.TrimEnd() + extension;
        }
        return clean.Length == 0 || clean.All(c => c == '.') ? null : clean;
    }

    /// <summary>
    /// Whether a file's first bytes are what its name says (a PDF starts with <c>%PDF-</c>, text is UTF-8 without NUL
    /// bytes). Programs and scripts are refused under any name. <paramref name="complete"/>: the bytes are the whole file.
    /// </summary>
    public static bool Matches(string filename, ReadOnlySpan<byte> head, bool complete)
    {
        if (ByExtension.GetValueOrDefault(Path.GetExtension(filename)) is not { } type || IsExecutable(head))
            return false;
        return type.Content switch
        {
            Content.Pdf => head.StartsWith("%PDF-"u8),
            Content.Png => Starts(head, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            Content.Jpeg => Starts(head, [0xFF, 0xD8, 0xFF]),
            Content.Gif => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8),
            Content.Webp => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
            Content.Zip => Starts(head, [0x50, 0x4B, 0x03, 0x04]) || Starts(head, [0x50, 0x4B, 0x05, 0x06]),
            Content.Ole => Starts(head, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
            Content.Text => IsText(head, complete),
            _ => false,
        };
    }

    // Windows (MZ), ELF, Mach-O (both byte orders, 32/64 bit and universal), and scripts with a #! line.
    private static bool IsExecutable(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8) || Starts(head, [0x7F, 0x45, 0x4C, 0x46]) || head.StartsWith("#!"u8)
        || Starts(head, [0xFE, 0xED, 0xFA, 0xCE]) || Starts(head, [0xFE, 0xED, 0xFA, 0xCF])
        || Starts(head, [0xCE, 0xFA, 0xED, 0xFE]) || Starts(head, [0xCF, 0xFA, 0xED, 0xFE]) || Starts(head, [0xCA, 0xFE, 0xBA, 0xBE]);

    private static bool Starts(ReadOnlySpan<byte> head, ReadOnlySpan<byte> magic) => head.StartsWith(magic);

    private static bool IsText(ReadOnlySpan<byte> head, bool complete)
    {
        if (head.Contains((byte)0))
            return false;
        // The head may end inside a character: up to three bytes of it are left for the rest of the file.
        for (var cut = 0; cut <= (complete ? 0 : Math.Min(3, head.Length)); cut++)
        {
            if (System.Text.Unicode.Utf8.IsValid(head[..^cut]))
                return true;
        }
        return false;
    }
}
