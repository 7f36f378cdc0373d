using System.Text.Json.Nodes;
using OpenTalk.Collab.Yjs;

namespace OpenTalk.Host.Collab;

/// <summary>
/// The meeting notes as a PDF: the editor's document (TipTap's ProseMirror nodes as y-prosemirror stores them in the
/// Yjs fragment <c>default</c>): headings, paragraphs, lists, quotes and code, with bold and italic.
/// </summary>
public static class NotesPdf
{
    /// <summary>The fragment TipTap's collaboration extension edits.</summary>
    public const string Fragment = "default";

    public static byte[] Render(byte[] content, string title, string subtitle)
    {
        var document = YDocument.FromUpdate(content);
        using var pdf = new PdfText(title);
        pdf.Paragraph([new TextSpan(title)], size: 18, bold: true);
        pdf.Paragraph([new TextSpan(subtitle, Italic: true)], size: 9);
        pdf.Gap(10);
        foreach (var node in document.XmlFragment(Fragment))
            Block(pdf, node, indent: 0, prefix: null);
        return pdf.ToArray();
    }

    private static void Block(PdfText pdf, YXmlNode node, double indent, string? prefix)
    {
        switch (node)
        {
            case YXmlText text:
                pdf.Paragraph([.. Spans(text)], indent: indent, prefix: prefix);
                break;
            case YXmlElement { Name: "heading" } heading:
                var level = heading.Attributes.GetValueOrDefault("level") is JsonValue v && v.TryGetValue<double>(out var l) ? (int)l : 1;
                pdf.Gap(6);
                pdf.Paragraph(Inline(heading), size: level switch { 1 => 16, 2 => 14, _ => 12 }, indent: indent, bold: true);
                break;
            case YXmlElement { Name: "bulletList" } list:
                foreach (var item in list.Children)
                    Item(pdf, item, indent + 18, "•");
                break;
            case YXmlElement { Name: "orderedList" } list:
                var start = list.Attributes.GetValueOrDefault("start") is JsonValue s && s.TryGetValue<double>(out var n) ? (int)n : 1;
                for (var i = 0; i < list.Children.Count; i++)
                    Item(pdf, list.Children[i], indent + 18, $"{start + i}.");
                break;
            case YXmlElement { Name: "blockquote" } quote:
                foreach (var child in quote.Children)
                    Block(pdf, child, indent + 18, null);
                break;
            case YXmlElement { Name: "horizontalRule" }:
                pdf.Paragraph([new TextSpan("――――――――")], indent: indent);
                break;
            case YXmlElement element when element.Children.Any(c => c is YXmlElement { Name: "paragraph" or "heading" or "bulletList" or "orderedList" }):
                foreach (var child in element.Children)
                    Block(pdf, child, indent, prefix);
                break;
            case YXmlElement element:
                // paragraph, codeBlock, and whatever a newer editor adds: its text.
                pdf.Paragraph(Inline(element), indent: indent, prefix: prefix);
                break;
        }
    }

    /// <summary>A list item: its first block carries the bullet or number, the rest follow indented.</summary>
    private static void Item(PdfText pdf, YXmlNode item, double indent, string prefix)
    {
        if (item is not YXmlElement { Children: var children } || children.Count == 0)
            return;
        Block(pdf, children[0], indent, prefix);
        foreach (var child in children.Skip(1))
            Block(pdf, child, indent, null);
    }

    private static List<TextSpan> Inline(YXmlElement element) =>
        [.. element.Children.SelectMany(child => child switch
        {
            YXmlText text => Spans(text),
            YXmlElement { Name: "hardBreak" } => [new TextSpan("\n")],
            YXmlElement inner => Inline(inner),
            _ => [],
        })];

    private static IEnumerable<TextSpan> Spans(YXmlText text) =>
        text.Runs.Select(run => new TextSpan(run.Text, run.Marks.ContainsKey("bold"), run.Marks.ContainsKey("italic")));
}
