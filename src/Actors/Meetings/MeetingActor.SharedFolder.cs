using Akka.Actor;

namespace OpenTalk.Actors.Meetings;

/// <summary>The shared folder, for the REST API: who may open it, and its files added, renamed and removed (see <see cref="SharedFolderModule"/>).</summary>
public sealed partial class MeetingActor
{
    private void ReceiveSharedFolderCommands()
    {
        Command<GetSharedFolder>(c => Sender.Tell(SharedFolderRights.Check(State, c.Caller, c.Write) switch
        {
            { Refusal: { } refused } => refused,
            var allowed => new SharedFolderReply(allowed.CanWrite, SharedFolderRights.Files(State), null, null),
        }));
        Command<AddSharedFile>(c => DecideForFolder(c, c.Caller, () => SharedFolderRights.File(State, c.Asset.Id)));
        Command<RenameSharedFile>(c => DecideForFolder(c, c.Caller, () => SharedFolderRights.File(State, c.AssetId)));
        // The reply names the file removed, as the decision saw it: its stored bytes go next.
        Command<DeleteSharedFile>(c =>
        {
            var gone = SharedFolderRights.File(State, c.AssetId);
            DecideForFolder(c, c.Caller, () => gone);
        });
    }

    /// <param name="file">The file the command is about, from the state after it.</param>
    private void DecideForFolder(object command, FolderCaller caller, Func<RoomAsset?> file)
    {
        // Asked first for the sentence people read; the decision checks the same again.
        if (SharedFolderRights.Check(State, caller, write: true).Refusal is { } refused)
        {
            Sender.Tell(refused);
            return;
        }
        DecideForRest(command, () => new SharedFolderReply(true, file() is { } f ? [f] : [], null, null), error => SharedFolderReply.Refused(error, error switch
        {
            Protocol.Rest.ProblemCodes.NotFound => "The shared folder has no such file.",
            MeetingDecider.AlreadyExists => "That file is already in the folder.",
            _ => "The file cannot be changed like this.",
        }), publish: true);
    }
}
