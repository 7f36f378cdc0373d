using OpenTalk.Host.Hosting;

var app = OpenTalkApp.Build(args);
await app.RunAsync();
