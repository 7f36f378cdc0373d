using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OpenTalk.Host.Collab;

/// <summary>A piece of text in one style.</summary>
public sealed record TextSpan(string Text, bool Bold = false, bool Italic = false);

/// <summary>
/// Writes flowing text into an A4 PDF: paragraphs wrapped at word boundaries across styled spans, with indentation and a
/// prefix (list bullets), new pages as needed. Just what notes and reports need; no tables beyond aligned columns.
/// </summary>
public sealed class PdfText : IDisposable
{
    private const double Margin = 56;
    private readonly PdfDocument _document = new();
    private readonly Dictionary<(double, bool, bool), XFont> _fonts = [];
    private XGraphics _page = null!;
    private double _y;
    private double _width;
    private double _bottom;

    public PdfText(string title)
    {
        PdfFonts.EnsureInstalled();
        _document.Info.Title = title;
        _document.Info.Creator = "OpenTalk.NET";
        NewPage();
    }

    private XFont Font(double size, bool bold, bool italic)
    {
        if (!_fonts.TryGetValue((size, bold, italic), out var font))
        {
            var style = (bold ? XFontStyleEx.Bold : 0) | (italic ? XFontStyleEx.Italic : 0);
            _fonts[(size, bold, italic)] = font = new XFont(PdfFonts.Family, size, style);
        }
        return font;
    }

    private void NewPage()
    {
        _page?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _page = XGraphics.FromPdfPage(page);
        _width = page.Width.Point - 2 * Margin;
        _bottom = page.Height.Point - Margin;
        _y = Margin;
    }

    /// <summary>Space before the next paragraph.</summary>
    public void Gap(double points) => _y += points;

    /// <summary>A paragraph of <paramref name="spans"/>, wrapped; <paramref name="prefix"/> (a bullet, "3.") hangs in the indent.</summary>
    public void Paragraph(IReadOnlyList<TextSpan> spans, double size = 11, double indent = 0, string? prefix = null, bool bold = false)
    {
        var lineHeight = size * 1.35;
        var left = Margin + indent;
        var width = _width - indent;
        var words = Words(spans, bold).ToList();
        if (words.Count == 0)
        {
            _y += lineHeight;
            return;
        }
        var first = true;
        var line = new List<(string Text, XFont Font, double Width)>();
        double used = 0;
        var space = _page.MeasureString(" ", Font(size, false, false)).Width;
        foreach (var (word, wordBold, italic, breakBefore) in words)
        {
            var text = word;
            var font = Font(size, wordBold, italic);
            var w = _page.MeasureString(text, font).Width;
            if (line.Count > 0 && (breakBefore || used + space + w > width))
            {
                Flush(line, left, lineHeight, first ? prefix : null, size);
                first = false;
                line.Clear();
                used = 0;
            }
            // A word wider than the line (a long link) is cut where it no longer fits.
            while (w > width && text.Length > 1)
            {
                // The longest head that fits, found by halving (a pasted string of a million letters is one "word").
                var (fits, tooLong) = (1, text.Length);
                while (tooLong - fits > 1)
                {
                    var middle = (fits + tooLong) / 2;
                    if (_page.MeasureString(text[..middle], font).Width > width)
                        tooLong = middle;
                    else
                        fits = middle;
                }
                var cut = fits;
                line.Add((text[..cut], font, 0));
                Flush(line, left, lineHeight, first ? prefix : null, size);
                first = false;
                line.Clear();
                text = text[cut..];
                w = _page.MeasureString(text, font).Width;
            }
            line.Add((text, font, w));
            used += (line.Count > 1 ? space : 0) + w;
        }
        Flush(line, left, lineHeight, first ? prefix : null, size);
    }

    private void Flush(List<(string Text, XFont Font, double Width)> line, double left, double lineHeight, string? prefix, double size)
    {
        if (_y + lineHeight > _bottom)
            NewPage();
        var baseline = _y + lineHeight * 0.8;
        if (prefix is not null)
        {
            var font = Font(size, false, false);
            _page.DrawString(prefix, font, XBrushes.Black, left - _page.MeasureString(prefix + " ", font).Width, baseline);
        }
        var x = left;
        foreach (var (text, font, _) in line)
        {
            _page.DrawString(text, font, XBrushes.Black, x, baseline);
            x += _page.MeasureString(text + " ", font).Width;
        }
        _y += lineHeight;
    }

    /// <summary>
    /// A row of a table: each cell in its column (<paramref name="columns"/>: shares of the width, in order), wrapped
    /// within it; the row is as tall as its tallest cell and moves to a new page whole.
    /// </summary>
    public void Row(IReadOnlyList<string> cells, IReadOnlyList<double> columns, double size = 10, bool bold = false)
    {
        var lineHeight = size * 1.35;
        var font = Font(size, bold, false);
        var lines = cells.Select((cell, i) => Wrap(cell, _width * columns[i] - 6, font)).ToList();
        var height = lines.Max(l => Math.Max(1, l.Count)) * lineHeight;
        if (_y + height > _bottom)
            NewPage();
        var x = Margin;
        for (var i = 0; i < lines.Count; i++)
        {
            for (var line = 0; line < lines[i].Count; line++)
                _page.DrawString(lines[i][line], font, XBrushes.Black, x, _y + line * lineHeight + lineHeight * 0.8);
            x += _width * columns[i];
        }
        _y += height;
    }

    /// <summary>Text cut into lines no wider than <paramref name="width"/>: at spaces, else (an e-mail address) where it no longer fits.</summary>
    private List<string> Wrap(string text, double width, XFont font)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (_page.MeasureString(candidate, font).Width <= width)
            {
                line = candidate;
                continue;
            }
            if (line.Length > 0)
                lines.Add(line);
            line = word;
            while (line.Length > 1 && _page.MeasureString(line, font).Width > width)
            {
                var cut = line.Length - 1;
                while (cut > 1 && _page.MeasureString(line[..cut], font).Width > width)
                    cut--;
                lines.Add(line[..cut]);
                line = line[cut..];
            }
        }
        if (line.Length > 0)
            lines.Add(line);
        return lines;
    }

    private static IEnumerable<(string Text, bool Bold, bool Italic, bool BreakBefore)> Words(IReadOnlyList<TextSpan> spans, bool bold)
    {
        var breakNext = false;
        foreach (var span in spans)
        {
            var lines = span.Text.Replace("\r", "").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                    breakNext = true;
                foreach (var word in lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return (word, bold || span.Bold, span.Italic, breakNext);
                    breakNext = false;
                }
            }
        }
    }

    public byte[] ToArray()
    {
        _page.Dispose();
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _page?.Dispose();
        _document.Dispose();
    }
}
