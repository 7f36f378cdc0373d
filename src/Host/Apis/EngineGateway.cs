using Akka.Actor;
using Akka.Hosting;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Host.Apis;

/// <summary>The APIs' way into the engine: one ask, with a timeout that becomes a 503.</summary>
public sealed class EngineGateway(
    IRequiredActor<MeetingRegion> meetings,
    IRequiredActor<ParticipantRegion> participants,
    IRequiredActor<EventRegion> events,
    IRequiredActor<SipRegion> sip)
{
    // Long enough for a journal write under load, short enough that a client asking while a meeting
    // moves to another node hears "503, retry" in seconds rather than hanging.
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public IActorRef Meetings => meetings.ActorRef;

    public IActorRef Participants => participants.ActorRef;

    public Task<T> AskMeetingAsync<T>(IWithRoomId command, CancellationToken ct) =>
        meetings.ActorRef.Ask<T>(command, AskTimeout, ct);

    public Task<Actors.Scheduling.EventReply> AskEventAsync(IWithEventId command, CancellationToken ct) =>
        events.ActorRef.Ask<Actors.Scheduling.EventReply>(command, AskTimeout, ct);

    public Task<Actors.Meetings.SipClaim> AskSipAsync(IWithSipId command, CancellationToken ct) =>
        sip.ActorRef.Ask<Actors.Meetings.SipClaim>(command, AskTimeout, ct);

    public void TellSip(IWithSipId command) => sip.ActorRef.Tell(command);

    public Task<T> AskParticipantAsync<T>(IWithParticipantId command, CancellationToken ct) =>
        participants.ActorRef.Ask<T>(command, AskTimeout, ct);
}
