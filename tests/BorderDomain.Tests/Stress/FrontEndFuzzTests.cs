using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;
using BorderDomain.Tests.Query;
using Xunit;
using Xunit.Abstractions;

namespace BorderDomain.Tests.Stress;

/// <summary>
/// Fuzzing the BDQ front end: random strings, every prefix of every corpus query and mutations of them go through
/// <c>QueryParser.Parse</c>, <c>Bdq.TryExecute</c>, <c>Bdq.TryExplain</c> and <c>BdqQueryable.TryApply</c>; each returns
/// a result or diagnostics, never an exception. For the prefixes, mutations and huge queries the number of cases and the
/// worst time per case are printed, not asserted; the random strings are an FsCheck property, which reports its cases.
/// </summary>
public sealed class FrontEndFuzzTests(ITestOutputHelper output)
{
    private static readonly BorderStore Store = BorderStore.Default;

    private static readonly BdqOptions Roomy = new() { MaxQueryLength = 1_000_000 };

    private static IEnumerable<string> Corpus =>
        QueryCorpus.RecordQueries.Concat(QueryCorpus.CountQueries).Concat(QueryCorpus.RowQueries);

    [BdqProperty(MaxTest = 1_000, EndSize = 60)]
    public void EntryPoints_RandomStrings_GiveResultsOrDiagnostics(FuzzStrings input)
    {
        var fuzz = new EntryPoints(Store);
        foreach (var query in input.All)
        {
            fuzz.Run(query);
        }

        Assert.True(fuzz.Failures.Count == 0, $"{fuzz.Failures.Count} of {fuzz.Cases} cases failed:{Environment.NewLine}{string.Join(Environment.NewLine, fuzz.Failures)}");
    }

    [Fact]
    public void EveryPrefixOfEveryCorpusQuery_GivesResultsOrDiagnostics()
    {
        var fuzz = new EntryPoints(Store);
        foreach (var query in Corpus)
        {
            foreach (var form in new[] { query, query.ToLowerInvariant(), query.ToUpperInvariant() })
            {
                for (var length = 0; length <= form.Length; length++)
                {
                    fuzz.Run(form[..length]);
                }
            }
        }

        Report(fuzz, "prefixes");
        Assert.True(fuzz.Cases >= 10_000, $"{fuzz.Cases} prefixes");
    }

    [Fact]
    public void MutatedCorpusQueries_GiveResultsOrDiagnostics()
    {
        var fuzz = new EntryPoints(Store);
        var random = new Random(20261122);
        string[] inserts =
        [
            "\u0000", "\ud800", "\udc00", "\udbff\udfff", "\u202e", "\u200b", "\ufeff", "é", "e\u0301", "𝕏", "İ", "ß", "\u0085",
            "\t\r\n", "\"", "\\", "(", ")", "@", "--", ".", ",", "'", "0", "-", "ЕСU", "\uff30\uff25\uff32",
        ];
        foreach (var query in Corpus)
        {
            for (var i = 0; i < 30; i++)
            {
                fuzz.Run(Mutate(query, random, inserts));
            }

            // Mutations of mutations.
            var twice = query;
            for (var i = 0; i < 5; i++)
            {
                twice = Mutate(twice, random, inserts);
                fuzz.Run(twice);
            }
        }

        Report(fuzz, "mutations");
        Assert.True(fuzz.Cases >= 3_000);
    }

