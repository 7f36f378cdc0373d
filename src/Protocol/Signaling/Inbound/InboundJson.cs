using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OpenTalk.Protocol.Signaling.Inbound;

/// <summary>
/// How the payload of a client's frame is read: its namespace picks an interface, whose <c>[JsonDerivedType]</c>
/// attributes map each action to its record.
/// </summary>
public static partial class InboundJson
{
    private static readonly (string Namespace, Type Interface)[] Modules =
    [
        (Signaling.Namespaces.Control, typeof(IControlMessage)),
        (Signaling.Namespaces.Echo, typeof(IEchoMessage)),
        (Signaling.Namespaces.Moderation, typeof(IModerationMessage)),
        (Signaling.Namespaces.Media, typeof(IMediaMessage)),
        (Signaling.Namespaces.Chat, typeof(IChatMessage)),
        (Signaling.Namespaces.Timer, typeof(ITimerMessage)),
        (Signaling.Namespaces.Polls, typeof(IPollsMessage)),
        (Signaling.Namespaces.Automod, typeof(IAutomodMessage)),
        (Signaling.Namespaces.LegalVote, typeof(ILegalVoteMessage)),
        (Signaling.Namespaces.SubroomAudio, typeof(ISubroomAudioMessage)),
        (Signaling.Namespaces.Breakout, typeof(IBreakoutMessage)),
        (Signaling.Namespaces.Recording, typeof(IRecordingMessage)),
        (Signaling.Namespaces.RecordingService, typeof(IRecordingServiceMessage)),
        (Signaling.Namespaces.CallIn, typeof(ICallInMessage)),
        (Signaling.Namespaces.DialOut, typeof(IDialOutMessage)),
        (Signaling.Namespaces.MeetingNotes, typeof(IMeetingNotesMessage)),
        (Signaling.Namespaces.Whiteboard, typeof(IWhiteboardMessage)),
        (Signaling.Namespaces.MeetingReport, typeof(IMeetingReportMessage)),
    ];

    /// <summary>
    /// Built from scratch rather than from <see cref="WireJson.Options"/>: the web defaults match names in any letter
    /// case and read numbers from strings, and the enum converter there reads any case and integers. Clients have always
    /// been refused all of these.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The interface of each namespace a client may send to.</summary>
    public static FrozenDictionary<string, Type> Namespaces { get; } =
        Modules.ToFrozenDictionary(m => m.Namespace, m => m.Interface, StringComparer.Ordinal);

    /// <summary>The record of each action by namespace, taken from the interfaces' attributes so that there is one list to keep.</summary>
    public static FrozenDictionary<string, FrozenDictionary<string, Type>> Actions { get; } =
        Modules.ToFrozenDictionary(m => m.Namespace, m => DerivedTypes(m.Interface), StringComparer.Ordinal);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            // Clients write the action wherever they like in the payload; reading through an interface needs it first otherwise.
            AllowOutOfOrderMetadataProperties = true,
            // Clients send fields no record has: those of other actions, or of later versions.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            // A name given twice counts with its last value, as it always has (the earlier one is still read: it must not be malformed).
            AllowDuplicateProperties = true,
            Converters = { new WireEnumConverterFactory() },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }

    private static FrozenDictionary<string, Type> DerivedTypes(Type messageInterface) =>
        Options.GetTypeInfo(messageInterface).PolymorphismOptions!.DerivedTypes
            .ToFrozenDictionary(d => (string)d.TypeDiscriminator!, d => d.DerivedType, StringComparer.Ordinal);
}
