using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(Ping), EchoActions.Ping)]
public interface IEchoMessage;

/// <summary>Answered with <c>pong</c>, joined or not.</summary>
public sealed record Ping : IEchoMessage;
