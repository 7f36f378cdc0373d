using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>The checker every REST test's answers pass through finds drift in either direction.</summary>
public sealed class OpenApiConformanceTests
{
    private const string Creator = """{"id":"6f1c2a52-0000-4000-8000-000000000002","email":"","title":"","firstname":"Olga","lastname":"","display_name":"Olga","avatar_url":""}""";

    private const string Room = "{\"id\":\"6f1c2a52-0000-4000-8000-000000000001\",\"created_by\":" + Creator + ",\"waiting_room\":false}";

    [Fact]
    public void A_documented_answer_passes() =>
        Assert.Empty(OpenApiConformance.Check("GET", "/v1/rooms/6f1c2a52-0000-4000-8000-000000000001", 200, "application/json", Room));

    [Fact]
    public void A_member_that_may_be_null_may_be_left_out_but_a_required_one_may_not() =>
        Assert.Equal(["$.waiting_room: required, but missing"], OpenApiConformance.Check("GET", "/v1/rooms/6f1c2a52-0000-4000-8000-000000000001", 200,
            "application/json", "{\"id\":\"6f1c2a52-0000-4000-8000-000000000001\",\"created_by\":" + Creator + "}"));

    [Fact]
    public void An_undocumented_member_fails() =>
        Assert.Equal(["$.secret: not in the document"], OpenApiConformance.Check("GET", "/v1/rooms/6f1c2a52-0000-4000-8000-000000000001", 200,
            "application/json", Room[..^1] + ""","secret":"x"}"""));

    [Fact]
    public void An_undocumented_status_or_path_fails()
    {
        Assert.Equal(["status 418 is not documented for GET /v1/rooms/{roomId}"],
            OpenApiConformance.Check("GET", "/v1/rooms/6f1c2a52-0000-4000-8000-000000000001", 418, null, ""));
        Assert.Equal(["the path is not documented"], OpenApiConformance.Check("GET", "/v1/nothing/here", 200, "application/json", "{}"));
    }

    [Fact]
    public void Problems_carry_a_code_and_unknown_paths_answer_one()
    {
        const string problem = """{"title":"Not found.","status":404,"code":"not_found","message":"Not found.","trace_id":"00-1"}""";
        Assert.Empty(OpenApiConformance.Check("GET", "/v1/nothing/here", 404, "application/problem+json", problem));
        Assert.Equal(["$.code: required, but missing", "$.message: required, but missing"], OpenApiConformance.Check("GET", "/v1/rooms/6f1c2a52-0000-4000-8000-000000000001", 404,
            "application/problem+json", """{"title":"Not found.","status":404}"""));
    }
}
