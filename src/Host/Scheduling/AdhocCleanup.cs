using Microsoft.Extensions.Options;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Host.Apis;
using OpenTalk.Projections.Events;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Scheduling;

/// <summary>
/// Ad-hoc meetings are cleaned up a day after they were started: the meeting is cancelled (without mail) and its room
/// deleted. A room with people in it is left for the next pass. Every node runs this; doing it twice is harmless.
/// </summary>
public sealed partial class AdhocCleanup(
    EventsReader events, EngineGateway engine, TimeProvider clock, IOptions<SchedulingSettings> settings, ILogger<AdhocCleanup> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.Value.AdhocCleanupIntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(log, e);
            }
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - TimeSpan.FromSeconds(settings.Value.AdhocLifetimeSeconds);
        foreach (var (eventId, roomId) in await events.StaleAdhocAsync(before, ct))
        {
            var room = await engine.AskMeetingAsync<MeetingReply>(new DeleteRoom(roomId, Guid.Empty, AsAdmin: false), ct);
            if (room.Error == ProblemCodes.RoomInUse)
                continue;
            await engine.AskEventAsync(new CancelEvent(new ScheduledEventId(eventId), new UserId(Guid.Empty), SuppressMail: true), ct);
            LogCleaned(log, eventId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ad-hoc meeting {EventId} expired: cancelled and its room deleted")]
    private static partial void LogCleaned(ILogger logger, Guid eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The ad-hoc clean-up pass failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception error);
}
