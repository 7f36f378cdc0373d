using Akka.Actor;

namespace OpenTalk.Actors.Meetings;

/// <summary>The room's assets, for the REST API: stored files recorded, listed and removed (see <see cref="AssetsModule"/>).</summary>
public sealed partial class MeetingActor
{
    private void ReceiveAssetCommands()
    {
        Command<AddAsset>(c => DecideForRest(c, () => new RoomAssetsReply(State.Room!.OwnerId, [State.Assets![c.Asset.Id]], null), AssetsRefusal));
        // The reply names the asset removed, as the decision saw it: its file goes next.
        Command<DeleteAsset>(c =>
        {
            var gone = State.Assets?.GetValueOrDefault(c.AssetId);
            DecideForRest(c, () => new RoomAssetsReply(State.Room!.OwnerId, gone is null ? [] : [gone], null), AssetsRefusal);
        });
        // A deleted room still answers for its assets: its owner fetches and removes them.
        Command<GetRoomAssets>(_ => Sender.Tell(State.Room is { } room
            ? new RoomAssetsReply(room.OwnerId, [.. (State.Assets?.Values ?? []).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)], null)
            : AssetsRefusal(Protocol.Rest.ProblemCodes.NotFound)));
    }

    private static RoomAssetsReply AssetsRefusal(string error) => new(Guid.Empty, [], error);
}
