using OpenTalk.Protocol.Rest;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// Who may open the shared folder now: a token's bearer while in the room (read), and to change it while a moderator
/// with a read-write token; the room's owner (or an admin) always. Checked on every request, so a token stops working
/// the moment its bearer leaves or loses the moderator role.
/// </summary>
public static class SharedFolderRights
{
    /// <summary>Who acts (a participant or an account, as <see cref="Journal.Actor"/> names them) and whether they write; or a refusal.</summary>
    public sealed record Verdict(string? By, bool CanWrite, SharedFolderReply? Refusal);

    public static Verdict Check(MeetingState state, FolderCaller caller, bool write)
    {
        if (!state.Exists || state.MainRoomId is not null)
            return Refuse(ProblemCodes.NotFound, "No such room.");
        if (!string.IsNullOrEmpty(caller.Token))
        {
            if (state.Collab?.VerifyFolder(state.RoomId, caller.Token) is not { } token)
                return Refuse(ProblemCodes.Forbidden, "This link is not (or no longer) valid for this room's shared folder.");
            if (state.Find(token.Participant) is not { IsInRoom: true, IsHidden: false } participant)
                return Refuse(ProblemCodes.Forbidden, "The shared folder is open to the people in the meeting only.");
            var canWrite = token.Write && participant.IsModerator;
            return write && !canWrite
                ? Refuse(ProblemCodes.Forbidden, "Only moderators add, rename or delete files in the shared folder.")
                : new Verdict(Journal.Actor.Participant(participant.Id), canWrite, null);
        }
        if (caller.UserId is not { } user)
            return Refuse(ProblemCodes.Unauthorized, "Open the shared folder with the link from the meeting (its token), or sign in as the room's owner.");
        return user == state.Room!.OwnerId || caller.IsAdmin
            ? new Verdict(Journal.Actor.User(user), true, null)
            : Refuse(ProblemCodes.Forbidden, "Only the people in the meeting and the room's owner open its shared folder.");
    }

    /// <summary>The folder's files, oldest first.</summary>
    public static IReadOnlyList<RoomAsset> Files(MeetingState state) =>
        [.. (state.Assets?.Values ?? []).Where(a => a.Namespace == SharedFolderModule.Namespace).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)];

    public static RoomAsset? File(MeetingState state, Guid assetId) =>
        state.Assets?.GetValueOrDefault(assetId) is { Namespace: SharedFolderModule.Namespace } file ? file : null;

    private static Verdict Refuse(string error, string detail) => new(null, false, SharedFolderReply.Refused(error, detail));
}
