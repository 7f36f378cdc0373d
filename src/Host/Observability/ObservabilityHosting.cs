using Npgsql;
using OpenTalk.Actors.Telemetry;
using OpenTalk.Host.Apis;
using OpenTalk.Media;
using OpenTalk.Protocol.Rest;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OpenTalk.Host.Observability;

/// <summary>
/// OpenTelemetry for the node: metrics of ASP.NET Core, HttpClient, Npgsql, the runtime and our own meter on a
/// Prometheus scrape endpoint; traces (and metrics) to an OTLP collector when one is configured; JSON logs if asked for.
/// </summary>
public static class ObservabilityHosting
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddOpenTalkObservability(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ObservabilitySettings.Section).Get<ObservabilitySettings>() ?? new ObservabilitySettings();
        builder.Services.AddOptions<ObservabilitySettings>().BindConfiguration(ObservabilitySettings.Section).ValidateDataAnnotations().ValidateOnStart();
        var allowed = MetricsAccess.Parse(settings.MetricsAllowedFrom is { Length: > 0 } networks ? networks : ObservabilitySettings.Loopback);
        builder.Services.AddSingleton(new MetricsAccess(allowed, settings.MetricsToken));

        if (settings.LogFormat == "json")
        {
            // Scopes carry the ids of the socket being served (meeting, participant) into every line logged for it.
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        // The newest errors of the node, for the administration page, whatever the configured log levels let through.
        builder.Services.AddSingleton<LastErrors>();
        builder.Services.AddSingleton<ILoggerProvider, LastErrorsLoggerProvider>();
        builder.Logging.AddFilter<LastErrorsLoggerProvider>(null, LogLevel.Error);

        builder.Services.AddSingleton<MediaHealth>();
        builder.Services.AddSingleton<ProjectionLagProbe>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ProjectionLagProbe>());
        builder.Services.AddSingleton<NodeProbe>();
        builder.Services.AddHostedService<NodeObservation>();

        // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT and the other OTEL_* settings itself (from the environment or any
        // configuration source); the setting, when given, wins.
        var configured = settings.OtlpEndpoint is not { Length: > 0 } endpoint ? null
            : Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri
            : throw new InvalidOperationException($"Observability:OtlpEndpoint: '{endpoint}' is not an absolute URL (e.g. http://collector:4317).");
        var otlp = configured is not null || builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 };
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("opentalk", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(OpenTalkTelemetry.Name)
                    .AddPrometheusExporter();
                if (otlp)
                    metrics.AddOtlpExporter(o => UseConfigured(o, configured));
            });
        // Without a collector no spans are recorded at all: nobody would read them.
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(OpenTalkTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(o => UseConfigured(o, configured)));
        }
        return builder;
    }

    /// <summary>The scrape endpoint, for the callers <see cref="MetricsAccess"/> lets in.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (context.RequestServices.GetRequiredService<MetricsAccess>().Allows(context))
            {
                await next(context);
                return;
            }
            await Problems.For(ProblemCodes.Forbidden, "Metrics are served to the addresses in Observability:MetricsAllowedFrom, or with its token.")
                .ExecuteAsync(context);
        }), optionsName: null).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Only an endpoint from the setting is set here: setting one at all makes the exporter send to exactly that address, no
    /// longer adding the signal's path (<c>/v1/traces</c>) as it does for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> over HTTP.
    /// </summary>
    private static void UseConfigured(OpenTelemetry.Exporter.OtlpExporterOptions options, Uri? configured)
    {
        if (configured is not null)
            options.Endpoint = configured;
    }

    // Health checks and scrapes come every few seconds: spans of them would drown the rest.
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.Ordinal) || path.StartsWithSegments(MetricsPath, StringComparison.Ordinal);
}
