using System.Collections.Immutable;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// The room's assets: files services stored for it (recordings). The files themselves live in the artifact store;
/// the room keeps what they are and where, so that only its owner reaches them and a deletion is decided once.
/// </summary>
public sealed class AssetsModule : IMeetingModule
{
    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(AssetAdded), "meeting.asset_added.v1"),
        (typeof(AssetDeleted), "meeting.asset_deleted.v1"),
    ];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now) => command switch
    {
        AddAsset c when c.Asset.Size < 0 || c.Asset.Filename.Length == 0 => Decision.Reject(ProblemCodes.ValidationFailed),
        AddAsset c when state.Assets?.ContainsKey(c.Asset.Id) == true => Decision.Reject(MeetingDecider.AlreadyExists),
        AddAsset c => Accept(new AssetAdded(c.Asset.Id, c.Asset.Filename, c.Asset.Namespace, c.Asset.Kind, c.Asset.Size,
            c.Asset.DurationSeconds, c.Asset.StorageKey, c.Asset.BreakoutRoomId), c.UserId, now),
        DeleteAsset c when !c.AsAdmin && c.UserId != state.Room!.OwnerId => Decision.Reject(ProblemCodes.Forbidden),
        DeleteAsset c => state.Assets?.ContainsKey(c.AssetId) == true
            ? Accept(new AssetDeleted(c.AssetId), c.UserId, now)
            : Decision.Reject(ProblemCodes.NotFound),
        _ => null,
    };

    private static Decision Accept(DomainEvent evt, Guid user, DateTimeOffset now) =>
        Decision.Accept(MeetingDecider.Stamp(evt, Actor.User(user), now));

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        AssetAdded e => state with
        {
            Assets = (state.Assets ?? ImmutableDictionary<Guid, RoomAsset>.Empty).SetItem(e.AssetId,
                new RoomAsset(e.AssetId, e.Filename, e.Namespace, e.Kind, e.Size, e.DurationSeconds, e.StorageKey, e.BreakoutRoomId, e.OccurredAt)),
        },
        // The last one gone leaves no empty map behind: a snapshot without assets reads as before assets existed.
        AssetDeleted e => state with { Assets = state.Assets?.Remove(e.AssetId) is { Count: > 0 } left ? left : null },
        _ => null,
    };

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => null;
}
