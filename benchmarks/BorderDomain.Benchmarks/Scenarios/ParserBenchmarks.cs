using System;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BorderDomain.Query.Syntax;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>The kinds of long valid query <see cref="ParserBenchmarks"/> parses.</summary>
public enum ParsedQueryShape
{
    /// <summary><c>statistics where value &gt; -1.5 or value &gt; 1.25 or …</c>: numbers.</summary>
    Numbers,

    /// <summary><c>accords where signed &gt; 2020-01-01 or signed &lt; 1991-02 or …</c>: dates.</summary>
    Dates,

    /// <summary><c>accords where title contains "a" or title contains "w1" or …</c>: strings.</summary>
    Strings,

    /// <summary>
    /// Groups of <c>not</c>, parentheses, <c>and</c>, <c>in</c> lists, <c>between</c>, <c>has any</c>, <c>is null</c>,
    /// dotted paths and parameters, joined by <c>or</c>, and an <c>order by</c>: most of the grammar at once.
    /// </summary>
    Mixed,
}

/// <summary>
/// The parser alone (<see cref="QueryParser.Parse"/>: the limit scan and the grammar) on long valid queries of each
/// <see cref="ParsedQueryShape"/>, at about 1,000 and 9,000 characters. The <c>B/char</c> column is the bytes allocated
/// per parse divided by the text's length: it should stay about the same down each shape's rows (allocation linear in
/// the length) and at most 200.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BytesPerCharacterConfig))]
public class ParserBenchmarks
{
    private string _text = string.Empty;

    /// <summary>The query's shape.</summary>
    [Params(ParsedQueryShape.Numbers, ParsedQueryShape.Dates, ParsedQueryShape.Strings, ParsedQueryShape.Mixed)]
    public ParsedQueryShape Shape { get; set; }

    /// <summary>The query's length in characters (the text is at most this long and within 200 of it).</summary>
    [Params(1_000, 9_000)]
    public int Length { get; set; } = 1_000;

    /// <summary>
    /// A valid query of <paramref name="shape"/>, at most <paramref name="length"/> characters and within 200 of it
    /// (at least 200), ending in <c>order by signed desc, id skip 1 take 100</c>.
    /// </summary>
    public static string Text(ParsedQueryShape shape, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 200);
        var (head, term) = shape switch
        {
            ParsedQueryShape.Numbers => ("statistics where value > -1.5", (Func<int, string>)(i => Invariant($" or value > {i}.25"))),
            ParsedQueryShape.Dates => ("accords where signed > 2020-01-01", i => Invariant($" or signed < {1990 + (i % 30)}-{1 + (i % 12):D2}")),
            ParsedQueryShape.Strings => ("accords where title contains \"a\"", i => Invariant($" or title contains \"w{i}\"")),
            ParsedQueryShape.Mixed => ("accords where id = @id", i => Invariant(
                $" or not (parties has any (PER, ECU) and signed between 2001-0{1 + (i % 9)} and 2024-12-31) or (kind in (\"mou\", \"t{i}\") and expires is null and agency.nation != COL)")),
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
        };
        const string Tail = " order by signed desc, id skip 1 take 100";
        var text = new StringBuilder(head);
        for (var i = 1; ; i++)
        {
            var next = term(i);
            if (text.Length + next.Length + Tail.Length > length)
            {
                break;
            }

            text.Append(next);
        }

        return text.Append(Tail).ToString();
    }

    /// <summary>Builds the text and checks that it parses.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _text = Text(Shape, Length);
        var parsed = QueryParser.Parse(_text);
        if (!parsed.Success)
        {
            throw new InvalidOperationException($"{Shape} at {Length}: {parsed.Diagnostics[0].Message}");
        }
    }

    /// <summary>Parses the text.</summary>
    [Benchmark(Baseline = true)]
    public bool Parse() => QueryParser.Parse(_text).Success;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Adds the bytes-per-character column.</summary>
    public sealed class BytesPerCharacterConfig : ManualConfig
    {
        /// <summary>The column.</summary>
        public BytesPerCharacterConfig() => AddColumn(new BytesPerCharacterColumn());
    }

    /// <summary>Bytes allocated per parse over the text's length.</summary>
    public sealed class BytesPerCharacterColumn : IColumn
    {
        public string Id => "BytesPerChar";

        public string ColumnName => "B/char";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Bytes allocated per parse over the query's length in characters (target: at most 200)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var report = summary.Reports.FirstOrDefault(r => r.BenchmarkCase == benchmarkCase);
            if (report is null || benchmarkCase.Parameters["Shape"] is not ParsedQueryShape shape || benchmarkCase.Parameters["Length"] is not int length)
            {
                return "-";
            }

            var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return bytes is { } allocated ? ((double)allocated / Text(shape, length).Length).ToString("N1", CultureInfo.InvariantCulture) : "-";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
