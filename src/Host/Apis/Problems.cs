using System.Text.Json;
using OpenTalk.Protocol;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>RFC 7807 problem details with our <c>code</c> member, one catalog for every API.</summary>
public static class Problems
{
    public static IResult For(string code, string? detail = null, IDictionary<string, string[]>? validationErrors = null, int? status = null)
    {
        var (usualStatus, title) = code switch
        {
            ProblemCodes.InvalidJson => (400, "The request body is not valid JSON."),
            ProblemCodes.ValidationFailed => (422, "The request is not valid."),
            ProblemCodes.Unauthorized => (401, "Sign-in is required."),
            ProblemCodes.Forbidden => (403, "You may not do this."),
            ProblemCodes.NotFound => (404, "Not found."),
            ProblemCodes.WrongRoomPassword => (401, "The room password is wrong."),
            ProblemCodes.InvalidCredentials => (401, "The invite code, or the conference id and PIN, are not valid."),
            ProblemCodes.InvalidTicket => (401, "The signaling ticket is missing, used, expired or unknown."),
            ProblemCodes.InvalidResumption => (403, "The resumption token does not belong to you or this room."),
            ProblemCodes.NotAssigned => (403, "You are not assigned to that breakout room."),
            ProblemCodes.Banned => (403, "You were banned from this meeting until the session ends."),
            ProblemCodes.RoomInUse => (409, "People are in the room; it cannot be deleted now."),
            ProblemCodes.RecorderNotRequested => (409, "This room is not waiting for a recorder: none was asked for, or another one took the job."),
            ProblemCodes.Unavailable => (503, "The service is busy or restarting; try again."),
            ProblemCodes.BodyTooLarge => (413, "The request body is too large."),
            ProblemCodes.InvalidIdToken => (401, "The ID token is not valid."),
            ProblemCodes.InvalidClaims => (400, "The ID token lacks what is needed to sign in."),
            ProblemCodes.UnsupportedMediaType => (415, "This type of file is not taken here."),
            ProblemCodes.TooManyAttempts => (429, "Too many failed attempts; wait a while before trying again."),
            _ => (400, "The request cannot be done."),
        };
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (validationErrors is not null)
            extensions["validation_errors"] = validationErrors;
        return Results.Problem(detail: detail, statusCode: status ?? usualStatus, title: title, extensions: extensions);
    }

    public static IResult Validation(string field, string message) =>
        For(ProblemCodes.ValidationFailed, message, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Reads a JSON body; a missing or malformed body becomes problem details, never a bare 400.</summary>
    public static async Task<(T? Body, IResult? Problem)> ReadBodyAsync<T>(HttpRequest request, bool optional = false)
        where T : class
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
            return optional ? (null, null) : (null, For(ProblemCodes.InvalidJson, "A JSON body is required."));
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, WireJson.Options, request.HttpContext.RequestAborted);
            return body is null && !optional ? (null, For(ProblemCodes.InvalidJson, "A JSON body is required.")) : (body, null);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return (null, For(ProblemCodes.InvalidJson, Describe(e)));
        }
    }

    /// <summary>Reads an already parsed JSON value as <typeparamref name="T"/>; values of the wrong type become problem details.</summary>
    public static (T? Value, IResult? Problem) Deserialize<T>(JsonElement element)
    {
        try
        {
            return (element.Deserialize<T>(WireJson.Options), null);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return (default, For(ProblemCodes.InvalidJson, Describe(e)));
        }
    }

    // A lone UTF-16 surrogate ("\ud800") is valid JSON but no valid string: reading it throws InvalidOperationException.
    private static bool IsUnreadable(Exception e) => e is JsonException or InvalidOperationException;

    private static string Describe(Exception e) => e is JsonException ? e.Message : "The body holds a string that is not valid text.";
}
