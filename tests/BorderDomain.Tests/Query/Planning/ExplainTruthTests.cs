using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Query.Planning;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Query.Planning;

/// <summary>
/// <c>explain</c> is truthful on every DESIGN.md example: the plan text is asserted exactly, and the plan is then run
/// against spy tables that record which indexes and which rows the executor reads, so the strategy each line names is
/// the one executed (an index access reads that index, "no row read" reads no row, a walk reads the sorted index and
/// never the sort key's values, a sort reads them).
/// </summary>
public sealed class ExplainTruthTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    public static TheoryData<string, string> Examples => new()
    {
        {
            "accords where parties has PER and parties has ECU order by signed desc",
            "accords (13 rows)\n  posting list of parties: parties has ECU -> 8 rows\n  posting list of parties: parties has PER -> 10 rows\n"
            + "  intersect in this order (smallest estimate first)\n  sort by signed desc"
        },
        {
            "accords where topics has any (IllegalMining, DrugTrafficking) and signed >= 2010 take 5",
            "accords (13 rows)\n  date range of signed: signed >= 2010 -> 3 rows\n"
            + "  union of the posting lists of topics: topics has any (IllegalMining, DrugTrafficking) -> ~4 rows\n  intersect in this order (smallest estimate first)\n  take 5"
        },
        {
            "agencies where nation = ECU and kind in (Police, Customs) order by name",
            "agencies (30 rows)\n  union of the posting lists of kind: kind in (Police, Customs) -> ~5 rows\n  posting list of nation: nation = ECU -> 8 rows\n"
            + "  intersect in this order (smallest estimate first)\n  sort by name"
        },
        {
            "statistics where metric = BorderLength and nations has PER and nations has ECU",
            "statistics (20 rows)\n  posting list of metric: metric = BorderLength -> 2 rows\n  posting list of nations: nations has ECU -> 9 rows\n"
            + "  posting list of nations: nations has PER -> 16 rows\n  intersect in this order (smallest estimate first)"
        },
        {
            "statistics where disputed select metric, value, unit, source",
            "statistics (20 rows)\n  posting list of disputed: disputed -> 2 rows\n  select metric, value, unit, source"
        },
        {
            "accords where title contains \"mineria\"",
            "accords (13 rows)\n  text index of title: title contains \"mineria\" -> ~1 row"
        },
        {
            "accords where parties has @nation and signed between @from and @to",
            "accords (13 rows)\n  posting list of parties: parties has @nation -> ~1 row\n  date range of signed: signed between @from and @to -> ~4 rows\n"
            + "  intersect in this order (smallest estimate first)"
        },
        {
            "accords group by kind count",
            "accords (13 rows)\n  group by kind: count is each posting list's length, no row read"
        },
        {
            "statistics where metric = BilateralTrade group by period sum(value)",
            "statistics (20 rows)\n  posting list of metric: metric = BilateralTrade -> 2 rows\n  group by period, unit: sum(value)"
        },
        {
            "agencies where id in (events where title contains \"Tumbes\" select agencies)",
            "agencies (30 rows)\n  first, once: events where title contains \"Tumbes\" select each element of agencies, each value once\n"
            + "  key lookup: id in (the values of events.agencies) -> ~3 rows"
        },
        {
            "accords group by parties count",
            "accords (13 rows)\n  read every row\n  group by each element of parties: count"
        },
        {
            "events where title contains \"Tumbes\" select id, agencies.name",
            "events (25 rows)\n  text index of title: title contains \"Tumbes\" -> ~2 rows\n  select id, agencies.name (a key lookup in agencies for each of agencies)"
        },
        {
            "agencies where nation.region = \"South America\" count",
            "agencies (30 rows)\n  scan every row: no index applies\n  test each row: nation.region = \"South America\"\n  count the rows"
        },
        {
            "accords where parties has PER and count(parties) = 1",
            "accords (13 rows)\n  posting list of parties: parties has PER -> 10 rows\n  test each row found: count(parties) = 1"
        },
        {
            "accords count",
            "accords (13 rows)\n  count: the table's size, 13, no row read"
        },
        {
            "accords where kind = Treaty count",
            "accords (13 rows)\n  posting list of kind: kind = Treaty -> 0 rows\n  count: the index access's size, no row read"
        },
        {
            "accords where signed >= 1990 order by signed desc take 3",
            "accords (13 rows)\n  date range of signed: signed >= 1990 -> 4 rows\n  walk sorted index on signed desc over the rows found, stopping after 3 matches\n  take 3"
        },
        {
            "accords where kind in (Agreement, Treaty, MemorandumOfUnderstanding) and parties has PER order by signed desc take 30",
            "accords (13 rows)\n  union of the posting lists of kind: kind in (Agreement, Treaty, MemorandumOfUnderstanding) -> ~9 rows\n  posting list of parties: parties has PER -> 10 rows\n"
            + "  intersect in this order (smallest estimate first)\n  sort by signed desc\n  take 30"
        },
    };

    private static readonly Dictionary<string, object?> Parameters = new() { ["nation"] = NationCode.Peru, ["from"] = 2010, ["to"] = "2013-12" };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Explain_OfADesignExample_IsItsPlanText(string query, string expected)
    {
        Assert.Equal(expected, Bdq.Explain(Store, query).ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Explain_OfADesignExample_NamesTheStrategyTheExecutorRuns(string query, string unused)
    {
        _ = unused;
        Assert.True(Bdq.TryCompile(query, Store.Schema, null, out var bound, out _));
        var resolved = ParameterResolver.TryResolve(bound!, bound!.Parameters.Count > 0 ? Parameters : null, BdqOptions.Default, out var values, out _);
        Assert.True(resolved);

        // Planned on the real table's statistics (as Bdq does, parameter values included); run on spies.
        var real = Store.GetTable(bound.Set.Name)!;
        var plan = QueryPlanner.Plan(bound, new TableStatistics(real, values));
        var spies = Store.Tables.ToDictionary(t => t.Schema.Name, t => new SpyTable(t), StringComparer.OrdinalIgnoreCase);
        var spy = spies[bound.Set.Name];
        var result = new PlanExecutor(spy, set => spies.GetValueOrDefault(set), values).Execute(plan);

        var text = PlanPrinter.Print(plan);
        var lines = text.Split('\n').Select(l => l.Trim()).ToArray();
        var schema = bound.Set;
        int Field(string name) => schema.IndexOfField(name);

        if (text.Contains("no row read", StringComparison.Ordinal))
        {
            Assert.Equal(0, spy.ValuesRead);
            Assert.Equal(0, spy.RecordsRead);
        }

        foreach (var access in plan.Accesses)
        {
            var line = Assert.Single(lines, l => l.EndsWith(": " + PlanPrinter.Condition(access.Predicate) + " -> " + (access.IsExact ? string.Empty : "~") + access.Estimate + (access.Estimate == 1 ? " row" : " rows"), StringComparison.Ordinal));
            var field = access.Field;
            var read = line.Split(':')[0] switch
            {
                var l when l.StartsWith("posting list of ", StringComparison.Ordinal) || l.StartsWith("union of the posting lists of ", StringComparison.Ordinal) => spy.Postings,
                var l when l.StartsWith("date range of ", StringComparison.Ordinal) => spy.Dates,
                var l when l.StartsWith("number range of ", StringComparison.Ordinal) => spy.Numbers,
                var l when l.StartsWith("text index of ", StringComparison.Ordinal) => spy.Texts,
                "key lookup" => spy.Keys,
                var l => throw new InvalidOperationException($"unexpected access line '{l}'"),
            };
            Assert.Contains(field, read);
        }

        if (plan.Grouping == GroupStrategy.PostingListLengths)
        {
            Assert.Equal([Field(bound.GroupBy!.Keys[0].Field.Name)], spy.Postings);
        }
        else if (plan.Accesses.Count == 0)
        {
            Assert.Empty(spy.Postings);
            Assert.Empty(spy.Texts);
        }

        if (text.Contains("scan every row", StringComparison.Ordinal))
        {
            var predicate = Assert.IsType<BorderDomain.Query.Semantics.BoundPredicate>(plan.Residual);
            Assert.Equal(real.Count, spy.ValuesReadOf(Field(predicate.Path.Fields[0].Name)));
        }

        if (lines.FirstOrDefault(l => l.StartsWith("walk sorted index on ", StringComparison.Ordinal)) is { } walk)
        {
            var key = bound.OrderBy[0].Path.Field.Name;
            Assert.StartsWith("walk sorted index on " + key, walk, StringComparison.Ordinal);
            Assert.Contains(Field(key), spy.Dates.Concat(spy.Numbers));
            Assert.True(spy.ValuesRead < real.Count, "a walk stops early");
        }

        if (lines.FirstOrDefault(l => l.StartsWith("sort by ", StringComparison.Ordinal)) is not null)
        {
            Assert.True(spy.ValuesReadOf(Field(bound.OrderBy[0].Path.Field.Name)) > 0, "a sort reads the key's values");
            Assert.DoesNotContain(Field(bound.OrderBy[0].Path.Field.Name), spy.Dates.Concat(spy.Numbers));
        }

        // The same answer as the run time's (compared last: reading the result's rows reads values through the spy).
        var expected = Bdq.Execute(Store, query, bound.Parameters.Count > 0 ? Parameters : null);
        Assert.Equal(expected.Columns, result.Columns);
        Assert.Equal(expected.Rows.Select(r => r.ToArray()), result.Rows.Select(r => r.ToArray()));
        Assert.Equal(expected.Count, result.Count);
    }

    [Fact]
    public void Explain_WithoutParameters_GuessesTheirSizes_WhileTheRunIsPlannedOnTheirValues()
    {
        const string query = "accords where parties has @nation and signed between @from and @to";
        Assert.True(Bdq.TryCompile(query, Store.Schema, null, out var bound, out _));
        Assert.True(ParameterResolver.TryResolve(bound!, Parameters, BdqOptions.Default, out var values, out _));

        var run = PlanPrinter.Print(QueryPlanner.Plan(bound!, new TableStatistics(Store.Accords, values)));

        Assert.Contains("parties has @nation -> ~1 row", Bdq.Explain(Store, query), StringComparison.Ordinal);
        Assert.Contains("posting list of parties: parties has @nation -> 10 rows", run, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RecordsTheCountAndGroupStrategies()
    {
        QueryPlan Plan(string query)
        {
            Assert.True(Bdq.TryCompile(query, Store.Schema, null, out var bound, out _));
            return QueryPlanner.Plan(bound!, new TableStatistics(Store.GetTable(bound!.Set.Name)!));
        }

        Assert.Equal(CountStrategy.TableSize, Plan("accords count").Counting);
        Assert.Equal(CountStrategy.IndexSize, Plan("accords where kind = Treaty count").Counting);
        Assert.Equal(CountStrategy.CountRows, Plan("accords where kind in (Treaty, Agreement) count").Counting);
        Assert.Equal(CountStrategy.None, Plan("accords where kind = Treaty").Counting);
        Assert.Equal(GroupStrategy.PostingListLengths, Plan("accords group by kind count").Grouping);
        Assert.Equal(GroupStrategy.GroupRows, Plan("accords where kind = Treaty group by kind count").Grouping);
        Assert.Equal(GroupStrategy.None, Plan("accords count").Grouping);
        Assert.False(QueryPlanner.Plan(Plan("accords count").Query).HasStatistics);
        Assert.True(Plan("accords count").HasStatistics);
    }

    /// <summary>An <see cref="IEntityTable"/> that records what the executor reads.</summary>
    private sealed class SpyTable(IEntityTable inner) : IEntityTable
    {
        private readonly Dictionary<int, int> _valuesByField = [];

        public HashSet<int> Postings { get; } = [];

        public HashSet<int> Dates { get; } = [];

        public HashSet<int> Numbers { get; } = [];

        public HashSet<int> Texts { get; } = [];

        public HashSet<int> Keys { get; } = [];

        public int ValuesRead { get; private set; }

        public int RecordsRead { get; private set; }

        public EntitySetSchema Schema => inner.Schema;

        public int Count => inner.Count;

        public int ValuesReadOf(int field) => _valuesByField.GetValueOrDefault(field);

        public object GetRecord(int row)
        {
            RecordsRead++;
            return inner.GetRecord(row);
        }

        public object? GetValue(int row, int field)
        {
            ValuesRead++;
            _valuesByField[field] = ValuesReadOf(field) + 1;
            return inner.GetValue(row, field);
        }

        public bool TryGetRow(string key, out int row)
        {
            Keys.Add(inner.Schema.IndexOfField(inner.Schema.Key!.Name));
            return inner.TryGetRow(key, out row);
        }

        public PostingIndex? GetPostingIndex(int field)
        {
            Postings.Add(field);
            return inner.GetPostingIndex(field);
        }

        public DateIndex? GetDateIndex(int field)
        {
            Dates.Add(field);
            return inner.GetDateIndex(field);
        }

        public SortedIndex<decimal>? GetNumberIndex(int field)
        {
            Numbers.Add(field);
            return inner.GetNumberIndex(field);
        }

        public TextIndex? GetTextIndex(int field)
        {
            Texts.Add(field);
            return inner.GetTextIndex(field);
        }
    }
}
