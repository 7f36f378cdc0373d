using System.Text;
using Akka.Actor;
using BenchmarkDotNet.Attributes;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Host.Signaling;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Benchmarks;

/// <summary>The work done for every signaling message: parse, decide, chain, render.</summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly byte[] _frame = Encoding.UTF8.GetBytes("{\"namespace\":\"control\",\"payload\":{\"action\":\"raise_hand\"}}");
    private readonly byte[] _chat = Encoding.UTF8.GetBytes("{\"namespace\":\"chat\",\"payload\":{\"action\":\"send_message\",\"content\":\"Shall we start with the budget?\",\"scope\":\"private\",\"target\":\"6f1c2b2e-8f0e-4a51-9a43-5a3ad2c7a3b1\"}}");
    private MeetingState _room = null!;
    private Guid _speaker;

    [GlobalSetup]
    public void Setup()
    {
        var roomId = Guid.NewGuid();
        _room = MeetingEvolve.Apply(MeetingState.Empty(roomId), new RoomCreated(roomId, Guid.NewGuid(), null, false));
        for (var i = 0; i < 10; i++)
        {
            var id = Guid.NewGuid();
            _speaker = id;
            _room = MeetingEvolve.Apply(_room, new ParticipantJoined(id, $"Person {i}", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())) { OccurredAt = Now });
        }
    }

    [Benchmark]
    public ParsedMessage Parse_a_command() => ClientMessageParser.Parse(_frame, new RoomId(_room.RoomId), new ParticipantId(_speaker));

    /// <summary>A message with fields, as most are: read, checked and made into the meeting's command.</summary>
    [Benchmark]
    public ParsedMessage Parse_a_chat_message() => ClientMessageParser.Parse(_chat, new RoomId(_room.RoomId), new ParticipantId(_speaker));

    [Benchmark]
    public MeetingState Decide_and_evolve_raise_hand()
    {
        var decision = MeetingDecider.Decide(_room, new RaiseHand(new RoomId(_room.RoomId), new ParticipantId(_speaker)), Now);
        return decision.Events.Aggregate(_room, MeetingEvolve.Apply);
    }

    [Benchmark]
    public string Hash_an_event_for_the_chain() => HashChain.HashOf(new HandRaised(_speaker) { OccurredAt = Now, PrevHash = "00" });

    [Benchmark]
    public string Render_join_success_for_ten_people() =>
        new ServerEnvelope(Namespaces.Control, Now, MeetingNotifications.JoinSuccessFor(_speaker, _room, resumed: false)).ToJson();

    [Benchmark]
    public int Fan_out_a_hand_raise_to_ten_people()
    {
        var evt = new HandRaised(_speaker) { OccurredAt = Now };
        var after = MeetingEvolve.Apply(_room, evt);
        return MeetingNotifications.For(evt, _room, after).Count();
    }
}
