using CsCheck;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

/// <summary>
/// Random command sequences against the meeting decider. After every step the rules people rely on
/// must hold, whatever the order of joins, kicks, bans, hands and waiting-room moves.
/// </summary>
public class MeetingInvariantTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly RoomId Room = new(Guid.NewGuid());
    private static readonly Guid Owner = Guid.NewGuid();

    // A small cast, so commands often hit someone present.
    private static readonly Guid[] People = [.. Enumerable.Range(0, 6).Select(_ => Guid.NewGuid())];
    private static readonly ParticipantIdentity[] Identities =
    [
        ParticipantIdentity.ForUser(Owner), ParticipantIdentity.ForUser(Guid.NewGuid()), ParticipantIdentity.ForUser(Guid.NewGuid()),
        ParticipantIdentity.ForGuest("a"), ParticipantIdentity.ForGuest("a"), ParticipantIdentity.ForGuest("b"),
    ];

    private static readonly Guid Poll = Guid.NewGuid();
    private static readonly Guid Vote = Guid.NewGuid();
    private static readonly Guid Whisper = Guid.NewGuid();

    private static readonly Gen<object> Command =
        Gen.Select(Gen.Int[0, 34], Gen.Int[0, People.Length - 1], Gen.Int[0, People.Length - 1], Gen.Bool)
            .Select((kind, a, b, flag) => Build(kind, a, b, flag));

    private static object Build(int kind, int a, int b, bool flag)
    {
        var (me, target) = (People[a], People[b]);
        return kind switch
        {
            0 or 1 or 2 => new Join(Room, new ParticipantId(me), Identities[a], $"P{a}", Akka.Actor.ActorRefs.Nobody),
            3 => new EnterRoom(Room, new ParticipantId(me)),
            4 => new RaiseHand(Room, new ParticipantId(me)),
            5 => new LowerHand(Room, new ParticipantId(me)),
            6 => new GrantModeratorRole(Room, new ParticipantId(me), new ParticipantId(target)),
            7 => new RevokeModeratorRole(Room, new ParticipantId(me), new ParticipantId(target)),
            8 => new AcceptFromWaitingRoom(Room, new ParticipantId(me), new ParticipantId(target)),
            9 => new Leave(Room, new ParticipantId(me)),
            10 => new MarkDisconnected(me, DisconnectReasons.ConnectionLost),
            11 => new ExpireResumption(me),
            12 => new Kick(Room, new ParticipantId(me), new ParticipantId(target)),
            13 => new Ban(Room, new ParticipantId(me), new ParticipantId(target)),
            14 => new SendToWaitingRoom(Room, new ParticipantId(me), new ParticipantId(target)),
            15 => new Debrief(Room, new ParticipantId(me), flag ? DebriefScope.Guests : DebriefScope.UsersAndGuests),
            16 => new ChangeDisplayName(Room, new ParticipantId(me), new ParticipantId(target), flag ? "Renamed" : ""),
            17 => new SetWaitingRoom(Room, new ParticipantId(me), flag),
            18 => new SetRaiseHands(Room, new ParticipantId(me), flag),
            19 => new ResetRaisedHands(Room, new ParticipantId(me), flag ? null : [target]),
            20 => new RequestMuteOf(Room, new ParticipantId(me), flag ? [] : [target], flag),
            21 => new AcceptAllWaiting(Room, new ParticipantId(me)),
            22 => new StartPoll(Room, new ParticipantId(me), Poll, "Lunch?", flag, !flag, ["A", "B", "C"], TimeSpan.FromMinutes(1), flag),
            23 => new VoteInPoll(Room, new ParticipantId(me), Poll, flag ? [b % 3] : [a % 3, b % 3]),
            24 => new FinishPoll(Room, new ParticipantId(me), Poll),
            25 => new StartLegalVote(Room, new ParticipantId(me), Vote, "Motion", flag ? VoteKind.RollCall : VoteKind.Pseudonymous,
                [People[a], People[b]], flag, !flag, null, new Dictionary<Guid, string> { [People[a]] = $"t{a}", [People[b]] = $"t{b}" }),
            26 => new CastLegalVote(Room, new ParticipantId(me), Vote, flag ? VoteChoice.Yes : VoteChoice.Abstain, $"t{a}"),
            27 => new StartAutomod(Room, new ParticipantId(me), flag ? SpeakerSelection.Random : SpeakerSelection.Playlist, [target, me], null, flag, b),
            28 => new YieldSpeech(Room, new ParticipantId(me), target, b),
            29 => new SelectSpeaker(Room, new ParticipantId(me), flag ? SelectHow.Next : SelectHow.Specific, target, a),
            30 => new CreateWhisperGroup(Room, new ParticipantId(me), Whisper, [target]),
            31 => new AnswerWhisperInvite(Room, new ParticipantId(me), Whisper, flag),
            32 => new SendChatMessage(Room, new ParticipantId(me), Guid.NewGuid(), "hi", flag ? MessageScope.Global : MessageScope.Private, new ParticipantId(target), null),
            33 => new StartBreakout(Room, new ParticipantId(me), [new BreakoutRoomRequest(Guid.NewGuid(), "Red", flag ? [] : [target])], null, b),
            _ => new StopBreakout(Room, new ParticipantId(me)),
        };
    }

    [Fact]
    public void Meeting_rules_hold_after_every_step_of_any_command_sequence()
    {
        Command.Array[1, 60].Sample(commands =>
        {
            var state = MeetingEvolve.Apply(MeetingState.Empty(Room), new RoomCreated(Room, Owner, null, WaitingRoom: false));
            var now = Start;
            foreach (var command in commands)
            {
                now = now.AddSeconds(1);
                var decision = MeetingDecider.Decide(state, command, now);
                Assert.True(decision.IsRejected ? decision.Events.Count == 0 : true, "a refusal writes nothing");
                foreach (var evt in decision.Events)
                    state = MeetingEvolve.Apply(state, evt);
                AssertInvariants(state);
            }
        }, iter: 5000);
    }

    private static void AssertInvariants(MeetingState state)
    {
        foreach (var p in state.Participants.Values)
        {
            Assert.False(p.Identity.Kind == ParticipantKind.Guest && p.IsModerator, "a guest is never a moderator");
            Assert.False(state.IsBanned(p.Identity) && !state.IsOwner(p.Identity), "nobody banned is present");
            Assert.False(p.HandIsUp && !p.IsInRoom, "nobody waits with a raised hand");
            Assert.False(p.HandIsUp && !state.RaiseHandsEnabled, "no raised hand while raising hands is off");
            Assert.False(p.IsInRoom && state.IsOwner(p.Identity) && !p.IsModerator, "the owner in the room is a moderator");
            Assert.False(string.IsNullOrWhiteSpace(p.DisplayName), "everyone has a name");
        }
        if (state.Poll is { } poll)
        {
            Assert.Equal(poll.Votes.Values.Sum(v => v.Length), poll.Tally().Sum());
            Assert.All(poll.Votes.Values, v => Assert.True(poll.MultipleChoice || v.Length == 1, "a single-choice ballot has one choice"));
        }
        if (state.LegalVote is { } vote)
        {
            var tally = vote.Tally();
            Assert.Equal(vote.Votes.Count, tally.Yes + tally.No + tally.Abstain);
            Assert.True(vote.Votes.Count <= vote.Allowed.Count, "no more votes than voters");
            Assert.All(vote.Votes.Where(v => v.ParticipantId is not null).GroupBy(v => v.ParticipantId), g => Assert.Single(g));
        }
        if (state.Automod is { Speaker: { } speaker })
            Assert.True(state.Find(speaker) is { IsInRoom: true }, "the speaker is in the room");
        foreach (var group in state.Whispers.Values)
        {
            Assert.True(group.Members.ContainsKey(group.Creator), "a whisper group has its creator");
            Assert.All(group.Members.Keys, id => Assert.NotNull(state.Find(id)));
        }
        // An empty main room ends its session, unless everyone is in breakout rooms and will come back.
        if (state.Participants.IsEmpty && state.Breakout is null)
        {
            Assert.Empty(state.BannedUsers);
            Assert.Empty(state.BannedInvites);
        }
    }
}
