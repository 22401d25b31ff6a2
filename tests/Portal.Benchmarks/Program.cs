using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/Portal.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Portal.Benchmarks.LookupBenchmarks).Assembly).Run(args);
