namespace OpenTalk.Actors.Sharding;

/// <summary>
/// A message that may travel between cluster nodes (commands, queries, replies, socket pushes).
/// They are bound to <see cref="EngineMessageSerializer"/>, never to Akka's default serializer,
/// which writes compiler-generated collection types the other side cannot build.
/// </summary>
public interface IEngineMessage;
