using OpenTalk.Collab.Yjs;
using OpenTalk.Host.Collab;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests.Collab;

/// <summary>The PDFs of notes and whiteboards from what browsers may write: always a PDF, in bounded time.</summary>
public sealed class CollabPdfTests
{
    [Fact]
    public void A_whiteboard_with_nonsense_in_its_elements_still_exports_the_drawings_that_make_sense()
    {
        var board = YUpdate.Merge([
            YjsEdits.Rectangle("fine", client: 1),
            YjsEdits.Element("far", """{ "type": "rectangle", "x": 1e300, "y": 5, "width": 10, "height": 10 }""", client: 2),
            YjsEdits.Element("odd", """{ "type": "text", "x": 50, "y": 50, "text": "Kept", "fontSize": -7, "isDeleted": "no", "strokeWidth": 1e9 }""", client: 3),
            YjsEdits.Element("gone", """{ "type": "text", "x": 60, "y": 60, "text": "Deleted", "isDeleted": true }""", client: 4),
            YjsEdits.Element("junk", """[1, 2, 3]""", client: 5),
        ]);

        var text = PdfContent.TextOf(WhiteboardPdf.Render(board, "Whiteboard"));

        Assert.Contains("Kept", text);
        Assert.DoesNotContain("Deleted", text);
    }

    [Fact]
    public void Notes_with_a_word_longer_than_many_lines_are_wrapped_onto_the_page()
    {
        var word = string.Concat(Enumerable.Repeat("abcdefghij", 2000));
        var notes = YUpdate.Merge([YjsEdits.Paragraph(word, client: 1), YjsEdits.Paragraph("Short line after it", client: 2)]);

        var text = PdfContent.TextOf(NotesPdf.Render(notes, "Meeting notes", "today"));

        Assert.Contains("Short line after it", text);
        Assert.Equal(word.Length, text.Count(char.IsAsciiLetterLower) - "Short line after it".Count(char.IsAsciiLetterLower)
            - "Meeting notes".Count(char.IsAsciiLetterLower) - "today".Count(char.IsAsciiLetterLower));
    }
}
