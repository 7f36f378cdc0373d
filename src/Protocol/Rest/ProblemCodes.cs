namespace OpenTalk.Protocol.Rest;

/// <summary>The <c>code</c> member of REST problem details.</summary>
public static class ProblemCodes
{
    public const string InvalidJson = "invalid_json";
    public const string ValidationFailed = "validation_failed";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string WrongRoomPassword = "wrong_room_password";
    /// <summary>An invite code (401), or a call-in's conference id and PIN (400, as OpenTalk answers the gateway).</summary>
    public const string InvalidCredentials = "invalid_credentials";
    public const string InvalidInviteCode = InvalidCredentials;
    public const string InvalidTicket = "invalid_ticket";
    public const string InvalidResumption = "invalid_resumption";
    public const string Unavailable = "service_unavailable";
    public const string Banned = "banned";
    public const string NotAssigned = "not_assigned";
    public const string RoomInUse = "room_in_use";
    public const string RecorderNotRequested = "recorder_not_requested";
    public const string BodyTooLarge = "body_too_large";
    public const string BadRequest = "bad_request";
    public const string InvalidIdToken = "invalid_id_token";
    public const string InvalidClaims = "invalid_claims";
    public const string TooManyAttempts = "too_many_attempts";
    /// <summary>A file of a type the endpoint does not take (415), or whose content is not what its name says.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";
}
