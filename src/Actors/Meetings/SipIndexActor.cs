using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Text;
using Akka.Actor;
using Akka.Persistence;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

/// <summary>Claim a conference id for a room (a retry by the same room is fine).</summary>
public sealed record ClaimSipId(string SipId, Guid RoomId) : IWithSipId
{
    public Guid SipEntityId => SipIndex.EntityOf(SipId);
}

/// <summary>Give a conference id back (only the room holding it can).</summary>
public sealed record ReleaseSipId(string SipId, Guid RoomId) : IWithSipId
{
    public Guid SipEntityId => SipIndex.EntityOf(SipId);
}

/// <summary>Which room a dialled conference id belongs to, if any.</summary>
public sealed record LookupSipId(string SipId) : IWithSipId
{
    public Guid SipEntityId => SipIndex.EntityOf(SipId);
}

public sealed record SipClaim(string SipId, Guid? RoomId, bool Granted) : IEngineMessage;

public sealed record SipIdClaimed(
    [property: JsonPropertyName("sip_id")] string SipId,
    [property: JsonPropertyName("room_id")] Guid RoomId) : DomainEvent;

public sealed record SipIdReleased([property: JsonPropertyName("sip_id")] string SipId) : DomainEvent;

public static class SipIndex
{
    /// <summary>One index entity per conference id: ids are unique across the cluster without a shared table.</summary>
    public static Guid EntityOf(string sipId) => new(SHA256.HashData(Encoding.UTF8.GetBytes("sip:" + sipId)).AsSpan(0, 16));

    public static string NewDigits() => string.Concat(Enumerable.Range(0, 10).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
}

/// <summary>The owner of one conference id (persistent, so uniqueness survives restarts).</summary>
public sealed class SipIndexActor : ReceivePersistentActor
{
    private Guid? _room;

    public SipIndexActor(string entityId)
    {
        PersistenceId = $"sip-{entityId}";
        Recover<SipIdClaimed>(e => _room = e.RoomId);
        Recover<SipIdReleased>(_ => _room = null);
        Command<ClaimSipId>(c =>
        {
            if (_room is { } holder)
            {
                Sender.Tell(new SipClaim(c.SipId, holder, holder == c.RoomId));
                return;
            }
            var replyTo = Sender;
            Persist(new SipIdClaimed(c.SipId, c.RoomId) { OccurredAt = DateTimeOffset.UtcNow, By = Actor.System }, e =>
            {
                _room = e.RoomId;
                replyTo.Tell(new SipClaim(c.SipId, e.RoomId, true));
            });
        });
        Command<ReleaseSipId>(c =>
        {
            if (_room != c.RoomId)
                return;
            Persist(new SipIdReleased(c.SipId) { OccurredAt = DateTimeOffset.UtcNow, By = Actor.System }, _ => _room = null);
        });
        Command<LookupSipId>(c => Sender.Tell(new SipClaim(c.SipId, _room, _room is not null)));
    }

    public override string PersistenceId { get; }

    public static Props Props(string entityId) => Akka.Actor.Props.Create<SipIndexActor>(entityId);
}
