using System.Globalization;
using System.Text.Json.Nodes;
using OpenTalk.Collab.Yjs;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OpenTalk.Host.Collab;

/// <summary>
/// The whiteboard as a PDF page: Excalidraw's elements (kept in the Yjs map <c>elements</c>, one JSON object each)
/// drawn to scale on a landscape A4 page: rectangles, ellipses, diamonds, lines, arrows, free-hand strokes and text,
/// in their colours. Excalidraw's hand-drawn look is not imitated; what is where is.
/// </summary>
public static class WhiteboardPdf
{
    public const string Map = "elements";
    private const double Margin = 36;

    /// <summary>Coordinates beyond this are no drawing a person made (Excalidraw's canvas is large, not that large).</summary>
    private const double Far = 1_000_000;

    /// <summary>Points of one stroke drawn at most: a long free-hand line has a few thousand.</summary>
    private const int MaxPoints = 20_000;

    public static byte[] Render(byte[] content, string title)
    {
        PdfFonts.EnsureInstalled();
        var elements = Shown(YDocument.FromUpdate(content))
            .Where(e => e["type"] is JsonValue && Bounds(e) is var b && Math.Abs(b.X) < Far && Math.Abs(b.Y) < Far && b.Width < Far && b.Height < Far)
            .OrderBy(e => e["index"]?.ToString() ?? "", StringComparer.Ordinal)
            .ToList();
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "OpenTalk.NET";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        page.Orientation = PdfSharp.PageOrientation.Landscape;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            gfx.DrawString(title, new XFont(PdfFonts.Family, 10), XBrushes.Gray, Margin, Margin - 12);
            if (elements.Count > 0)
                Draw(gfx, elements, page.Width.Point, page.Height.Point);
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>The elements the board shows: not deleted (whatever a browser wrote in <c>isDeleted</c>).</summary>
    private static IEnumerable<JsonObject> Shown(YDocument board) =>
        board.Map(Map).Values.OfType<JsonObject>().Where(e => !(e["isDeleted"] is JsonValue deleted && deleted.TryGetValue<bool>(out var yes) && yes));

    private static void Draw(XGraphics gfx, List<JsonObject> elements, double pageWidth, double pageHeight)
    {
        var bounds = elements.Select(Bounds).ToList();
        var (minX, minY) = (bounds.Min(b => b.X), bounds.Min(b => b.Y));
        var (maxX, maxY) = (bounds.Max(b => b.X + b.Width), bounds.Max(b => b.Y + b.Height));
        var scale = Math.Min((pageWidth - 2 * Margin) / Math.Max(maxX - minX, 1), (pageHeight - 2 * Margin) / Math.Max(maxY - minY, 1));
        scale = Math.Min(scale, 2);
        gfx.TranslateTransform(Margin, Margin);
        gfx.ScaleTransform(scale);
        gfx.TranslateTransform(-minX, -minY);
        foreach (var element in elements)
            DrawElement(gfx, element);
    }

    private static void DrawElement(XGraphics gfx, JsonObject e)
    {
        var (x, y, w, h) = (Number(e, "x") ?? 0, Number(e, "y") ?? 0, Number(e, "width") ?? 0, Number(e, "height") ?? 0);
        var pen = new XPen(Colour(e["strokeColor"]?.ToString()) ?? XColors.Black, Math.Clamp(Number(e, "strokeWidth") ?? 1, 0.5, 50));
        var fill = Colour(e["backgroundColor"]?.ToString()) is { } background ? new XSolidBrush(background) : null;
        switch (e["type"]!.ToString())
        {
            case "rectangle" or "frame" or "image" or "embeddable":
                if (fill is null)
                    gfx.DrawRectangle(pen, x, y, w, h);
                else
                    gfx.DrawRectangle(pen, fill, x, y, w, h);
                break;
            case "ellipse":
                if (fill is null)
                    gfx.DrawEllipse(pen, x, y, w, h);
                else
                    gfx.DrawEllipse(pen, fill, x, y, w, h);
                break;
            case "diamond":
                XPoint[] diamond = [new(x + w / 2, y), new(x + w, y + h / 2), new(x + w / 2, y + h), new(x, y + h / 2)];
                if (fill is null)
                    gfx.DrawPolygon(pen, diamond);
                else
                    gfx.DrawPolygon(pen, fill, diamond, XFillMode.Winding);
                break;
            case "line" or "arrow" or "freedraw":
                var points = Points(e).Select(p => new XPoint(x + p.X, y + p.Y)).ToArray();
                if (points.Length >= 2)
                    gfx.DrawLines(pen, points);
                if (e["type"]!.ToString() == "arrow" && points.Length >= 2)
                    ArrowHead(gfx, pen, points[^2], points[^1]);
                break;
            case "text":
                var size = Math.Clamp(Number(e, "fontSize") ?? 20, 2, 400);
                var font = new XFont(PdfFonts.Family, size);
                var brush = new XSolidBrush(Colour(e["strokeColor"]?.ToString()) ?? XColors.Black);
                var lines = (e["text"]?.ToString() ?? "").Split('\n');
                for (var i = 0; i < lines.Length; i++)
                    gfx.DrawString(lines[i], font, brush, x, y + size * (i + 1));
                break;
        }
    }

    private static void ArrowHead(XGraphics gfx, XPen pen, XPoint from, XPoint to)
    {
        var angle = Math.Atan2(to.Y - from.Y, to.X - from.X);
        var length = Math.Max(pen.Width * 4, 10);
        foreach (var side in new[] { -0.45, 0.45 })
            gfx.DrawLine(pen, to, new XPoint(to.X - length * Math.Cos(angle + side), to.Y - length * Math.Sin(angle + side)));
    }

    private static IEnumerable<(double X, double Y)> Points(JsonObject e) =>
        e["points"] is JsonArray points
            ? points.OfType<JsonArray>().Where(p => p.Count >= 2).Take(MaxPoints)
                .Select(p => (AsNumber(p[0]) ?? 0, AsNumber(p[1]) ?? 0))
            : [];

    private static (double X, double Y, double Width, double Height) Bounds(JsonObject e)
    {
        var (x, y) = (Number(e, "x") ?? 0, Number(e, "y") ?? 0);
        var points = Points(e).ToList();
        if (points.Count == 0)
            return (x, y, Math.Max(Number(e, "width") ?? 0, 1), Math.Max(Number(e, "height") ?? 0, 1));
        var (minX, minY) = (points.Min(p => p.X), points.Min(p => p.Y));
        return (x + minX, y + minY, Math.Max(points.Max(p => p.X) - minX, 1), Math.Max(points.Max(p => p.Y) - minY, 1));
    }

    private static double? Number(JsonObject e, string name) => AsNumber(e[name]);

    private static double? AsNumber(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : null;

    /// <summary>Excalidraw's colours: <c>#rrggbb</c> (or <c>#rgb</c>); <c>transparent</c> is none.</summary>
    private static XColor? Colour(string? css)
    {
        if (css is not { Length: 4 or 7 } || css[0] != '#')
            return null;
        var hex = css.Length == 4 ? string.Concat(css[1..].Select(c => $"{c}{c}")) : css[1..];
        return int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
            ? XColor.FromArgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff)
            : null;
    }
}
