using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(OpenTalk.Benchmarks.HotPathBenchmarks).Assembly).Run(args);
