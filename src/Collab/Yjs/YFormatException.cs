namespace OpenTalk.Collab.Yjs;

/// <summary>The bytes are not a well-formed Yjs v1 update or state vector.</summary>
public sealed class YFormatException : Exception
{
    public YFormatException(string message) : base(message) { }

    public YFormatException(string message, Exception inner) : base(message, inner) { }
}
