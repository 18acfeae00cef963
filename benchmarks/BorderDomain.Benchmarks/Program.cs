using System.Linq;
using BenchmarkDotNet.Running;

return BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
