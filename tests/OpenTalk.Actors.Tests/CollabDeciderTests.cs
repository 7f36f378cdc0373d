using OpenTalk.Actors.Collab;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

/// <summary>Meeting notes and the whiteboard as the meeting decides them: who writes, who is told which page, who may open them.</summary>
public class CollabDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly ParticipantId Mod = new(Guid.NewGuid());
    private static readonly ParticipantId Uma = new(Guid.NewGuid());
    private static readonly ParticipantId Guest = new(Guid.NewGuid());

    private static MeetingState Room_in_session() => Given(
        new RoomCreated(Room, Owner, null, false),
        new ParticipantJoined(Mod, "Olga", MeetingRole.Moderator, ParticipantIdentity.ForUser(Owner)),
        new ParticipantJoined(Uma, "Uma", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())),
        new ParticipantJoined(Guest, "Gus", MeetingRole.Guest, ParticipantIdentity.ForGuest("invite"))) with { Collab = CollabAccess.Create("https://meet.example.org/") };

    private static string TokenIn(string url) => new Uri(url).Query.Split('&')[0]["?token=".Length..];

    [Fact]
    public void The_first_choice_of_writers_starts_the_notes_writers_get_the_page_to_write_everyone_else_the_page_to_read()
    {
        var (state, heard, effects) = Run(Room_in_session(), new SelectNotesWriters(Room, Mod, [Uma.Value]));

        var urls = heard.Where(n => n.Namespace == Namespaces.MeetingNotes).ToDictionary(n => n.To, n => n.Payload);
        Assert.Equal(3, urls.Count);
        var write = Assert.IsType<NotesWriteUrl>(urls[Uma.Value]);
        Assert.StartsWith($"https://meet.example.org/notes/{Room.Value}?token=", write.Url);
        Assert.EndsWith("&mode=write", write.Url);
        Assert.IsType<NotesReadUrl>(urls[Mod.Value]);
        Assert.EndsWith("&mode=read", Assert.IsType<NotesReadUrl>(urls[Guest.Value]).Url);
        // The others see Uma write (OpenTalk's peer state).
        Assert.Contains(heard, n => n.Payload is Update { MeetingNotes.Readonly: false } u && u.Id == Uma.Value && n.To == Mod.Value);
        // The document learns who reads and who writes.
        var access = Assert.IsType<DocumentAccessChanged>(Assert.Single(effects.OfType<SendToDocument>()).Message);
        Assert.Equal([Uma.Value], access.Writers);
        Assert.Equal(3, access.Readers.Count);

        // Each token opens the document for its own participant only, with the right to write as given.
        var check = MeetingNotesModule.CheckAccess(state, new CheckDocumentAccess(Room, DocumentKind.Notes, TokenIn(write.Url)));
        Assert.Equal((state.Notes!.DocumentId, Uma.Value, true, (int?)null), (check.DocumentId, check.ParticipantId, check.CanWrite, check.RefusedWith));
        var guestToken = TokenIn(((NotesReadUrl)urls[Guest.Value]).Url);
        Assert.False(MeetingNotesModule.CheckAccess(state, new CheckDocumentAccess(Room, DocumentKind.Notes, guestToken)).CanWrite);
        // A forged or altered token, or a notes token for the whiteboard, opens nothing.
        Assert.Equal(CloseCodes.NoAccess, MeetingNotesModule.CheckAccess(state, new CheckDocumentAccess(Room, DocumentKind.Notes, $"{Uma.Value:N}.forged")).RefusedWith);
        Assert.Equal(CloseCodes.NoAccess, MeetingNotesModule.CheckAccess(state, new CheckDocumentAccess(Room, DocumentKind.Notes, guestToken[..^1] + "x")).RefusedWith);
        Assert.Equal(CloseCodes.NotStarted, MeetingNotesModule.CheckAccess(state, new CheckDocumentAccess(Room, DocumentKind.Whiteboard, guestToken)).RefusedWith);
    }

    [Fact]
    public void Only_moderators_choose_writers_and_only_among_people_in_the_room()
    {
        var state = Room_in_session();
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new SelectNotesWriters(Room, Uma, [Uma.Value])).Error);
        Assert.Equal(ErrorCodes.InvalidParticipantSelection, When(state, new SelectNotesWriters(Room, Mod, [Guid.NewGuid()])).Error);
        Assert.Equal(ErrorCodes.InvalidParticipantSelection, When(state, new SelectNotesWriters(Room, Mod, [])).Error);
        Assert.Equal(ErrorCodes.NotInitialized, When(state, new DeselectNotesWriters(Room, Mod, [Uma.Value])).Error);
        Assert.Equal(ErrorCodes.NotInitialized, When(state, new ExportDocument(Room, Mod, DocumentKind.Notes)).Error);
    }

    [Fact]
    public void A_writer_taken_off_reads_from_then_on_and_someone_who_leaves_loses_access()
    {
        var state = Then(Room_in_session(), new SelectNotesWriters(Room, Mod, [Uma.Value, Guest.Value]));
        var (after, heard, effects) = Run(state, new DeselectNotesWriters(Room, Mod, [Uma.Value]));

        Assert.Contains(heard, n => n.To == Uma.Value && n.Payload is NotesReadUrl);
        Assert.Equal([Guest.Value], Assert.IsType<DocumentAccessChanged>(Assert.Single(effects.OfType<SendToDocument>()).Message).Writers);

        var (gone, _, leaving) = Run(after, new Leave(Room, Guest));
        var access = Assert.IsType<DocumentAccessChanged>(Assert.Single(leaving.OfType<SendToDocument>()).Message);
        Assert.DoesNotContain(Guest.Value, access.Readers);
        Assert.Empty(access.Writers);
        Assert.Empty(gone.Notes!.Writers);
    }

    [Fact]
    public void Someone_who_joins_later_gets_the_page_to_read_after_join_success()
    {
        var state = Then(Room_in_session(), new SelectNotesWriters(Room, Mod, [Uma.Value]));
        var late = new ParticipantId(Guid.NewGuid());
        var (_, heard, _) = Run(state, new Join(Room, late, ParticipantIdentity.ForUser(Guid.NewGuid()), "Lea", Akka.Actor.ActorRefs.Nobody));

        var mine = heard.Where(n => n.To == late.Value).ToList();
        Assert.IsType<JoinSuccess>(mine[0].Payload);
        Assert.IsType<NotesReadUrl>(mine[1].Payload);
    }

    [Fact]
    public void A_moderator_opens_the_whiteboard_for_everyone_once_and_exports_it()
    {
        var state = Room_in_session();
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new OpenWhiteboard(Room, Uma)).Error);

        var (opened, heard, effects) = Run(state, new OpenWhiteboard(Room, Mod));
        Assert.Equal(3, heard.Count(n => n.Payload is WhiteboardSpaceUrl { Url: var url } && url.StartsWith($"https://meet.example.org/whiteboard/{Room.Value}?token=", StringComparison.Ordinal)));
        var access = Assert.IsType<DocumentAccessChanged>(Assert.Single(effects.OfType<SendToDocument>()).Message);
        Assert.Equal(access.Readers, access.Writers);
        Assert.Equal(ErrorCodes.AlreadyInitialized, When(opened, new OpenWhiteboard(Room, Mod)).Error);

        var (_, _, exported) = Run(opened, new ExportDocument(Room, Mod, DocumentKind.Whiteboard));
        var export = Assert.Single(exported.OfType<RequestExport>()).Export;
        Assert.Equal((DocumentKind.Whiteboard, opened.WhiteboardId!.Value, Mod.Value, Room.Value), (export.Kind, export.DocumentId, export.RequestedBy, export.AssetRoomId));
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(opened, new ExportDocument(Room, Uma, DocumentKind.Whiteboard)).Error);
    }
}
