using System.Collections.Immutable;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// OpenTalk's meeting report: the session's title, times, attendees with their roles and times, and the results of its
/// polls and formal votes, as a PDF asset of the room. A moderator asks for it (with e-mail addresses if they choose),
/// and one is made without addresses when a session with people in it closes, for the owner to find on the dashboard.
/// The meeting keeps what the report needs while the session runs (<see cref="SessionRecord"/>); the node renders it.
/// </summary>
public sealed class MeetingReportModule : IMeetingModule
{
    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } = [(typeof(ReportRequested), "meeting.report_requested.v1")];

    public IReadOnlyList<Type> ReactsTo { get; } =
    [
        typeof(ParticipantJoined), typeof(ParticipantLeft), typeof(ModeratorRoleGranted), typeof(ModeratorRoleRevoked),
        typeof(PollStarted), typeof(PollFinished), typeof(LegalVoteStarted), typeof(LegalVoteStopped), typeof(LegalVoteCanceled),
        typeof(SessionClosed), typeof(AssetAdded),
    ];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now) => command switch
    {
        GenerateReport c => MeetingDecider.RequireModerator(state, c.ParticipantId)
            ?? Decision.Accept(MeetingDecider.Stamp(new ReportRequested(c.IncludeEmailAddresses), Actor.Participant(c.ParticipantId), now)),
        AddReport c when state.Assets?.ContainsKey(c.Asset.Id) == true => Decision.Reject(MeetingDecider.AlreadyExists),
        AddReport c => Decision.Accept(MeetingDecider.Stamp(new AssetAdded(c.Asset.Id, c.Asset.Filename, c.Asset.Namespace, c.Asset.Kind,
            c.Asset.Size, null, c.Asset.StorageKey, c.Asset.BreakoutRoomId), c.RequestedBy is { } by ? Actor.Participant(by) : Actor.System, now)),
        _ => null,
    };

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        SessionClosed => state.Session is null ? null : state with { Session = null },
        ParticipantJoined e when e.Identity.Kind != ParticipantKind.Recorder => With(state, e.OccurredAt, s => s with
        {
            Attendees = s.Attendees.FindIndex(a => a.ParticipantId == e.ParticipantId) is var i and >= 0
                ? s.Attendees.SetItem(i, s.Attendees[i] with { DisplayName = e.DisplayName, Role = e.Role, LeftAt = null })
                : s.Attendees.Add(new SessionAttendance(e.ParticipantId, e.DisplayName, e.Role, e.Identity.Kind, e.Identity.UserId, e.OccurredAt, null)),
        }),
        ParticipantLeft e => Attendee(state, e.ParticipantId, a => a with { LeftAt = e.OccurredAt }),
        ModeratorRoleGranted e => Attendee(state, e.ParticipantId, a => a with { Role = MeetingRole.Moderator }),
        ModeratorRoleRevoked e => Attendee(state, e.ParticipantId, a => a with { Role = MeetingRole.User }),
        PollStarted e => With(state, e.OccurredAt, s => s with { Polls = s.Polls.Add(new PollOutcome(e.PollId, e.Topic, e.Choices, null)) }),
        PollFinished e => With(state, e.OccurredAt, s => s with
        {
            Polls = s.Polls.Select(p => p.PollId == e.PollId ? p with { Tally = e.Tally } : p).ToImmutableList(),
        }),
        LegalVoteStarted e => With(state, e.OccurredAt, s => s with { Votes = s.Votes.Add(new VoteOutcome(e.VoteId, e.Name)) }),
        LegalVoteStopped e => With(state, e.OccurredAt, s => s with
        {
            Votes = s.Votes.Select(v => v.VoteId == e.VoteId
                ? v with { Yes = e.Yes, No = e.No, Abstain = e.Abstain, VotesDigest = e.VotesDigest } : v).ToImmutableList(),
        }),
        LegalVoteCanceled e => With(state, e.OccurredAt, s => s with
        {
            Votes = s.Votes.Select(v => v.VoteId == e.VoteId ? v with { Canceled = e.Reason } : v).ToImmutableList(),
        }),
        _ => null,
    };

    /// <summary>Changes the session's record, begun now if the session had none (a state from before reports existed).</summary>
    private static MeetingState With(MeetingState state, DateTimeOffset at, Func<SessionRecord, SessionRecord> change) =>
        state with { Session = change(state.Session ?? RecordOf(state, at)) };

    private static MeetingState? Attendee(MeetingState state, Guid participantId, Func<SessionAttendance, SessionAttendance> change) =>
        state.Session is { } s && s.Attendees.FindIndex(a => a.ParticipantId == participantId) is var i and >= 0
            ? state with { Session = s with { Attendees = s.Attendees.SetItem(i, change(s.Attendees[i])) } }
            : null;

    /// <summary>The session's record: as kept, or, for a session that began before reports existed, who is in the room now.</summary>
    public static SessionRecord RecordOf(MeetingState state, DateTimeOffset now)
    {
        if (state.Session is { } kept)
            return kept;
        var inRoom = state.InRoom.OrderBy(p => p.JoinedAt).ToList();
        return SessionRecord.Begin(inRoom.Count > 0 ? inRoom[0].JoinedAt : now) with
        {
            Attendees = [.. inRoom.Select(p => new SessionAttendance(p.Id, p.DisplayName, p.Role, p.Identity.Kind, p.Identity.UserId, p.JoinedAt, null))],
        };
    }

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        // Only the moderator who asked hears of it; the report made at the end of the session is for the dashboard.
        AssetAdded e when e.Namespace == Namespaces.MeetingReport && Actor.ParticipantOf(e.By) is { } asker && after.Find(asker) is { IsInRoom: true } =>
            [new Notification(asker, Namespaces.MeetingReport, new PdfAsset(e.Filename, e.AssetId))],
        _ => null,
    };

    public IEnumerable<MeetingEffect> Effects(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        ReportRequested e when Actor.ParticipantOf(e.By) is { } asker =>
            [Request(after, asker, after.Find(asker)?.Identity.UserId, e.IncludeEmailAddresses, e.OccurredAt, ended: false)],
        // A breakout room's session ends with the breakout session: the main room's report is the one to keep.
        SessionClosed e when before.MainRoomId is null && before.Session is { Attendees.Count: > 0 } =>
            [Request(before, null, before.Room?.OwnerId, includeEmails: false, e.OccurredAt, ended: true)],
        _ => [],
    };

    private static RequestReport Request(MeetingState state, Guid? asker, Guid? languageOf, bool includeEmails, DateTimeOffset at, bool ended)
    {
        var record = RecordOf(state, at);
        // Closing for everyone may end a session with people still in it: they left when it closed.
        if (ended)
            record = record with { Attendees = [.. record.Attendees.Select(a => a with { LeftAt = a.LeftAt ?? at })] };
        return new RequestReport(new MeetingReportRequested(state.RoomId, state.MainRoomId ?? state.RoomId,
            state.MainRoomId is null ? null : state.RoomId, asker, languageOf, includeEmails, at, ended, record));
    }

    /// <summary>Tells the moderator who asked that their report could not be made.</summary>
    public static IEnumerable<Notification> Failed(MeetingState state, ReportFailed failed) =>
        state.Find(failed.RequestedBy) is { IsInRoom: true }
            ? [new Notification(failed.RequestedBy, Namespaces.MeetingReport, new ErrorPayload(failed.Error))]
            : [];
}
