using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Artifacts;
using OpenTalk.Host.Auth;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>
/// The recorder hands in a finished recording (<c>POST /v1/services/recording/upload</c>): the raw body is the file,
/// stored in the artifact store and recorded as the room's asset. A breakout room's recording belongs to its main room.
/// </summary>
public static partial class RecordingUpload
{
    public const int MaxFilenameLength = 255;
    public const string Namespace = "recording";
    public const string Kind = "record";

    // The room's meeting may be moving between nodes: the asset is recorded again under the same id (a second
    // attempt after a first that was stored finds it there), so a stored file is not lost to one slow answer.
    private const int Attempts = 3;

    /// <param name="room_id">The room the recording belongs to (the main room of a breakout room).</param>
    /// <param name="breakout_room">The breakout room it was made in, if any.</param>
    /// <param name="filename">Its name, shown to people and sent with downloads: no folders.</param>
    /// <param name="duration">Its length in seconds, if known.</param>
    public static async Task<IResult> HandleAsync(HttpContext context, EngineGateway engine, IArtifactStore store, IOptions<ArtifactSettings> settings,
        ILoggerFactory logs, string? room_id, string? breakout_room, string? filename, string? duration)
    {
        var caller = CurrentUser.From(context.User)!;
        if (!caller.Roles.Contains(ServicesApi.RecorderRole))
            return Problems.For(ProblemCodes.Forbidden, $"Only a service account with the role {ServicesApi.RecorderRole} uploads recordings.");
        // Read as text, so that a malformed value is a 422 naming it rather than the framework's bare 400.
        var (upload, invalid) = Read(room_id, breakout_room, filename, duration);
        if (invalid is not null)
            return invalid;
        var room = await engine.AskMeetingAsync<MeetingReply>(new GetRoom(upload!.RoomId), context.RequestAborted);
        if (room.Error is { } error)
            return Problems.For(error);

        // Only here, for the recorder, may a body be this large; everything else keeps the node's small limit.
        var limit = settings.Value.MaxUploadBytes;
        if (context.Request.ContentLength > limit)
            return Problems.For(ProblemCodes.BodyTooLarge, $"A recording has at most {limit} bytes.");
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = limit;

        var assetId = Guid.NewGuid();
        var key = ArtifactKeys.ForAsset(upload.RoomId, assetId);
        var size = await store.WriteAsync(key, context.Request.Body, context.RequestAborted);
        var asset = new RoomAsset(assetId, upload.Filename, Namespace, Kind, size, upload.DurationSeconds, key, upload.BreakoutRoom, default);
        var (added, refused) = await AddAsync(engine, new AddAsset(upload.RoomId, caller.Id, asset));
        if (refused is not null)
        {
            // The room went away while the file came in: nothing of it stays.
            await store.DeleteAsync(key, CancellationToken.None);
            return Problems.For(refused);
        }
        if (logs.CreateLogger(typeof(RecordingUpload)) is var log && log.IsEnabled(LogLevel.Information))
            LogStored(log, assetId, upload.RoomId, size);
        return Results.Created($"/v1/rooms/{upload.RoomId}/assets/{assetId}",
            new AssetResource(added!.Id, added.Filename, added.Namespace, added.CreatedAt, added.Kind, added.Size)
            {
                Duration = added.DurationSeconds,
            });
    }

    private sealed record Upload(Guid RoomId, Guid? BreakoutRoom, string Filename, double? DurationSeconds);

    private static (Upload? Upload, IResult? Problem) Read(string? room, string? breakoutRoom, string? filename, string? duration)
    {
        if (!Guid.TryParse(room, out var roomId))
            return (null, Problems.Validation("room_id", "The room the recording belongs to is required (a UUID)."));
        Guid? breakout = null;
        if (!string.IsNullOrEmpty(breakoutRoom))
        {
            if (!Guid.TryParse(breakoutRoom, out var id))
                return (null, Problems.Validation("breakout_room", "The breakout room is a UUID."));
            breakout = id;
        }
        if (CheckFilename(filename) is { } wrong)
            return (null, Problems.Validation("filename", wrong));
        double? seconds = null;
        if (!string.IsNullOrEmpty(duration))
        {
            if (!double.TryParse(duration, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
                return (null, Problems.Validation("duration", "The duration is a number of seconds, 0 or more."));
            seconds = value;
        }
        return (new Upload(roomId, breakout, filename!, seconds), null);
    }

    /// <summary>Why a file name cannot be an asset's, or null: a name only, shown to people and sent back in downloads.</summary>
    public static string? CheckFilename(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return "The file name is required.";
        if (name.Length > MaxFilenameLength)
            return $"A file name has at most {MaxFilenameLength} characters.";
        if (name.IndexOfAny(['/', '\\']) >= 0 || name is "." or "..")
            return "A file name is a name only: no folders, no '/' or '\\'.";
        if (name.Any(char.IsControl))
            return "A file name has no control characters.";
        if (name.Trim() != name)
            return "A file name does not begin or end with spaces.";
        return null;
    }

    private static async Task<(RoomAsset? Asset, string? Refused)> AddAsync(EngineGateway engine, AddAsset command)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Not the request's token: the file is stored, whether or not the recorder still waits for the answer.
                var reply = await engine.AskMeetingAsync<RoomAssetsReply>(command, CancellationToken.None);
                if (reply.Error == MeetingDecider.AlreadyExists)
                {
                    var known = await engine.AskMeetingAsync<RoomAssetsReply>(new GetRoomAssets(command.RoomId), CancellationToken.None);
                    return (known.Assets.First(a => a.Id == command.Asset.Id), null);
                }
                return reply.Error is { } error ? (null, error) : (reply.Assets[0], null);
            }
            catch (Akka.Actor.AskTimeoutException) when (attempt < Attempts)
            {
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored recording {AssetId} of room {RoomId}: {Size} bytes")]
    private static partial void LogStored(ILogger logger, Guid assetId, Guid roomId, long size);
}
