using OpenTalk.Actors.Journal;
using Wire = OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// Between the meeting's own enums and the wire protocol's look-alikes (see <see cref="EnumByName{TFrom, TTo}"/>): the
/// signaling parser reads the wire's and maps them in, notifications and the media actors map them out.
/// </summary>
public static class WireNames
{
    public static Wire.StreamStatus ToWire(this StreamPhase value) => EnumByName<StreamPhase, Wire.StreamStatus>.Of(value);
    public static StreamPhase ToMeeting(this Wire.StreamStatus value) => EnumByName<Wire.StreamStatus, StreamPhase>.Of(value);

    public static Wire.Role ToWire(this MeetingRole value) => EnumByName<MeetingRole, Wire.Role>.Of(value);

    public static Wire.ParticipationKind ToWire(this ParticipantKind value) => EnumByName<ParticipantKind, Wire.ParticipationKind>.Of(value);

    public static Wire.LeftReason ToWire(this LeaveReason value) => EnumByName<LeaveReason, Wire.LeftReason>.Of(value);

    public static Wire.KickScope ToWire(this DebriefScope value) => EnumByName<DebriefScope, Wire.KickScope>.Of(value);
    public static DebriefScope ToMeeting(this Wire.KickScope value) => EnumByName<Wire.KickScope, DebriefScope>.Of(value);

    public static Wire.ChatScope ToWire(this MessageScope value) => EnumByName<MessageScope, Wire.ChatScope>.Of(value);
    public static MessageScope ToMeeting(this Wire.ChatScope value) => EnumByName<Wire.ChatScope, MessageScope>.Of(value);

    public static Wire.MediaSessionType ToWire(this MediaKind value) => EnumByName<MediaKind, Wire.MediaSessionType>.Of(value);
    public static MediaKind ToMeeting(this Wire.MediaSessionType value) => EnumByName<Wire.MediaSessionType, MediaKind>.Of(value);

    public static Wire.SelectionStrategy ToWire(this SpeakerSelection value) => EnumByName<SpeakerSelection, Wire.SelectionStrategy>.Of(value);
    public static SpeakerSelection ToMeeting(this Wire.SelectionStrategy value) => EnumByName<Wire.SelectionStrategy, SpeakerSelection>.Of(value);

    public static SelectHow ToMeeting(this Wire.SpeakerSelect value) => EnumByName<Wire.SpeakerSelect, SelectHow>.Of(value);

    public static Wire.WhisperMemberState ToWire(this WhisperMembership value) => EnumByName<WhisperMembership, Wire.WhisperMemberState>.Of(value);

    public static Wire.LegalVoteKind ToWire(this VoteKind value) => EnumByName<VoteKind, Wire.LegalVoteKind>.Of(value);
    public static VoteKind ToMeeting(this Wire.LegalVoteKind value) => EnumByName<Wire.LegalVoteKind, VoteKind>.Of(value);

    public static Wire.VoteOption ToWire(this VoteChoice value) => EnumByName<VoteChoice, Wire.VoteOption>.Of(value);
    public static VoteChoice ToMeeting(this Wire.VoteOption value) => EnumByName<Wire.VoteOption, VoteChoice>.Of(value);

    public static Wire.LegalVoteStopKind ToWire(this VoteStopReason value) => EnumByName<VoteStopReason, Wire.LegalVoteStopKind>.Of(value);

    public static Wire.TimerKindWire ToWire(this RoomTimerKind value) => EnumByName<RoomTimerKind, Wire.TimerKindWire>.Of(value);
    public static RoomTimerKind ToMeeting(this Wire.TimerKindWire value) => EnumByName<Wire.TimerKindWire, RoomTimerKind>.Of(value);

    public static Wire.TimerStyle ToWire(this RoomTimerStyle value) => EnumByName<RoomTimerStyle, Wire.TimerStyle>.Of(value);
    public static RoomTimerStyle ToMeeting(this Wire.TimerStyle value) => EnumByName<Wire.TimerStyle, RoomTimerStyle>.Of(value);

    public static Wire.TimerStoppedKind ToWire(this RoomTimerStopReason value) => EnumByName<RoomTimerStopReason, Wire.TimerStoppedKind>.Of(value);

    /// <summary>Every pair above, for the test that maps each member both ways.</summary>
    public static IReadOnlyList<(Type Meeting, Type Wire)> Pairs { get; } =
    [
        (typeof(MeetingRole), typeof(Wire.Role)), (typeof(ParticipantKind), typeof(Wire.ParticipationKind)),
        (typeof(LeaveReason), typeof(Wire.LeftReason)), (typeof(DebriefScope), typeof(Wire.KickScope)),
        (typeof(MessageScope), typeof(Wire.ChatScope)), (typeof(MediaKind), typeof(Wire.MediaSessionType)),
        (typeof(SpeakerSelection), typeof(Wire.SelectionStrategy)), (typeof(WhisperMembership), typeof(Wire.WhisperMemberState)),
        (typeof(VoteKind), typeof(Wire.LegalVoteKind)), (typeof(VoteChoice), typeof(Wire.VoteOption)),
        (typeof(VoteStopReason), typeof(Wire.LegalVoteStopKind)), (typeof(RoomTimerKind), typeof(Wire.TimerKindWire)),
        (typeof(RoomTimerStyle), typeof(Wire.TimerStyle)), (typeof(RoomTimerStopReason), typeof(Wire.TimerStoppedKind)),
        (typeof(SelectHow), typeof(Wire.SpeakerSelect)),
    ];
}
