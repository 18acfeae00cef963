using System.Linq;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Tests.Query.Semantics;
using Xunit;

namespace BorderDomain.Tests.Generators;

/// <summary>
/// Every query diagnostic of the run-time table, compiled through the generator inside a verbatim string: same code,
/// same message, and a location that covers exactly the same characters of the query in the source file.
/// </summary>
public sealed class GeneratorDiagnosticTests
{
    public static TheoryData<string> CompileTimeCases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var row in DiagnosticTests.Cases.Where(IsCompileTime))
            {
                data.Add(row.Name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CompileTimeCases))]
    public void QueryDiagnostic_IsReportedByTheGeneratorAtTheSameCharacters(string name)
    {
        var row = DiagnosticTests.Cases.Single(c => c.Name == name);
        const string prefix = "using System.Collections.Generic;\nusing BorderDomain.Model;\nusing BorderDomain.Query;\nusing BorderDomain.Storage;\npublic static partial class Q\n{\n    [BdqQuery(@\"";
        var source = prefix + row.Query.Replace("\"", "\"\"") + "\")]\n    public static partial IReadOnlyList<Accord> M(BorderStore store);\n}\n";

        var (_, all, _) = GeneratorHarness.Run(source);

        // A row marked Last checks the diagnostic that closes a capped list, after the first 100.
        var diagnostics = row.Last ? all.Skip(BdqDiagnostics.MaxReported).ToList() : all.ToList();
        if (row.Last)
        {
            Assert.Equal(BdqDiagnostics.MaxReported + 1, all.Length);
        }

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(row.Code, diagnostic.Id);
        Assert.Equal(row.Message, diagnostic.GetMessage());
        var expectedStart = prefix.Length + row.Query[..row.Span.Start].Count(c => c == '"') + row.Span.Start;
        var expectedText = row.Query.Substring(row.Span.Start, row.Span.Length);
        Assert.Equal(expectedStart, diagnostic.Location.SourceSpan.Start);
        Assert.Equal(expectedText, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length).Replace("\"\"", "\""));
    }

    [Fact]
    public void CompileTimeCases_CoverEveryParseAndBindCode()
    {
        var covered = DiagnosticTests.Cases.Where(IsCompileTime).Select(c => c.Code).ToHashSet();
        string[] runTimeOnly = [BdqDiagnostics.QueryTooLong, BdqDiagnostics.NestingTooDeep, BdqDiagnostics.ListTooLong, BdqDiagnostics.TakeTooLarge, BdqDiagnostics.NotSupportedHere];
        var expected = BdqDiagnostics.All.Keys.Where(code => string.CompareOrdinal(code, "BDQ0200") < 0).Except(runTimeOnly);

        Assert.All(expected, code => Assert.Contains(code, covered));
    }

    // Rows whose query fails at parse or bind time with default options (the generator's), as opposed to limits,
    // parameter values or the IQueryable entry point.
    private static bool IsCompileTime(DiagnosticTests.DiagnosticCase row) =>
        row.Options is null && row.Parameters is null && !row.ViaQueryable && string.CompareOrdinal(row.Code, "BDQ0200") < 0;
}
