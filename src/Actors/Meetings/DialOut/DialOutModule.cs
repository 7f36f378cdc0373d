using System.Collections.Immutable;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Rest;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// (ours, beyond OpenTalk) A moderator calls a phone into the meeting. The room asks for a phone gateway
/// (<see cref="RequestService"/>, kind <see cref="GatewayKind"/>); the gateway claims the call, dials through its trunk
/// and, once the callee answers, brings them in as a participant of kind <c>sip</c> (<see cref="ParticipantIdentity.ForCallee"/>),
/// past the waiting room: a moderator asked for them. The moderators hear how each call goes (<c>call_updated</c>).
/// </summary>
public sealed class DialOutModule : IMeetingModule
{
    public const string GatewayKind = "call_out";

    /// <summary>How long a call waits for a gateway to take it.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How long a taken call may ring and connect (the gateway gives up ringing after a minute).</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Calls under way at once per room: enough for a moderator, too few to flood a trunk.</summary>
    public const int MaxPending = 5;

    public const string NoGateway = "no_gateway", NoAnswer = "no_answer";
    /// <summary>What a gateway may report (<see cref="ReportDialOutFailed"/>).</summary>
    public static readonly IReadOnlySet<string> GatewayReasons = new HashSet<string>(["busy", "declined", NoAnswer, "unreachable"], StringComparer.Ordinal);

    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(PhoneDialed), "meeting.phone_dialed.v1"),
        (typeof(DialOutClaimed), "meeting.dial_out_claimed.v1"),
        (typeof(DialOutFailed), "meeting.dial_out_failed.v1"),
    ];

    public IReadOnlyList<Type> ReactsTo { get; } = [typeof(ParticipantJoined), typeof(SessionClosed)];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now) => command switch
    {
        DialPhone c => Dial(state, c, now),
        ClaimDialOut c => state.DialOuts.TryGetValue(c.CallId, out var call) && call.ClaimedAt is null
            ? Decision.Accept(MeetingDecider.Stamp(new DialOutClaimed(c.CallId), Actor.System, now))
            : Decision.Reject(ProblemCodes.NotFound),
        ReportDialOutFailed c when !GatewayReasons.Contains(c.Reason) => Decision.Reject(ProblemCodes.ValidationFailed),
        ReportDialOutFailed c => state.DialOuts.TryGetValue(c.CallId, out var call) && call.ClaimedAt is not null
            ? Decision.Accept(MeetingDecider.Stamp(new DialOutFailed(c.CallId, c.Reason), Actor.System, now))
            : Decision.Reject(ProblemCodes.NotFound),
        DialOutDeadline c => Deadline(state, c.CallId, now),
        _ => null,
    };

    private static Decision Dial(MeetingState state, DialPhone c, DateTimeOffset now)
    {
        if (MeetingDecider.RequireModerator(state, c.ParticipantId) is { } refused)
            return refused;
        if (Normalize(c.Number) is not { } number)
            return Decision.Reject(ErrorCodes.InvalidPhoneNumber);
        if (state.DialOuts.Count >= MaxPending)
            return Decision.Reject(ErrorCodes.TooManyCalls);
        return Decision.Accept(MeetingDecider.Stamp(new PhoneDialed(Guid.NewGuid(), number), Actor.Participant(c.ParticipantId), now));
    }

    /// <summary>Digits with a leading + at most, 3 to 20 of them; what people write between digits is dropped.</summary>
    public static string? Normalize(string number)
    {
        var kept = new string(number.Where(ch => ch is not (' ' or '-' or '(' or ')' or '/' or '.')).ToArray());
        var digits = kept.StartsWith('+') ? kept[1..] : kept;
        return digits.Length is >= 3 and <= 20 && digits.All(char.IsAsciiDigit) ? kept : null;
    }

    private static Decision Deadline(MeetingState state, Guid callId, DateTimeOffset now)
    {
        if (!state.DialOuts.TryGetValue(callId, out var call))
            return Decision.Nothing;
        var (due, reason) = call.ClaimedAt is { } claimed ? (claimed + AnswerTimeout, NoAnswer) : (call.RequestedAt + ClaimTimeout, NoGateway);
        return due <= now ? Decision.Accept(MeetingDecider.Stamp(new DialOutFailed(callId, reason), Actor.System, now)) : Decision.Nothing;
    }

    /// <summary>Whether a callee of <paramref name="callId"/> may come in: a gateway took the call and nobody answered it yet.</summary>
    public static bool AwaitsCallee(MeetingState state, Guid callId) =>
        state.DialOuts.TryGetValue(callId, out var call) && call.ClaimedAt is not null;

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        PhoneDialed e => state with { DialOuts = state.DialOuts.SetItem(e.CallId, new PendingDialOut(e.Number, e.OccurredAt, null)) },
        DialOutClaimed e when state.DialOuts.TryGetValue(e.CallId, out var call) =>
            state with { DialOuts = state.DialOuts.SetItem(e.CallId, call with { ClaimedAt = e.OccurredAt }) },
        DialOutFailed e => state with { DialOuts = state.DialOuts.Remove(e.CallId) },
        ParticipantJoined { Identity.CallId: { } callId } => state with { DialOuts = state.DialOuts.Remove(callId) },
        SessionClosed when !state.DialOuts.IsEmpty => state with { DialOuts = ImmutableDictionary<Guid, PendingDialOut>.Empty },
        _ => null,
    };

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        PhoneDialed e => ToModerators(after, new DialOutUpdated(e.CallId, e.Number, DialOutStatus.Dialing)),
        DialOutFailed e when before.DialOuts.TryGetValue(e.CallId, out var call) =>
            ToModerators(after, new DialOutUpdated(e.CallId, call.Number, DialOutStatus.Failed, e.Reason)),
        ParticipantJoined { Identity.CallId: { } callId } e when before.DialOuts.TryGetValue(callId, out var call) =>
            ToModerators(after, new DialOutUpdated(callId, call.Number, DialOutStatus.Answered, ParticipantId: e.ParticipantId)),
        _ => null,
    };

    private static IEnumerable<Notification> ToModerators(MeetingState state, ServerPayload payload) =>
        MeetingNotifications.ToModerators(state, Namespaces.DialOut, payload);

    public IEnumerable<MeetingEffect> Effects(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        PhoneDialed e => [
            new RequestService(new ServiceJobRequested(GatewayKind, after.RoomId, after.MainRoomId, e.CallId)),
            new StartClock(ClockOf(e.CallId), new DialOutDeadline(e.CallId), e.OccurredAt + ClaimTimeout),
        ],
        DialOutClaimed e => [new StartClock(ClockOf(e.CallId), new DialOutDeadline(e.CallId), e.OccurredAt + AnswerTimeout)],
        DialOutFailed e => [new StopClock(ClockOf(e.CallId))],
        ParticipantJoined { Identity.CallId: { } callId } => [new StopClock(ClockOf(callId))],
        SessionClosed => before.DialOuts.Keys.Select(id => (MeetingEffect)new StopClock(ClockOf(id))),
        _ => [],
    };

    public IEnumerable<MeetingEffect> Resume(MeetingState state) =>
        state.DialOuts.Select(d => new StartClock(ClockOf(d.Key), new DialOutDeadline(d.Key),
            d.Value.ClaimedAt is { } claimed ? claimed + AnswerTimeout : d.Value.RequestedAt + ClaimTimeout));

    private static string ClockOf(Guid callId) => $"dial-out-{callId:N}";

}
