using System.Runtime.InteropServices;
using OpenTalk.Services.Jobs;
using OpenTalk.Services.Recorder;

namespace OpenTalk.Host.Dispatch;

/// <summary>
/// <c>opentalk recorder</c>: the recorder in its own process, on any machine that reaches the broker, the node and
/// Janus. Settings as the node reads them (appsettings.json, environment <c>Recorder__Node</c>, command line
/// <c>--Recorder:Node</c>): section <c>Recorder</c> (<see cref="RecorderSettings"/>); the broker is
/// <c>Recorder:RabbitMq</c> or else <c>Services:RabbitMq</c>. Runs until SIGTERM or Ctrl+C: a job not yet joined goes
/// back to the queue; a recording in progress ends (its streams fail with <c>recorder_gone</c>) and is stored.
/// </summary>
public static class RecorderCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables().AddCommandLine(args).Build();
        var settings = configuration.GetSection(RecorderSettings.Section).Get<RecorderSettings>() ?? new RecorderSettings();
        var broker = settings.RabbitMq ?? configuration[$"{ServicesSettings.Section}:RabbitMq"];
        var prefix = settings.JobQueuePrefix ?? configuration[$"{ServicesSettings.Section}:JobQueuePrefix"] ?? RabbitMqJobQueue.DefaultPrefix;
        var missing = new[] { ("Recorder:Node", settings.Node?.ToString()), ("Recorder:ClientId", settings.ClientId),
            ("Recorder:ClientSecret", settings.ClientSecret), ("Recorder:RabbitMq (or Services:RabbitMq)", broker) }
            .Where(s => string.IsNullOrWhiteSpace(s.Item2)).Select(s => s.Item1).ToList();
        if (missing.Count > 0)
        {
            await Console.Error.WriteLineAsync($"The recorder needs {string.Join(", ", missing)}. See docs (\"Recording\") for a sample.");
            return 2;
        }
        using var loggers = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }));
        var log = loggers.CreateLogger("OpenTalk.Recorder");
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        try
        {
            await using var queue = await RabbitMqJobQueue.ConnectAsync(new Uri(broker!), $"opentalk-recorder-{Environment.MachineName}", log, stop.Token, prefix);
            Console.WriteLine($"Recording for {settings.Node}, {settings.Capacity} meeting(s) at once");
            await new RecorderService(settings, log).RunAsync(queue, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("Stopped");
        }
        return 0;
    }
}
