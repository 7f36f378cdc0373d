using Microsoft.AspNetCore.Http;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>
/// Gives framework-made problems (401 challenges, 404 routes) our <c>code</c> member too, and every problem the
/// <c>message</c> member of OpenTalk's error bodies (<c>{code, message}</c>), which OpenTalk's clients show and test.
/// </summary>
public static class ProblemCodesByStatus
{
    public static void Add(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!problem.Extensions.ContainsKey("message"))
            problem.Extensions["message"] = problem.Detail ?? problem.Title ?? "The request failed.";
        if (context.ProblemDetails.Extensions.ContainsKey("code"))
            return;
        context.ProblemDetails.Extensions["code"] = context.ProblemDetails.Status switch
        {
            401 => ProblemCodes.Unauthorized,
            403 => ProblemCodes.Forbidden,
            404 => ProblemCodes.NotFound,
            405 => "method_not_allowed",
            503 => ProblemCodes.Unavailable,
            >= 500 => "internal_error",
            413 => ProblemCodes.BodyTooLarge,
            _ => ProblemCodes.BadRequest,
        };
    }
}
