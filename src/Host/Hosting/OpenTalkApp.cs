using OpenTalk.Host.Dispatch;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Marten;
using Microsoft.Extensions.Options;
using OpenTalk.Actors;
using OpenTalk.Host.Apis;
using OpenTalk.Host.Artifacts;
using OpenTalk.Host.Auth;
using OpenTalk.Host.Mail;
using OpenTalk.Host.Observability;
using OpenTalk.Media;
using OpenTalk.Host.Scheduling;
using OpenTalk.Host.Signaling;
using OpenTalk.Projections;
using OpenTalk.Projections.Assets;
using OpenTalk.Projections.Events;
using OpenTalk.Projections.Mail;
using OpenTalk.Projections.RoomHistory;
using OpenTalk.Projections.Rooms;
using OpenTalk.Protocol;

namespace OpenTalk.Host.Hosting;

/// <summary>Builds the node: settings, sign-in, engine, APIs and signaling.</summary>
public static class OpenTalkApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var settings = builder.Configuration.GetSection(OpenTalkSettings.Section).Get<OpenTalkSettings>() ?? new OpenTalkSettings();
        var signIn = builder.Configuration.GetSection(SignInSettings.Section).Get<SignInSettings>() ?? new SignInSettings();
        builder.Services.AddOptions<OpenTalkSettings>().BindConfiguration(OpenTalkSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SignInSettings>().BindConfiguration(SignInSettings.Section).ValidateDataAnnotations().ValidateOnStart();

        if (string.IsNullOrWhiteSpace(settings.Postgres))
            throw new InvalidOperationException("OpenTalk:Postgres is required: the connection string of the Postgres that keeps the journal, read models and accounts (./run starts a private one).");
        var postgres = settings.Postgres;

        DataFolder.Protect(settings.DataFolder);
        builder.AddOpenTalkObservability();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new NodeStart(TimeProvider.System.GetUtcNow()));
        builder.Services.ConfigureHttpJsonOptions(o => WireJson.Apply(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCodesByStatus.Add);
        builder.Services.AddOpenTalkSignIn(signIn, settings.DataFolder, postgres);
        builder.Services.AddCrossOrigin(settings, signIn);
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddSingleton<EngineGateway>();
        builder.Services.AddSingleton<ConnectionRegistry>();
        builder.Services.AddSingleton<NodeDrain>();
        builder.Services.AddSingleton<AdminActions>();
        builder.Services.AddSingleton<CallInThrottle>();
        builder.Services.AddOpenTalkOpenApi();
        var media = builder.Configuration.GetSection(MediaSettings.Section).Get<MediaSettings>() ?? new MediaSettings();
        builder.Services.AddOptions<MediaSettings>().BindConfiguration(MediaSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        var tariffSettings = builder.Configuration.GetSection(TariffSettings.Section).Get<TariffSettings>() ?? new TariffSettings();
        var tariff = TariffResource.From(tariffSettings);
        var engine = EngineOptionsFrom(settings, postgres);
        // The address invitations link to is the one the notes' and whiteboard's pages are handed out under.
        var publicUrl = builder.Configuration.GetSection(MailSettings.Section).Get<MailSettings>()?.PublicUrl ?? new MailSettings().PublicUrl;
        engine = engine with
        {
            Settings = engine.Settings with { Tariff = tariff, RoomParticipantLimit = tariffSettings.RoomParticipantLimit, PublicUrl = publicUrl },
        };
        // A factory, so that the container disposes the store and its connection pool with the node.
        builder.Services.AddSingleton<IDocumentStore>(_ => ReadModels(postgres));
        builder.Services.AddSingleton<ReadModelSchema>();
        builder.Services.AddSingleton<ProjectionStore>();
        builder.Services.AddSingleton<RoomHistoryReader>();
        builder.Services.AddSingleton(new Audit.AuditJournal(postgres));
        builder.Services.AddSingleton<RoomsReader>();
        builder.Services.AddSingleton<AssetsReader>();
        builder.Services.AddArtifactStore(builder.Configuration, settings.DataFolder);
        builder.Services.AddSingleton<EventsReader>();
        builder.Services.AddSingleton<UserDirectory>();
        builder.Services.AddSingleton<UserProfiles>();
        builder.Services.AddSingleton<OpenTalk.Host.Reports.MeetingReportSources>();
        builder.Services.AddOptions<TurnSettings>().BindConfiguration(TurnSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<TariffSettings>().BindConfiguration(TariffSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(tariff);
        builder.Services.AddSingleton(DisabledModules.Of(tariff));
        builder.Services.AddOptions<SchedulingSettings>().BindConfiguration(SchedulingSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<AdhocCleanup>();
        builder.Services.AddOptions<MailSettings>().BindConfiguration(MailSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SharedFolderSettings>().BindConfiguration(SharedFolderSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MailOutbox>();
        builder.Services.AddSingleton<IMailTransport>(services =>
        {
            var mail = services.GetRequiredService<IOptions<MailSettings>>().Value;
            return string.IsNullOrWhiteSpace(mail.SmtpHost)
                ? new OutboxFolderTransport(mail.OutboxFolder ?? Path.Combine(settings.DataFolder, "outbox"))
                : new SmtpMailTransport(mail);
        });
        builder.Services.AddHostedService<MailDispatcher>();
        builder.Services.AddOptions<ServicesSettings>().BindConfiguration(ServicesSettings.Section);
        builder.Services.AddSingleton<ServiceJobQueue>();
        builder.Services.AddInProcessRecorder(builder.Configuration, settings, signIn);
        builder.Services.AddInProcessCallIn(builder.Configuration, settings, signIn);
        builder.Services.AddAkka(EngineOptions.SystemName, (akka, services) => akka
            .WithOpenTalkEngine(engine, TimeProvider.System)
            .WithSingleton<RoomHistoryRunner>("projection-room-history",
                ProjectionRunner.Props(new RoomHistoryProjection(), services.GetRequiredService<ProjectionStore>()), createProxyToo: false)
            .WithSingleton<EventsRunner>("projection-events",
                ProjectionRunner.Props(new EventsProjection(), services.GetRequiredService<ProjectionStore>()), createProxyToo: false)
            .WithSingleton<InvitesRunner>("projection-invites",
                ProjectionRunner.Props(new InvitesProjection(), services.GetRequiredService<ProjectionStore>()), createProxyToo: false)
            .WithSingleton<MailOutboxRunner>("projection-mail",
                ProjectionRunner.Props(new MailOutboxProjection(), services.GetRequiredService<ProjectionStore>()), createProxyToo: false)
            .WithSingleton<RoomsRunner>("projection-rooms",
                ProjectionRunner.Props(new RoomsProjection(), services.GetRequiredService<ProjectionStore>()), createProxyToo: false)
            .WithSingleton<AssetsRunner>("projection-assets",
                ProjectionRunner.Props(new AssetsProjection(), services.GetRequiredService<ProjectionStore>()), createProxyToo: false)
            .WithActors((system, registry, resolver) =>
            {
                Akka.Cluster.Cluster.Get(system).RegisterOnMemberUp(() => _ = ProjectionRunner.WarmUpAsync(system));
                system.ActorOf(NodeLoadActor.Props(registry.Get<OpenTalk.Actors.Sharding.MeetingRegion>(), registry.Get<OpenTalk.Actors.Sharding.TimerRegion>(),
                    new NodeLoadSources(resolver.GetService<ConnectionRegistry>(), resolver.GetService<NodeDrain>(), resolver.GetService<NodeStart>(),
                        resolver.GetService<ProjectionLagProbe>(), resolver.GetService<LastErrors>(), resolver.GetService<TimeProvider>())), NodeLoadActor.Name);
                system.ActorOf(ServiceDispatchActor.Props(resolver.GetService<ServiceJobQueue>(),
                    resolver.GetService<ILoggerFactory>().CreateLogger<ServiceDispatchActor>()), ServiceDispatchActor.Name);
                system.ActorOf(OpenTalk.Host.Collab.DocumentExporter.Props(registry.Get<OpenTalk.Actors.Sharding.DocumentRegion>(),
                    registry.Get<OpenTalk.Actors.Sharding.MeetingRegion>(), resolver.GetService<OpenTalk.Host.Artifacts.IArtifactStore>(), resolver.GetService<TimeProvider>(),
                    resolver.GetService<ILoggerFactory>().CreateLogger<OpenTalk.Host.Collab.DocumentExporter>()), OpenTalk.Host.Collab.DocumentExporter.Name);
                system.ActorOf(OpenTalk.Host.Reports.MeetingReportWriter.Props(registry.Get<OpenTalk.Actors.Sharding.MeetingRegion>(),
                    resolver.GetService<OpenTalk.Host.Artifacts.IArtifactStore>(), resolver.GetService<OpenTalk.Host.Reports.MeetingReportSources>(),
                    resolver.GetService<TimeProvider>(), resolver.GetService<ILoggerFactory>().CreateLogger<OpenTalk.Host.Reports.MeetingReportWriter>()),
                    OpenTalk.Host.Reports.MeetingReportWriter.Name);
                // Media is optional: without Janus instances, media commands are answered with media_unavailable.
                if (media.Janus.Count > 0)
                    registry.Register<MediaGatewayActor>(system.ActorOf(MediaGatewayActor.Props(media, resolver.GetService<MediaHealth>()), "media"));
            }));
        builder.Services.AddHostedService<SignalingShutdown>();

        var app = builder.Build();
        // A request cancelled while the engine works is "try again", not a bug (engine timeouts: ClientFaults).
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is TaskCanceledException ? 503 : 500,
        });
        app.UseSecurityHeaders(signIn.Authority, CrossOrigin.AllowedOrigins(settings, signIn));
        app.UseCors();
        app.UseClientFaults();
        app.UseStatusCodePages();
        app.UseWebSockets();
        var web = WebApp.From(settings.WebRoot);
        if (web is not null)
            app.UseStaticFiles(new StaticFileOptions { FileProvider = web });
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(async (context, next) =>
        {
            if (CurrentUser.From(context.User) is { } user)
            {
                try
                {
                    await context.RequestServices.GetRequiredService<UserDirectory>()
                        .RememberAsync(user, TimeProvider.System.GetUtcNow(), context.RequestAborted);
                }
                catch (Exception e) when (e is System.Data.Common.DbException or Marten.Exceptions.MartenException)
                {
                    // The directory only serves mail addresses and search: the request itself goes on.
                    context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("OpenTalk.UserDirectory")
                        .LogWarning(e, "Could not record the signed-in user in the directory");
                }
            }
            await next(context);
        });
        app.MapHealth();
        app.MapMetrics();
        app.MapOpenApi("/{documentName}/openapi.json").AllowAnonymous();
        if (signIn.IsEmbedded)
            app.MapEmbeddedSignIn();
        app.MapRoomsApi();
        app.MapAuditApi();
        app.MapHistoryApi();
        app.MapEventsApi();
        app.MapSipApi();
        app.MapServicesApi();
        app.MapStreamingTargetsApi();
        app.MapAssetsApi();
        app.MapUsersApi();
        app.MapTurnApi();
        app.MapAuthLoginApi();
        app.MapAdminApi(signIn.IsEmbedded);
        app.MapSignaling();
        OpenTalk.Host.Collab.CollabEndpoint.MapCollab(app);
        app.MapSharedFolderApi();
        if (web is not null)
            app.MapWebAppFallback(web);
        return app;
    }

    /// <summary>The read models' document store, with the Host's own documents beside the projections'.</summary>
    public static DocumentStore ReadModels(string postgres) =>
        ReadModelStore.Create(postgres, options =>
        {
            options.Schema.For<UserDirectoryEntry>();
            options.Schema.For<UserPreferencesDocument>();
            options.Schema.For<AdminActionDocument>().Duplicate(a => a.At);
        });

    private static EngineOptions EngineOptionsFrom(OpenTalkSettings settings, string postgres) => new()
    {
        ConnectionString = postgres,
        Hostname = settings.ClusterHostname,
        Port = settings.ClusterPort,
        SeedNodes = settings.ClusterSeeds,
        AcceptableHeartbeatPause = TimeSpan.FromSeconds(settings.HeartbeatPauseSeconds),
        DownUnreachableAfter = TimeSpan.FromSeconds(settings.DownUnreachableAfterSeconds),
        DownRemovalMargin = TimeSpan.FromSeconds(settings.DownRemovalMarginSeconds),
        DownNodesThatRefuseConnections = settings.DownNodesThatRefuseConnections,
        Settings = new EngineSettings
        {
            SnapshotEvery = settings.SnapshotEvery,
            ResumeWindow = TimeSpan.FromSeconds(settings.ResumeWindowSeconds),
            TicketLifetime = TimeSpan.FromSeconds(settings.TicketLifetimeSeconds),
        },
    };
}
