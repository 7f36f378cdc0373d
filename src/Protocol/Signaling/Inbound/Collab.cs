using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

public static class MeetingNotesActions
{
    public const string SelectWriter = "select_writer";
    public const string DeselectWriter = "deselect_writer";
    public const string GeneratePdf = "generate_pdf";
}

/// <summary>OpenTalk's meeting notes: moderators choose who writes (the first choice starts the notes); everyone else reads.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(SelectWriter), MeetingNotesActions.SelectWriter)]
[JsonDerivedType(typeof(DeselectWriter), MeetingNotesActions.DeselectWriter)]
[JsonDerivedType(typeof(GenerateNotesPdf), MeetingNotesActions.GeneratePdf)]
public interface IMeetingNotesMessage;

public sealed record SelectWriter(IReadOnlyList<Guid>? ParticipantIds) : IMeetingNotesMessage;

public sealed record DeselectWriter(IReadOnlyList<Guid>? ParticipantIds) : IMeetingNotesMessage;

public sealed record GenerateNotesPdf : IMeetingNotesMessage;

public static class WhiteboardActions
{
    public const string Initialize = "initialize";
    public const string GeneratePdf = "generate_pdf";
}

/// <summary>OpenTalk's whiteboard: a moderator opens it for everyone in the room; a moderator exports it as a PDF.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(InitializeWhiteboard), WhiteboardActions.Initialize)]
[JsonDerivedType(typeof(GenerateWhiteboardPdf), WhiteboardActions.GeneratePdf)]
public interface IWhiteboardMessage;

public sealed record InitializeWhiteboard : IWhiteboardMessage;

public sealed record GenerateWhiteboardPdf : IWhiteboardMessage;
