using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

public static class DialOutActions
{
    public const string Dial = "dial";
}

/// <summary>(ours) A moderator's calls to phones: the gateway dials through its trunk, the callee joins on answering.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(DialPhone), DialOutActions.Dial)]
public interface IDialOutMessage;

/// <summary>Calls <c>number</c> (digits, a leading <c>+</c> allowed; spaces, dashes and brackets are ignored).</summary>
public sealed record DialPhone(string? Number) : IDialOutMessage;
