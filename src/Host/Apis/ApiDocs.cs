using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>
/// What endpoints accept and return, for the OpenAPI document (<c>/v1/openapi.json</c>, committed as
/// <c>docs/openapi.json</c>). Handlers return <see cref="IResult"/>, so the shapes are declared here.
/// </summary>
public static class ApiDocs
{
    /// <summary>The success response and the problem details every authenticated endpoint may answer with.</summary>
    public static RouteHandlerBuilder Returns<T>(this RouteHandlerBuilder endpoint, int status = StatusCodes.Status200OK) =>
        endpoint.Produces<T>(status).WithProblems();

    public static RouteHandlerBuilder ReturnsNothing(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces(StatusCodes.Status204NoContent).WithProblems();

    public static RouteHandlerBuilder Takes<T>(this RouteHandlerBuilder endpoint) where T : notnull =>
        endpoint.Accepts<T>("application/json").ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    /// <summary>A raw body: the file itself, of one of <paramref name="contentTypes"/>.</summary>
    public static RouteHandlerBuilder TakesFile(this RouteHandlerBuilder endpoint, params string[] contentTypes) =>
        endpoint.Accepts<Stream>(contentTypes[0], contentTypes[1..]).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    /// <summary>A file: the whole (200) or the ranges asked for (206), of one of <paramref name="contentTypes"/>.</summary>
    public static RouteHandlerBuilder ReturnsFile(this RouteHandlerBuilder endpoint, params string[] contentTypes) => endpoint
        .Produces<Stream>(StatusCodes.Status200OK, contentTypes[0], contentTypes[1..])
        .Produces<Stream>(StatusCodes.Status206PartialContent, contentTypes[0], contentTypes[1..])
        .Produces(StatusCodes.Status416RangeNotSatisfiable)
        .WithProblems();

    private static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
