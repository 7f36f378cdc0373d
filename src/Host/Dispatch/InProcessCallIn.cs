using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using OpenTalk.Host.Apis;
using OpenTalk.Host.Hosting;
using OpenTalk.Services.CallIn;

namespace OpenTalk.Host.Dispatch;

/// <summary>
/// <c>CallIn:InProcess=true</c>: the node takes phone calls itself, with the same gateway as <c>opentalk call-in</c>,
/// speaking to the node over loopback like any service (its own service account with the role
/// <c>opentalk-call-in</c>, kept in the data folder as <see cref="AccountFile"/>). Off by default: SIP on a port of the
/// machine is something an operator opens on purpose.
/// </summary>
public static class InProcessCallIn
{
    public const string AccountFile = "call-in-account";

    public static void AddInProcessCallIn(this IServiceCollection services, IConfiguration configuration, OpenTalkSettings settings, SignInSettings signIn)
    {
        services.AddOptions<CallInSettings>().BindConfiguration(CallInSettings.Section);
        if (!configuration.GetValue(CallInSettings.Section + ":InProcess", false) || !signIn.IsEmbedded)
            return;
        var account = InProcessRecorder.Account(settings.DataFolder, AccountFile, "opentalk-node-call-in", ServicesApi.CallInRole);
        services.PostConfigure<SignInSettings>(s => s.ServiceAccounts = [.. s.ServiceAccounts, account]);
        services.AddHostedService(provider => new Runner(provider.GetRequiredService<IOptions<CallInSettings>>().Value, account, settings.DataFolder,
            provider.GetRequiredService<IServer>(), provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<ServiceJobQueue>()));
    }

    private sealed class Runner(CallInSettings configured, ServiceAccount account, string dataFolder, IServer server,
        IHostApplicationLifetime lifetime, ILoggerFactory loggers, ServiceJobQueue jobs) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(started.SetResult))
                await started.Task.WaitAsync(stoppingToken);
            configured.Node ??= InProcessRecorder.Runner.LoopbackAddress(server);
            configured.ClientId = account.ClientId;
            configured.ClientSecret = account.ClientSecret;
            configured.PromptFolder ??= Path.Combine(dataFolder, "call-in-prompts");
            var log = loggers.CreateLogger<CallInGateway>();
            try
            {
                await using var gateway = new CallInGateway(configured, loggers);
                await gateway.StartAsync(stoppingToken);
                // With a trunk it also places the rooms' calls to phones, taken from the node's own job queue.
                await Task.WhenAll(gateway.RunAsync(stoppingToken), string.IsNullOrWhiteSpace(configured.Trunk.Server)
                    ? Task.CompletedTask
                    : gateway.PlaceCallsAsync(await jobs.GetAsync(stoppingToken), stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The node stops.
            }
            catch (Exception e)
            {
                // Phone call-in is one feature of the node: without it, the rest goes on.
                log.LogError(e, "The node's phone gateway stopped; call-in is off until the node restarts");
            }
        }
    }
}
