using System.Diagnostics;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>A PDF's text as poppler's <c>pdftotext</c> reads it: what a person copying from it gets.</summary>
public static class PdfContent
{
    /// <param name="layout">Keep the page's layout (<c>-layout</c>): a table's rows stay rows.</param>
    public static string TextOf(byte[] pdf, bool layout = false)
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in (string[])(layout ? ["-layout", file, "-"] : [file, "-"]))
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"pdftotext could not read the PDF: {errors}");
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
