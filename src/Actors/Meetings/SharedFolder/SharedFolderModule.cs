using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Rest;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// OpenTalk's shared folder: files moderators put up for everyone in the meeting. The files are the room's assets
/// (namespace <c>shared_folder</c>, kind <c>file</c>), stored like recordings, so the owner keeps them after the session.
/// Everyone in the room gets a link to read the folder (a page of the node's web app with their token), moderators a
/// second one to change it; someone whose role changes gets their links anew (<c>updated</c>), and the room hears
/// <c>files_changed</c> (ours) when a file comes, goes or is renamed.
/// </summary>
public sealed class SharedFolderModule : IMeetingModule
{
    public const string Namespace = Namespaces.SharedFolder;
    public const string Kind = "file";

    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } = [(typeof(AssetRenamed), "meeting.asset_renamed.v1")];

    public IReadOnlyList<Type> ReactsTo { get; } = [typeof(ModeratorRoleGranted), typeof(ModeratorRoleRevoked), typeof(AssetAdded), typeof(AssetDeleted)];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now) => command switch
    {
        AddSharedFile c => Writer(state, c.Caller) is { } refused ? refused
            : c.Asset.Size < 0 || c.Asset.Filename.Length == 0 ? Decision.Reject(ProblemCodes.ValidationFailed)
            : state.Assets?.ContainsKey(c.Asset.Id) == true ? Decision.Reject(MeetingDecider.AlreadyExists)
            : Accept(new AssetAdded(c.Asset.Id, c.Asset.Filename, Namespace, Kind, c.Asset.Size, null, c.Asset.StorageKey, null), state, c.Caller, now),
        RenameSharedFile c => Writer(state, c.Caller) is { } refused ? refused
            : c.Filename.Length == 0 ? Decision.Reject(ProblemCodes.ValidationFailed)
            : SharedFolderRights.File(state, c.AssetId) is null ? Decision.Reject(ProblemCodes.NotFound)
            : Accept(new AssetRenamed(c.AssetId, c.Filename), state, c.Caller, now),
        DeleteSharedFile c => Writer(state, c.Caller) is { } refused ? refused
            : SharedFolderRights.File(state, c.AssetId) is null ? Decision.Reject(ProblemCodes.NotFound)
            : Accept(new AssetDeleted(c.AssetId), state, c.Caller, now),
        _ => null,
    };

    private static Decision? Writer(MeetingState state, FolderCaller caller) =>
        SharedFolderRights.Check(state, caller, write: true).Refusal is { } refused ? Decision.Reject(refused.Error!) : null;

    private static Decision Accept(DomainEvent evt, MeetingState state, FolderCaller caller, DateTimeOffset now) =>
        Decision.Accept(MeetingDecider.Stamp(evt, SharedFolderRights.Check(state, caller, write: true).By!, now));

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        AssetRenamed e when state.Assets?.GetValueOrDefault(e.AssetId) is { } asset =>
            state with { Assets = state.Assets.SetItem(e.AssetId, asset with { Filename = e.Filename }) },
        _ => null,
    };

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        AssetAdded { Namespace: Namespace } or AssetRenamed => MeetingNotifications.ToRoom(after, Namespace, new SharedFolderFilesChanged()),
        AssetDeleted e when before.Assets?.GetValueOrDefault(e.AssetId) is { Namespace: Namespace } =>
            MeetingNotifications.ToRoom(after, Namespace, new SharedFolderFilesChanged()),
        ModeratorRoleGranted e => UpdateFor(after, e.ParticipantId),
        ModeratorRoleRevoked e => UpdateFor(after, e.ParticipantId),
        _ => null,
    };

    /// <summary>A participant's links after their role changed: reading for all, reading and writing for moderators.</summary>
    private static IEnumerable<Notification> UpdateFor(MeetingState state, Guid participantId)
    {
        if (LinksOf(state, participantId) is not { } links)
            return [];
        return [new Notification(participantId, Namespace, new SharedFolderUpdated(links.Read) { ReadWrite = links.ReadWrite })];
    }

    public ModuleJoinState? JoinState(JoinContext join) =>
        LinksOf(join.State, join.Me.Id) is { } links ? new ModuleJoinState(Namespace, links) : null;

    /// <summary>The links of someone in the room (none for hidden services, nor in a breakout room, whose files are the main room's business).</summary>
    public static SharedFolderState? LinksOf(MeetingState state, Guid participantId)
    {
        if (state.Collab is not { } access || state.MainRoomId is not null || state.Find(participantId) is not { IsInRoom: true, IsHidden: false } me)
            return null;
        var read = new SharedFolderAccess(access.FolderUrl(state.RoomId, me.Id, write: false), "");
        return new SharedFolderState(read)
        {
            ReadWrite = me.IsModerator ? new SharedFolderAccess(access.FolderUrl(state.RoomId, me.Id, write: true), "") : null,
        };
    }
}
