using System.Globalization;
using System.Text;

namespace OpenTalk.Sip.Messages;

/// <summary>Writes messages: start line, headers in their order, a Content-Length computed from the body, the body.</summary>
public static class SipSerializer
{
    public static byte[] Serialize(SipMessage message)
    {
        var sb = new StringBuilder(256).Append(message.StartLine).Append("\r\n");
        var lengthWritten = false;
        var length = message.Body.Length.ToString(CultureInfo.InvariantCulture);
        foreach (var header in message.Headers)
        {
            if (header.Name == HeaderNames.ContentLength)
            {
                // The first Content-Length stays where it was, with the true length; any other is dropped.
                if (!lengthWritten)
                {
                    sb.Append(HeaderNames.ContentLength).Append(": ").Append(length).Append("\r\n");
                    lengthWritten = true;
                }
                continue;
            }
            sb.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
        }
        if (!lengthWritten)
        {
            sb.Append(HeaderNames.ContentLength).Append(": ").Append(length).Append("\r\n");
        }
        sb.Append("\r\n");
        var head = Encoding.UTF8.GetByteCount(sb.ToString());
        var bytes = new byte[head + message.Body.Length];
        Encoding.UTF8.GetBytes(sb.ToString(), bytes);
        message.Body.CopyTo(bytes, head);
        return bytes;
    }
}
