using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OpenTalk.Host.Apis;
using OpenTalk.Host.Hosting;
using OpenTalk.Services.Recorder;

namespace OpenTalk.Host.Dispatch;

/// <summary>
/// On one machine without a broker the node records itself: the same recorder as <c>opentalk recorder</c>, taking
/// the node's own jobs, speaking to the node over loopback like any service (client credentials, service ticket,
/// signaling). Its service account is the node's own (<see cref="Account"/>), its secret kept in the data folder.
/// Off with <c>Recorder:InProcess=false</c>, or when jobs go to RabbitMQ (recorders run on their own machines).
/// </summary>
public static class InProcessRecorder
{
    public const string SecretFile = "recorder-client-secret";

    public static void AddInProcessRecorder(this IServiceCollection services, IConfiguration configuration, OpenTalkSettings settings, SignInSettings signIn)
    {
        services.AddOptions<RecorderSettings>().BindConfiguration(RecorderSettings.Section);
        var dispatch = configuration.GetSection(ServicesSettings.Section).Get<ServicesSettings>() ?? new ServicesSettings();
        if (!configuration.GetValue(RecorderSettings.Section + ":InProcess", true) || !string.IsNullOrWhiteSpace(dispatch.RabbitMq) || !signIn.IsEmbedded)
            return;
        var account = Account(settings.DataFolder);
        services.PostConfigure<SignInSettings>(s => s.ServiceAccounts = [.. s.ServiceAccounts, account]);
        services.AddHostedService(provider => new Runner(provider.GetRequiredService<ServiceJobQueue>(),
            provider.GetRequiredService<IOptions<RecorderSettings>>().Value, account, settings.DataFolder,
            provider.GetRequiredService<IServer>(), provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<ILogger<RecorderService>>()));
    }

    /// <summary>
    /// The node's recorder account: its id names the data folder (nodes with their own data folders, sharing one
    /// database, do not overwrite each other's secret), its secret is made once and kept.
    /// </summary>
    private static ServiceAccount Account(string dataFolder)
    {
        var path = Path.Combine(dataFolder, SecretFile);
        if (!File.Exists(path))
            File.WriteAllText(path, Secrets.New());
        var folder = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataFolder))))[..12];
        return new ServiceAccount
        {
            ClientId = $"opentalk-node-recorder-{folder}",
            ClientSecret = File.ReadAllText(path).Trim(),
            Roles = [ServicesApi.RecorderRole],
        };
    }

    private sealed class Runner(ServiceJobQueue queue, RecorderSettings configured, ServiceAccount account, string dataFolder,
        IServer server, IHostApplicationLifetime lifetime, ILogger<RecorderService> log) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            // The node's address is known once it listens.
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(started.SetResult))
                await started.Task.WaitAsync(stoppingToken);
            var settings = new RecorderSettings
            {
                Node = LoopbackAddress(server),
                ClientId = account.ClientId,
                ClientSecret = account.ClientSecret,
                WorkFolder = configured.WorkFolder ?? Path.Combine(dataFolder, "recorder"),
                RtpAddress = configured.RtpAddress,
                Capacity = configured.Capacity,
                Width = configured.Width,
                Height = configured.Height,
                SegmentSeconds = configured.SegmentSeconds,
                DisplayName = configured.DisplayName,
            };
            try
            {
                await new RecorderService(settings, log).RunAsync(await queue.GetAsync(stoppingToken), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The node stops.
            }
        }

        /// <summary>Where the node listens, as seen from itself: a wildcard address becomes loopback; plain HTTP preferred.</summary>
        private static Uri LoopbackAddress(IServer server)
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var chosen = addresses.OrderBy(a => a.StartsWith("https:", StringComparison.Ordinal)).FirstOrDefault()
                ?? throw new InvalidOperationException("The node listens nowhere: the in-process recorder cannot reach it.");
            var uri = new UriBuilder(chosen.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
            if (uri.Host is "0.0.0.0" or "[::]" or "::")
                uri.Host = "127.0.0.1";
            return new Uri(uri.Uri.GetLeftPart(UriPartial.Authority) + "/");
        }
    }
}
