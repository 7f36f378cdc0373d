using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenTalk.Host.Apis;

/// <summary>
/// The OpenAPI document as the answers really look: the generator knows the C# types but not two
/// choices of ours, so they are written into the schemas here.
/// </summary>
public static class OpenApiShapes
{
    public static IServiceCollection AddOpenTalkOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddSchemaTransformer(MembersThatMayBeNullMayBeAbsent);
            options.AddSchemaTransformer(ProblemsCarryOurMembers);
            options.AddSchemaTransformer(ListEntriesCarryNoTypeMember);
        });

    // A list of several kinds (meetings and changed occurrences) is told apart by the entries' own `type` member, as
    // OpenTalk does; the generator would document a `$type` member that is never written.
    private static Task ListEntriesCarryNoTypeMember(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (schema.Discriminator?.PropertyName == "$type")
            schema.Discriminator = null;
        return Task.CompletedTask;
    }

    // The wire format leaves null members out (WireJson: WhenWritingNull), so a member that may be null is not
    // required: a client finds it absent, not null.
    private static Task MembersThatMayBeNullMayBeAbsent(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (schema.Required is { } required && context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
            foreach (var member in context.JsonTypeInfo.Properties)
                if (member.IsGetNullable || Nullable.GetUnderlyingType(member.PropertyType) is not null)
                    required.Remove(member.Name);
        return Task.CompletedTask;
    }

    // Every problem carries our machine-readable `code` (see Problems and ProblemCodesByStatus) and the request's
    // `trace_id`; a 422 names the fields in `validation_errors`.
    private static Task ProblemsCarryOurMembers(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
            return Task.CompletedTask;
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "What went wrong, for programs: not_found, validation_failed, service_unavailable, ...",
        };
        schema.Properties["message"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "What went wrong, for people (the detail, else the title): the message of OpenTalk's error bodies.",
        };
        schema.Properties["trace_id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Names the request in the node's log." };
        schema.Properties["validation_errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "With validation_failed: the messages per field.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add("code");
        schema.Required.Add("message");
        return Task.CompletedTask;
    }
}
