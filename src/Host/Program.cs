using OpenTalk.Host.Hosting;

if (await Commands.RunAsync(args) is { } exitCode)
    return exitCode;
var app = OpenTalkApp.Build(args);
await app.RunAsync();
return 0;
