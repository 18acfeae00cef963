using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using BorderDomain.Fuzz;
using BorderDomain.Query;
using BorderDomain.Storage;
using BorderDomain.Tests.Cli;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace BorderDomain.Tests.Stress;

/// <summary>
/// Properties over BDQ-ish text (<see cref="FuzzArbitraries"/>), under the default options: no input to a <c>Try*</c>
/// entry point or to the loader throws, and <c>borderq</c> answers any command line and standard input with one of its
/// documented exit codes and never prints a stack trace. The per-input checks are the fuzz targets' own
/// (<see cref="FuzzTargets"/>), so a property failure and a fuzzer crash mean the same thing.
/// </summary>
public sealed partial class FuzzPropertyTests
{
    private const int Samples = 300;

    private static readonly int[] ExitCodes = [0, 1, 2, 3];

    [Property(Arbitrary = [typeof(FuzzArbitraries)], MaxTest = 400)]
    public void TryEntryPoints_AnyBdqText_GiveResultsOrDiagnosticsNeverAnException(BdqText query) =>
        FuzzTargets.Query(query.Value);

    [Property(Arbitrary = [typeof(FuzzArbitraries)], MaxTest = 300)]
    public void Load_AnyDataText_GivesAStoreOrDataErrorsNeverAnException(DataText data)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(data.Value));
        _ = FuzzTargets.Load(stream);
    }

    [Property(Arbitrary = [typeof(FuzzArbitraries)], MaxTest = 200)]
    public void Run_AnyQueryAndStdin_ReturnsADocumentedExitCodeWithoutAStackTrace(CliInput input)
    {
        var output = CliTestSupport.RunWithInput(input.Stdin, [.. input.Args]);

        Assert.Contains(output.ExitCode, ExitCodes);
        foreach (var text in new[] { output.Stdout, output.Stderr })
        {
            Assert.DoesNotMatch(StackFrame(), text);

            // The generators never write the word, so only the app can.
            Assert.DoesNotContain("Exception:", text, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generators_Sample_IncludeValidQueriesAndDataFilesThatLoad()
    {
        // Properties that only ever saw diagnostics would prove little: the generators reach the executor and the loader.
        // A fixed seed, so the samples (and this test) are the same on every run.
        var queries = Gen.Sample(FuzzArbitraries.QueryText, Samples, new FsCheck.Rnd(20261201), Samples);
        Assert.Contains(queries, q => Bdq.TryExecute(BorderStore.Default, q, out _, out _));
        Assert.Contains(queries, q => q.Length > 1_000);

        var files = Gen.Sample(FuzzArbitraries.DataFile, Samples, new FsCheck.Rnd(20261201), Samples);
        Assert.Contains(files, f => FuzzTargets.Load(new MemoryStream(Encoding.UTF8.GetBytes(f))));
        Assert.Contains(files, f => !FuzzTargets.Load(new MemoryStream(Encoding.UTF8.GetBytes(f))));
    }

    [Fact]
    public void StackFrame_DotNetFrameLine_Matches()
    {
        // The check above must be able to fail: it recognises a real frame line.
        var trace = new System.InvalidOperationException().GetType().FullName + ": boom\n   at BorderDomain.Cli.BorderqApp.Run(String[] args, TextReader stdin) in /_/src/BorderDomain.Cli/BorderqApp.cs:line 12\n";
        Assert.Matches(StackFrame(), trace);
        Assert.DoesNotMatch(StackFrame(), "accords   at the border\n");
    }

    // A .NET stack frame line: three spaces, "at", a dotted method name and its parameter list.
    [GeneratedRegex(@"(?m)^\s+at [\w.`<>\[\]+,]+\(.*\)")]
    private static partial Regex StackFrame();
}
