namespace OpenTalk.Actors.Sharding;

/// <summary>Names of the shard regions; also the registry keys for <c>IRequiredActor</c>.</summary>
public static class ShardNames
{
    public const string Meeting = "meeting";
    public const string Participant = "participant";
    public const string Timer = "timer";
    public const string Event = "event";
    public const string Sip = "sip";
    public const string Document = "document";
}

/// <summary>Registry keys for the shard regions (Akka.Hosting's <c>IRequiredActor&lt;T&gt;</c>).</summary>
public sealed class MeetingRegion;

public sealed class ParticipantRegion;

public sealed class TimerRegion;

public sealed class EventRegion;

public sealed class SipRegion;

public sealed class DocumentRegion;
