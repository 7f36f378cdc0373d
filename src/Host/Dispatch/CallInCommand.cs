using System.Runtime.InteropServices;
using OpenTalk.Services.CallIn;
using OpenTalk.Services.Jobs;

namespace OpenTalk.Host.Dispatch;

/// <summary>
/// <c>opentalk call-in</c>: the phone gateway in its own process, on a machine that reaches the node and Janus and
/// that phones (or a SIP trunk) reach. Settings as the node reads them (appsettings.json, environment
/// <c>CallIn__Node</c>, command line <c>--CallIn:Node</c>): section <c>CallIn</c> (<see cref="CallInSettings"/>). Runs
/// until SIGTERM or Ctrl+C; calls in progress end with it.
/// </summary>
public static class CallInCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables().AddCommandLine(args).Build();
        var settings = configuration.GetSection(CallInSettings.Section).Get<CallInSettings>() ?? new CallInSettings();
        var missing = new[] { ("CallIn:Node", settings.Node?.ToString()), ("CallIn:ClientId", settings.ClientId), ("CallIn:ClientSecret", settings.ClientSecret) }
            .Where(s => string.IsNullOrWhiteSpace(s.Item2)).Select(s => s.Item1).ToList();
        if (missing.Count > 0)
        {
            await Console.Error.WriteLineAsync($"The phone gateway needs {string.Join(", ", missing)}. See README (\"Phone call-in\") for a sample.");
            return 2;
        }
        using var loggers = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }));
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        await using var gateway = new CallInGateway(settings, loggers);
        // The rooms' calls to phones come as jobs over the broker the node sends them to (Services:RabbitMq).
        var broker = configuration[$"{ServicesSettings.Section}:RabbitMq"];
        var prefix = configuration[$"{ServicesSettings.Section}:JobQueuePrefix"] ?? RabbitMqJobQueue.DefaultPrefix;
        try
        {
            await gateway.StartAsync(stop.Token);
            Console.WriteLine($"Taking calls on {gateway.UdpEndPoint} (SIP over UDP and TCP) for {settings.Node}");
            if (string.IsNullOrWhiteSpace(broker) || string.IsNullOrWhiteSpace(settings.Trunk.Server))
            {
                await gateway.RunAsync(stop.Token);
            }
            else
            {
                await using var queue = await RabbitMqJobQueue.ConnectAsync(new Uri(broker), $"opentalk-call-in-{Environment.MachineName}",
                    loggers.CreateLogger("OpenTalk.CallIn"), stop.Token, prefix);
                Console.WriteLine($"Placing the rooms' calls through {settings.Trunk.Server}");
                await Task.WhenAll(gateway.RunAsync(stop.Token), gateway.PlaceCallsAsync(queue, stop.Token));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("Stopped");
        }
        return 0;
    }
}