    [Fact]
    public void HugeAndDeepQueries_AreRefusedByTheLimits()
    {
        var fuzz = new EntryPoints(Store);
        var literal = new string('x', 100_000);
        var parens = new string('(', 10_000) + "disputed" + new string(')', 10_000);
        var nots = string.Concat(Enumerable.Repeat("not ", 10_000));

        // Under the default limits the length check refuses them before anything else.
        Assert.Equal([BdqDiagnostics.QueryTooLong], fuzz.Run($"accords where title contains \"{literal}\""));
        Assert.Equal([BdqDiagnostics.QueryTooLong], fuzz.Run("statistics where " + parens));
        Assert.Equal([BdqDiagnostics.QueryTooLong], fuzz.Run("statistics where " + nots + "disputed"));
        Assert.Equal([BdqDiagnostics.QueryTooLong], fuzz.Run("accords where " + new string('a', 100_000) + " = 1"));

        // With room for the text, the depth check refuses the nesting before any recursion.
        Assert.Equal([BdqDiagnostics.NestingTooDeep], fuzz.Run("statistics where " + parens, Roomy));
        Assert.Equal([BdqDiagnostics.NestingTooDeep], fuzz.Run("statistics where " + new string('(', 10_000) + "disputed", Roomy));
        Assert.Equal([BdqDiagnostics.NestingTooDeep], fuzz.Run("statistics where " + nots + "disputed", Roomy));
        Assert.Equal([BdqDiagnostics.NestingTooDeep], fuzz.Run("statistics where " + string.Concat(Enumerable.Repeat("not (", 10_000)) + "disputed", Roomy));
        Assert.Equal([BdqDiagnostics.NestingTooDeep], fuzz.Run("statistics where " + new string('(', 65) + "disputed" + new string(')', 65)));
        Assert.Empty(fuzz.Run("statistics where " + new string('(', 63) + "disputed" + new string(')', 63)));

        // Long literals and names are parsed and answered when the length limit allows them.
        Assert.Empty(fuzz.Run($"accords where title contains \"{literal}\"", Roomy));
        Assert.Empty(fuzz.Run($"accords where title = \"{literal}\" or title startswith \"{literal}\"", Roomy));
        Assert.Equal([BdqDiagnostics.UnknownField], fuzz.Run("accords where " + new string('a', 100_000) + " = 1", Roomy));
        Assert.Equal([BdqDiagnostics.UnterminatedString], fuzz.Run($"accords where title contains \"{literal}", Roomy));
        Assert.Equal([BdqDiagnostics.ListTooLong], fuzz.Run("accords where kind in (" + string.Join(", ", Enumerable.Repeat("Treaty", 1_001)) + ")", Roomy));
        Assert.Empty(fuzz.Run("accords where kind in (" + string.Join(", ", Enumerable.Repeat("Treaty", 1_000)) + ")", Roomy));
        Assert.Equal([BdqDiagnostics.TakeTooLarge], fuzz.Run("accords take 10001"));
        fuzz.Run("accords take 99999999999999999999999999999999999999");
        fuzz.Run("statistics where value > 99999999999999999999999999999999999999.5");
        fuzz.Run("statistics where " + string.Join(" or ", Enumerable.Repeat("disputed", 800)));
        fuzz.Run("statistics where " + string.Join(" and ", Enumerable.Repeat("value > 1", 2_000)), Roomy);
        fuzz.Run("accords order by " + string.Join(", ", Enumerable.Repeat("signed", 1_200)));
        fuzz.Run(string.Concat(Enumerable.Repeat("-- comment\n", 50_000)) + "accords count", Roomy);
        fuzz.Run(new string(' ', 500_000) + "accords count", Roomy);
        fuzz.Run(new string('"', 100_001), Roomy);
        fuzz.Run(new string('@', 100_000), Roomy);

        Report(fuzz, "huge and deep");
    }

    /// <summary>
    /// A flat chain of 1,800 <c>or</c>s is 8,9xx characters, inside the default length limit, and has no nesting for the
    /// depth limit to refuse. Run on a thread with the default secondary-thread stack (1.5 MB), as a server's request
    /// thread would, the parser's recursion must still end in diagnostics or a result.
    /// </summary>
    [Fact]
    public void LongFlatOrChain_WithinTheDefaultLimits_GivesDiagnosticsNotAnException()
    {
        var fuzz = new EntryPoints(Store);
        var queries = new[]
        {
            "accords where " + string.Join(" or ", Enumerable.Repeat("x", 1_800)),
            "statistics where " + string.Join(" or ", Enumerable.Repeat("value>1", 900)),
            "statistics where " + string.Join(" and ", Enumerable.Repeat("value>1", 800)),
        };
        Assert.All(queries, q => Assert.True(q.Length <= BdqOptions.Default.MaxQueryLength));
        var thread = new System.Threading.Thread(
            () =>
            {
                foreach (var query in queries)
                {
                    fuzz.Run(query);
                }
            },
            1536 * 1024);
        thread.Start();
        thread.Join();

        Report(fuzz, "long flat chains");
    }

    private static string Mutate(string query, Random random, string[] inserts)
    {
        if (query.Length == 0)
        {
            return inserts[random.Next(inserts.Length)];
        }

        var at = random.Next(query.Length);
        var span = Math.Min(random.Next(1, 12), query.Length - at);
        switch (random.Next(7))
        {
            case 0: // delete a span
                return query.Remove(at, span);
            case 1: // duplicate a span
                return query.Insert(at, query.Substring(at, span));
            case 2: // insert a nasty character
                return query.Insert(at, inserts[random.Next(inserts.Length)]);
            case 3: // insert random UTF-16 code units
                return query.Insert(at, new string(Enumerable.Range(0, span).Select(_ => (char)random.Next(0x10000)).ToArray()));
            case 4: // replace one character
                return new StringBuilder(query) { [at] = inserts[random.Next(inserts.Length)][0] }.ToString();
            case 5: // swap two halves
                return query[at..] + " " + query[..at];
            default: // repeat a span many times
                return query.Insert(at, string.Concat(Enumerable.Repeat(query.Substring(at, span), random.Next(2, 400))));
        }
    }

    private void Report(EntryPoints fuzz, string what)
    {
        output.WriteLine(fuzz.Summary(what));
        Assert.True(fuzz.Failures.Count == 0, $"{fuzz.Failures.Count} of {fuzz.Cases} cases failed:{Environment.NewLine}{string.Join(Environment.NewLine, fuzz.Failures.Take(20))}");
    }
}
