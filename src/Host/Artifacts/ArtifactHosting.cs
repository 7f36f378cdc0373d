namespace OpenTalk.Host.Artifacts;

/// <summary>Chooses the node's artifact store from <see cref="ArtifactSettings"/>.</summary>
public static class ArtifactHosting
{
    public static IServiceCollection AddArtifactStore(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddOptions<ArtifactSettings>().BindConfiguration(ArtifactSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(ArtifactSettings.Section).Get<ArtifactSettings>() ?? new ArtifactSettings();
        // An S3 store is one more IArtifactStore, chosen here; until one is built a configured bucket must not be
        // ignored silently (recordings would pile up on one node's disk).
        if (settings.S3.IsConfigured)
            throw new InvalidOperationException("Artifacts:S3 is configured, but this build keeps artifacts in the data folder only: remove the Artifacts:S3 section.");
        services.AddSingleton<IArtifactStore>(new DataFolderArtifactStore(settings.Folder ?? Path.Combine(dataFolder, "artifacts")));
        return services;
    }
}
