using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Actors.Tests;

public class AssetsDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid RecorderAccount = Guid.NewGuid();

    private static RoomAsset Recording(Guid? id = null) => new(id ?? Guid.NewGuid(), "recording.webm", "recording", "record", 1234, 61.5,
        $"rooms/{Room.Value:N}/{Guid.NewGuid():N}", null, Now);

    private static MeetingState A_room() => Given(new RoomCreated(Room, Owner, null, false));

    [Fact]
    public void A_stored_recording_becomes_an_asset_with_who_stored_it()
    {
        var asset = Recording();
        var decision = When(A_room(), new AddAsset(Room, RecorderAccount, asset));

        var added = Assert.IsType<AssetAdded>(Assert.Single(decision.Events));
        Assert.Equal((asset.Id, "recording.webm", "recording", "record", 1234L, 61.5, asset.StorageKey),
            (added.AssetId, added.Filename, added.Namespace, added.Kind, added.Size, added.DurationSeconds, added.StorageKey));
        Assert.Equal($"user:{RecorderAccount}", added.By);
        var state = decision.Events.Aggregate(A_room(), MeetingEvolve.Apply);
        Assert.Equal(asset with { CreatedAt = Now }, state.Assets![asset.Id]);
    }

    [Fact]
    public void The_same_asset_is_not_added_twice_and_a_room_that_does_not_exist_takes_none()
    {
        var asset = Recording();
        var state = Then(A_room(), new AddAsset(Room, RecorderAccount, asset));

        Assert.Equal(MeetingDecider.AlreadyExists, When(state, new AddAsset(Room, RecorderAccount, asset)).Error);
        Assert.Equal(ProblemCodes.NotFound, When(Given(), new AddAsset(Room, RecorderAccount, Recording())).Error);
        var deleted = Then(A_room(), new DeleteRoom(Room, Owner, false));
        Assert.Equal(ProblemCodes.NotFound, When(deleted, new AddAsset(Room, RecorderAccount, Recording())).Error);
    }

    [Fact]
    public void Only_the_owner_or_an_admin_deletes_an_asset_and_an_unknown_one_is_not_found()
    {
        var asset = Recording();
        var state = Then(A_room(), new AddAsset(Room, RecorderAccount, asset));

        Assert.Equal(ProblemCodes.Forbidden, When(state, new DeleteAsset(Room, Guid.NewGuid(), false, asset.Id)).Error);
        Assert.Equal(ProblemCodes.NotFound, When(state, new DeleteAsset(Room, Owner, false, Guid.NewGuid())).Error);
        Assert.Null(Then(state, new DeleteAsset(Room, Guid.NewGuid(), true, asset.Id)).Assets);
        Assert.Null(Then(state, new DeleteAsset(Room, Owner, false, asset.Id)).Assets);
    }

    [Fact]
    public void Assets_outlive_their_room_until_the_owner_deletes_them()
    {
        var (first, second) = (Recording(), Recording());
        var state = Then(Then(A_room(), new AddAsset(Room, RecorderAccount, first)), new AddAsset(Room, RecorderAccount, second));
        state = Then(state, new DeleteRoom(Room, Owner, false));

        state = Then(state, new DeleteAsset(Room, Owner, false, first.Id));
        Assert.Equal([second.Id], state.Assets!.Keys);
        Assert.Equal(ProblemCodes.NotFound, When(Given(), new DeleteAsset(Room, Owner, false, first.Id)).Error);
    }
}
