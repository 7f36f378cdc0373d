using System.Diagnostics;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>The RabbitMQ broker that <c>./test</c> starts (OPENTALK_TEST_RABBITMQ); without it the tests fail loudly.</summary>
public static class TestBroker
{
    public static Uri Uri => new(Environment.GetEnvironmentVariable("OPENTALK_TEST_RABBITMQ")
        ?? throw new InvalidOperationException("OPENTALK_TEST_RABBITMQ is not set: run the tests through ./test, which starts RabbitMQ."));

    /// <summary>Stops the broker and starts it again on the same data (deploy/scripts/rabbitmq.sh restart).</summary>
    public static async Task RestartAsync()
    {
        var dir = Environment.GetEnvironmentVariable("OPENTALK_TEST_RABBITMQ_DIR")!;
        var port = Environment.GetEnvironmentVariable("OPENTALK_TEST_RABBITMQ_PORT")!;
        using var script = Process.Start(new ProcessStartInfo(Path.Combine(Repository.Root, "deploy", "scripts", "rabbitmq.sh"), ["restart", dir, port])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await script.WaitForExitAsync(timeout.Token);
        Assert.True(script.ExitCode == 0, "The broker did not restart: " + await script.StandardError.ReadToEndAsync());
    }
}
