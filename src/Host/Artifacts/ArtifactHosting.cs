using Microsoft.Extensions.Options;

namespace OpenTalk.Host.Artifacts;

/// <summary>
/// Chooses the node's artifact store from <see cref="ArtifactSettings"/>: an S3-compatible bucket when
/// <c>Artifacts:S3:Bucket</c> is set (created at start when missing), otherwise the data folder.
/// </summary>
public static class ArtifactHosting
{
    public static IServiceCollection AddArtifactStore(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddOptions<ArtifactSettings>().BindConfiguration(ArtifactSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(ArtifactSettings.Section).Get<ArtifactSettings>() ?? new ArtifactSettings();
        if (settings.S3.IsConfigured)
        {
            // Built from the validated options: a wrong S3 section stops the node at start, naming the setting.
            services.AddSingleton(provider => new S3ArtifactStore(
                provider.GetRequiredService<IOptions<ArtifactSettings>>().Value.S3, provider.GetRequiredService<ILogger<S3ArtifactStore>>()));
            services.AddSingleton<IArtifactStore>(provider => provider.GetRequiredService<S3ArtifactStore>());
            services.AddHostedService<BucketSetup>();
        }
        else
            services.AddSingleton<IArtifactStore>(new DataFolderArtifactStore(settings.Folder ?? Path.Combine(dataFolder, "artifacts")));
        return services;
    }

    /// <summary>
    /// Creates the bucket at start when it is missing. A store that cannot be reached is logged as an error, and the
    /// node starts anyway: meetings do not need it, and uploads fail (the recorder retries) until it is back.
    /// </summary>
    private sealed class BucketSetup(S3ArtifactStore store) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await store.EnsureBucketAsync(timeout.Token);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
