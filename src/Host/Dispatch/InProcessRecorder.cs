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
/// signaling). Its service account is the node's own (<see cref="Account"/>), kept in the data folder.
/// Off with <c>Recorder:InProcess=false</c>, or when jobs go to RabbitMQ (recorders run on their own machines).
/// </summary>
public static class InProcessRecorder
{
    public const string AccountFile = "recorder-account";

    public static void AddInProcessRecorder(this IServiceCollection services, IConfiguration configuration, OpenTalkSettings settings, SignInSettings signIn)
    {
        services.AddOptions<RecorderSettings>().BindConfiguration(RecorderSettings.Section);
        var dispatch = configuration.GetSection(ServicesSettings.Section).Get<ServicesSettings>() ?? new ServicesSettings();
        if (!configuration.GetValue(RecorderSettings.Section + ":InProcess", true) || !string.IsNullOrWhiteSpace(dispatch.RabbitMq) || !signIn.IsEmbedded)
            return;
        var account = Account(settings.DataFolder, AccountFile, "opentalk-node-recorder", ServicesApi.RecorderRole);
        services.PostConfigure<SignInSettings>(s => s.ServiceAccounts = [.. s.ServiceAccounts, account]);
        services.AddHostedService(provider => new Runner(provider.GetRequiredService<ServiceJobQueue>(),
            provider.GetRequiredService<IOptions<RecorderSettings>>().Value, account, settings.DataFolder,
            provider.GetRequiredService<IServer>(), provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<ILogger<RecorderService>>()));
    }

    /// <summary>
    /// A service account of the node's own (its recorder, its phone gateway), made once and kept in the data folder: a
    /// random client id (nodes sharing one database each have their own, never overwriting another's secret) and its
    /// secret. Written whole or not at all.
    /// </summary>
    internal static ServiceAccount Account(string dataFolder, string file, string idPrefix, string role)
    {
        var path = Path.Combine(dataFolder, file);
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        if (lines is not [var id, var secret, ..] || string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(secret))
        {
            (id, secret) = ($"{idPrefix}-{Secrets.New()[..12]}", Secrets.New());
            var temporary = path + ".new";
            File.WriteAllLines(temporary, [id, secret]);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temporary, path, overwrite: true);
        }
        return new ServiceAccount { ClientId = id.Trim(), ClientSecret = secret.Trim(), Roles = [role] };
    }

    internal sealed class Runner(ServiceJobQueue queue, RecorderSettings configured, ServiceAccount account, string dataFolder,
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
                Node = configured.Node ?? LoopbackAddress(server),
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
            catch (Exception e)
            {
                // Recording is one feature of the node: without it, the rest goes on (rooms say no recorder came).
                log.LogError(e, "The node's own recorder stopped; recordings are off until the node restarts");
            }
        }

        /// <summary>
        /// Where the node listens, as seen from itself: a wildcard address becomes loopback; plain HTTP preferred (a
        /// node behind TLS only, or on a unix socket, needs <c>Recorder:Node</c>).
        /// </summary>
        internal static Uri LoopbackAddress(IServer server)
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
