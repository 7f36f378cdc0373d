using OpenTalk.Actors.Collab;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Rest;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

/// <summary>The shared folder as the meeting decides it: who gets which link, who may do what with a token, and who hears of changes.</summary>
public class SharedFolderDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly ParticipantId Mod = new(Guid.NewGuid());
    private static readonly ParticipantId Uma = new(Guid.NewGuid());

    private static MeetingState Room_in_session() => Given(
        new RoomCreated(Room, Owner, null, false),
        new ParticipantJoined(Mod, "Olga", MeetingRole.Moderator, ParticipantIdentity.ForUser(Owner)),
        new ParticipantJoined(Uma, "Uma", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid()))) with { Collab = CollabAccess.Create("https://meet.example.org/") };

    private static string TokenIn(string url) => new Uri(url).Query["?token=".Length..];

    private static FolderCaller Bearer(string url) => new(TokenIn(url), null, false);

    private static RoomAsset File(string name) =>
        new(Guid.NewGuid(), name, SharedFolderModule.Namespace, SharedFolderModule.Kind, 42, null, $"rooms/{Room.Value:N}/x", null, default);

    [Fact]
    public void Everyone_reads_with_their_link_only_moderators_get_a_link_to_write_and_only_it_writes()
    {
        var state = Room_in_session();
        var mod = SharedFolderModule.LinksOf(state, Mod.Value)!;
        var uma = SharedFolderModule.LinksOf(state, Uma.Value)!;
        Assert.StartsWith($"https://meet.example.org/folder/{Room.Value}?token=", uma.Read.Url);
        Assert.Equal("", uma.Read.Password);
        Assert.Null(uma.ReadWrite);
        Assert.NotNull(mod.ReadWrite);

        Assert.True(SharedFolderRights.Check(state, Bearer(mod.ReadWrite!.Url), write: true).CanWrite);
        // A moderator's read link reads only; Uma's link reads; neither writes.
        Assert.Equal(ProblemCodes.Forbidden, When(state, new AddSharedFile(Room.Value, Bearer(mod.Read.Url), File("a.pdf"))).Error);
        Assert.Equal(ProblemCodes.Forbidden, When(state, new AddSharedFile(Room.Value, Bearer(uma.Read.Url), File("a.pdf"))).Error);
        Assert.Null(SharedFolderRights.Check(state, Bearer(uma.Read.Url), write: false).Refusal);
        // Forged or altered tokens, a read token made a write one, no token at all: refused.
        var forged = TokenIn(uma.Read.Url)[..33] + "w" + TokenIn(uma.Read.Url)[34..];
        Assert.Equal(ProblemCodes.Forbidden, SharedFolderRights.Check(state, new FolderCaller(forged, null, false), write: false).Refusal?.Error);
        Assert.Equal(ProblemCodes.Forbidden, SharedFolderRights.Check(state, new FolderCaller(TokenIn(uma.Read.Url)[..^1] + "x", null, false), false).Refusal?.Error);
        Assert.Equal(ProblemCodes.Unauthorized, SharedFolderRights.Check(state, new FolderCaller(null, null, false), false).Refusal?.Error);
        // The owner signed in writes, someone else signed in does not.
        Assert.True(SharedFolderRights.Check(state, new FolderCaller(null, Owner, false), true).CanWrite);
        Assert.Equal(ProblemCodes.Forbidden, SharedFolderRights.Check(state, new FolderCaller(null, Guid.NewGuid(), false), false).Refusal?.Error);
    }

    [Fact]
    public void An_added_renamed_or_deleted_file_is_heard_of_by_the_room_and_the_rename_is_an_event_of_its_own()
    {
        var state = Room_in_session();
        var write = Bearer(SharedFolderModule.LinksOf(state, Mod.Value)!.ReadWrite!.Url);
        var file = File("plan.pdf");

        var (added, heard, _) = Run(state, new AddSharedFile(Room.Value, write, file));
        Assert.Equal(2, heard.Count(n => n is { Namespace: Namespaces.SharedFolder, Payload: SharedFolderFilesChanged }));
        Assert.Equal(("plan.pdf", "shared_folder", "file"), (added.Assets![file.Id].Filename, added.Assets[file.Id].Namespace, added.Assets[file.Id].Kind));

        var rename = When(added, new RenameSharedFile(Room.Value, write, file.Id, "budget.pdf"));
        var renamed = Assert.IsType<AssetRenamed>(Assert.Single(rename.Events));
        Assert.Equal($"participant:{Mod.Value}", renamed.By);
        var (afterRename, heardRename, _) = Run(added, new RenameSharedFile(Room.Value, write, file.Id, "budget.pdf"));
        Assert.Equal("budget.pdf", afterRename.Assets![file.Id].Filename);
        Assert.Contains(heardRename, n => n.To == Uma.Value && n.Payload is SharedFolderFilesChanged);

        var (deleted, heardDelete, _) = Run(afterRename, new DeleteSharedFile(Room.Value, write, file.Id));
        Assert.Null(deleted.Assets);
        Assert.Contains(heardDelete, n => n.To == Uma.Value && n.Payload is SharedFolderFilesChanged);
        Assert.Equal(ProblemCodes.NotFound, When(deleted, new DeleteSharedFile(Room.Value, write, file.Id)).Error);
    }

    [Fact]
    public void The_folder_api_never_touches_a_recording()
    {
        var state = Given(new RoomCreated(Room, Owner, null, false),
            new AssetAdded(Guid.NewGuid(), "talk.webm", "recording", "record", 1, 2, "k", null)) with { Collab = CollabAccess.Create("https://x") };
        var recording = state.Assets!.Keys.Single();
        var owner = new FolderCaller(null, Owner, false);
        Assert.Empty(SharedFolderRights.Files(state));
        Assert.Equal(ProblemCodes.NotFound, When(state, new DeleteSharedFile(Room.Value, owner, recording)).Error);
        Assert.Equal(ProblemCodes.NotFound, When(state, new RenameSharedFile(Room.Value, owner, recording, "x.webm")).Error);
    }

    [Fact]
    public void Someone_made_moderator_gets_both_links_and_loses_the_writing_one_with_the_role_and_their_old_token_stops_writing()
    {
        var state = Room_in_session();
        var (granted, heard, _) = Run(state, new GrantModeratorRole(Room, Mod, Uma));
        var update = Assert.IsType<SharedFolderUpdated>(Assert.Single(heard, n => n.Namespace == Namespaces.SharedFolder).Payload);
        Assert.Equal(Uma.Value, Assert.Single(heard, n => n.Namespace == Namespaces.SharedFolder).To);
        Assert.NotNull(update.ReadWrite);
        Assert.Null(SharedFolderRights.Check(granted, Bearer(update.ReadWrite!.Url), write: true).Refusal);

        var (revoked, heardAgain, _) = Run(granted, new RevokeModeratorRole(Room, Mod, Uma));
        var cut = Assert.IsType<SharedFolderUpdated>(Assert.Single(heardAgain, n => n.Namespace == Namespaces.SharedFolder).Payload);
        Assert.Null(cut.ReadWrite);
        // The link she kept from before writes no more: the role is checked on every use.
        Assert.Equal(ProblemCodes.Forbidden, When(revoked, new AddSharedFile(Room.Value, Bearer(update.ReadWrite.Url), File("a.pdf"))).Error);
        Assert.Null(SharedFolderRights.Check(revoked, Bearer(update.ReadWrite.Url), write: false).Refusal);
    }

    [Fact]
    public void Someone_who_left_opens_nothing_with_their_old_link()
    {
        var state = Room_in_session();
        var link = SharedFolderModule.LinksOf(state, Uma.Value)!.Read.Url;
        var (gone, _, _) = Run(state, new Leave(Room, Uma));
        Assert.Equal(ProblemCodes.Forbidden, SharedFolderRights.Check(gone, Bearer(link), write: false).Refusal?.Error);
        Assert.Null(SharedFolderModule.LinksOf(gone, Uma.Value));
    }

    [Fact]
    public void Join_success_holds_the_links_for_the_one_who_joins()
    {
        var state = Room_in_session();
        var welcome = MeetingNotifications.JoinSuccessFor(Uma.Value, state, resumed: false);
        var part = Assert.IsType<SharedFolderState>(welcome.Modules[Namespaces.SharedFolder]);
        Assert.Null(part.ReadWrite);
        Assert.Contains($"/folder/{Room.Value}?token={Uma.Value:N}.r.", part.Read.Url);
    }
}
