using OpenTalk.Projections;

namespace OpenTalk.Host.Hosting;

/// <summary>
/// Commands run instead of the server: <c>opentalk projections rebuild NAME</c>, <c>opentalk recorder</c> (the
/// recorder in its own process: <see cref="Dispatch.RecorderCommand"/>), <c>opentalk call-in</c> (the phone gateway:
/// <see cref="Dispatch.CallInCommand"/>), <c>opentalk audit verify|replay|export</c>
/// (<see cref="Audit.AuditCommand"/>).
/// </summary>
public static class Commands
{
    public static async Task<int?> RunAsync(string[] args)
    {
        if (args is ["recorder", ..])
            return await Dispatch.RecorderCommand.RunAsync(args[1..]);
        if (args is ["call-in", ..])
            return await Dispatch.CallInCommand.RunAsync(args[1..]);
        if (args is ["audit", ..])
            return await Audit.AuditCommand.RunAsync(args[1..], Console.Out, Console.Error);
        if (args is not ["projections", "rebuild", var name, ..])
            return null;
        var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables().AddCommandLine(args[3..]).Build();
        var settings = configuration.GetSection(OpenTalkSettings.Section).Get<OpenTalkSettings>() ?? new OpenTalkSettings();
        if (ProjectionCatalog.Find(name) is not { } projection)
        {
            await Console.Error.WriteLineAsync($"No projection '{name}'. Known: {string.Join(", ", ProjectionCatalog.All.Select(p => p.Name))}.");
            return 2;
        }
        if (string.IsNullOrWhiteSpace(settings.Postgres))
        {
            await Console.Error.WriteLineAsync("OpenTalk:Postgres is required: the connection string of the nodes' Postgres.");
            return 2;
        }
        await using var store = OpenTalkApp.ReadModels(settings.Postgres);
        await new ProjectionStore(store, new ReadModelSchema(store)).ResetAsync(projection);
        Console.WriteLine($"Projection '{name}' was emptied. Run this while the nodes are stopped: they rebuild it from the first event when they start.");
        return 0;
    }
}
