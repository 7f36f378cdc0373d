using PdfSharp.Fonts;

namespace OpenTalk.Host.Collab;

/// <summary>
/// The fonts of our PDFs: DejaVu Sans (Debian's fonts-dejavu-core, which <c>./run</c> installs), which has the letters of
/// every European language and more. PDFsharp finds no fonts of its own outside Windows.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Folder = "/usr/share/fonts/truetype/dejavu";
    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PdfFonts)
                GlobalFontSettings.FontResolver = new PdfFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        });

    public byte[]? GetFont(string faceName)
    {
        var path = Path.Combine(Folder, faceName + ".ttf");
        return File.Exists(path) ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"The font {faceName} is missing: install Debian's fonts-dejavu-core.", path);
    }
}
