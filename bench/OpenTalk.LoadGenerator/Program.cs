using OpenTalk.LoadGenerator;

var options = LoadOptions.Parse(args);
var result = await new LoadRun(options).RunAsync();
await result.WriteAsync(options.ResultsFolder);
Console.WriteLine(result);
Console.WriteLine(result.TableRow());
