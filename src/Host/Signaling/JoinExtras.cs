using System.Text.Json;
using System.Text.Json.Nodes;
using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Apis;
using OpenTalk.Host.Auth;
using OpenTalk.Projections.Events;
using OpenTalk.Protocol;
using OpenTalk.Protocol.Rest;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>
/// What <c>join_success</c> tells beyond the meeting's own state: the meeting the room belongs to (OpenTalk's
/// <c>event_info</c>, which titles the room) and the room's creator as a profile. Both live in read models, so they
/// are read once when the socket opens and added to the frame here: the meeting itself stays free of lookups.
/// </summary>
public sealed record JoinExtras(RoomEventInfo? EventInfo, RoomCreator CreatedBy)
{
    /// <summary>When the read models cannot be read: no meeting, and a creator without a name (OpenTalk's apps read one).</summary>
    public static readonly JoinExtras Unknown = new(null, new RoomCreator("", "", "", "", ""));

    /// <summary>The extras of a room; null (the join goes on without them) when the room or a read model cannot be read.</summary>
    /// <param name="join">What showing how to join takes: whoever holds a ticket was let in.</param>
    public static async Task<JoinExtras?> LoadAsync(Guid roomId, EngineGateway engine, EventsReader events, UserProfiles profiles,
        RoomsApi.JoinDetails join, ILogger log, CancellationToken ct)
    {
        try
        {
            if ((await engine.AskMeetingAsync<MeetingReply>(new GetRoom(roomId), ct)).Room is not { } room)
                return null;
            var owner = await profiles.FindAsync(room.OwnerId, ct);
            var creator = owner is null
                ? Unknown.CreatedBy
                : new RoomCreator(owner.Title, owner.Firstname, owner.Lastname, owner.DisplayName, owner.AvatarUrl);
            return new JoinExtras(await RoomsApi.EventInfoAsync(roomId, engine, events, join, ct), creator);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not read the meeting and creator of room {RoomId}; join_success goes without them", roomId);
            return null;
        }
    }

    /// <summary>Puts the extras into a <c>join_success</c> payload.</summary>
    public void AddTo(JsonObject payload)
    {
        if (EventInfo is not null)
            payload["event_info"] = JsonSerializer.SerializeToNode(EventInfo, WireJson.Options);
        if (payload["room_info"] is JsonObject roomInfo)
            roomInfo["created_by"] = JsonSerializer.SerializeToNode(CreatedBy, WireJson.Options);
    }
}
