using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Query.Planning;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Query;

/// <summary>
/// The run-time path's warm calls: a query without parameters keeps its plan and executor, so a warm call answers as a
/// cold one does (a fresh plan and executor) and a warm count allocates nothing.
/// </summary>
public sealed class WarmPathTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    public static TheoryData<string> CorpusQueries()
    {
        var data = new TheoryData<string>();
        foreach (var query in QueryCorpus.RecordQueries.Concat(QueryCorpus.CountQueries).Concat(QueryCorpus.RowQueries))
        {
            data.Add(query);
        }

        return data;
    }

    [Theory]
    [InlineData("accords where parties has PER count")]
    [InlineData("accords count")]
    [InlineData("agencies where nation = ECU count")]
    public void WarmCount_AllocatesNothing(string query)
    {
        var expected = Cold(query).Count;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected, Bdq.Execute(Store, query).Count);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0;
        for (var i = 0; i < 10; i++)
        {
            total += Bdq.Execute(Store, query).Count!.Value;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(10 * expected, total);
        Assert.Equal(0, allocated);
    }

    // A count of rows found as a set (a union of dense posting lists, a date range, both ANDed) is read from the set's
    // words: a warm call allocates the set's few small objects (its bitmap is scratch kept from the last call), never a
    // row id per match. So on 20,000 synthetic accords it allocates what it does on 5,000, where the answer is about four
    // times smaller: reading the rows out would take four bytes for each of the thousands more.
    [Theory]
    [InlineData("accords where topics has any (IllegalMining, FuelSmuggling) count")]
    [InlineData("accords where signed between 2010 and 2020 count")]
    [InlineData("accords where topics has any (IllegalMining, FuelSmuggling) and signed between 2010 and 2020 count")]
    public void WarmSetCount_ReadsNoRowOut(string query)
    {
        var (smallRecords, small) = WarmCount(5_000);
        var (largeRecords, large) = WarmCount(20_000);
        Assert.True(largeRecords - smallRecords >= 1_000, $"{smallRecords} and {largeRecords} records: too close to tell a count from a read-out");
        Assert.True(large - small < largeRecords - smallRecords, $"a warm count allocated {small} B for {smallRecords} rows and {large} B for {largeRecords}");
        Assert.True(large < 1_024, $"a warm count of {largeRecords} rows allocated {large} B");

        (int Records, long Allocated) WarmCount(int size)
        {
            var store = BorderDomain.Benchmarks.SyntheticData.SharedStore(size);
            var records = Bdq.Execute(store, query[..^" count".Length], options: new BdqOptions { MaxRows = int.MaxValue }).Records.Count;
            Assert.Equal(records, Cold(query, store: store).Count);
            int? counted = null;
            var allocated = Allocated(() => counted = Bdq.Execute(store, query).Count);
            Assert.Equal(records, counted);
            return (records, allocated);
        }
    }

    // A warm record result allocates what the result is: its BdqResult and one array of its row ids (its records and
    // rows are views made when first asked for). The bound is measured, not guessed: making that same result directly.
    [Theory]
    [InlineData("accords where id = \"pe-ec-2025-pledge\"")]
    [InlineData("accords order by signed desc take 3")]
    [InlineData("accords where kind = Agreement order by signed desc take 2")]
    [InlineData("accords where parties has PER and parties has ECU")]
    [InlineData("accords where parties has PER and parties has ECU and kind = Agreement")]
    public void WarmRecordResult_AllocatesOnlyItsResult(string query)
    {
        var expected = Cold(query);
        Assert.NotEmpty(expected.Records);
        var warm = Allocated(() => Bdq.Execute(Store, query));
        var result = Bdq.Execute(Store, query);
        AssertSame(expected, result);
        Assert.True(warm <= OwnSize(result), $"a warm call allocated {warm} B; its result is {OwnSize(result)} B; plan: {Bdq.Explain(Store, query)}");
    }

    // The same with a parameter: checking the value, finding the kept plan and giving the run its constants allocate
    // nothing once warm (the frame and the call's constants are kept; text converted to a nation code is recalled).
    [Theory]
    [InlineData("accords where id = @p", "pe-ec-2025-pledge")]
    [InlineData("accords where kind = @p order by signed desc take 2", "Agreement")]
    public void WarmParameterisedRecordCall_AllocatesOnlyItsResult(string query, string value)
    {
        var given = new Dictionary<string, object?> { ["p"] = value };
        var expected = Cold(query, given);
        Assert.NotEmpty(expected.Records);
        var warm = Allocated(() => Bdq.Execute(Store, query, given));
        var result = Bdq.Execute(Store, query, given);
        AssertSame(expected, result);
        Assert.True(warm <= OwnSize(result), $"a warm call allocated {warm} B; its result is {OwnSize(result)} B");
    }

    // A parameterised count allocates nothing once warm, whether the value comes as text or as the field's own type.
    [Fact]
    public void WarmParameterisedCount_AllocatesNothing()
    {
        const string query = "accords where parties has @p count";
        foreach (var supplied in new object[] { "PER", BorderDomain.Model.NationCode.Parse("ECU") })
        {
            var given = new Dictionary<string, object?> { ["p"] = supplied };
            var expected = Cold(query, given).Count;
            Assert.True(expected > 0);
            int? counted = null;
            var allocated = Allocated(() => counted = Bdq.Execute(Store, query, given).Count);
            Assert.Equal(expected, counted);
            Assert.Equal(0, allocated);
        }
    }

    [Theory]
    [MemberData(nameof(CorpusQueries))]
    public void WarmResult_EqualsColdResult(string query)
    {
        var cold = Cold(query);
        for (var call = 0; call < 3; call++)
        {
            AssertSame(cold, Bdq.Execute(Store, query));
        }
    }

    // A call again with the text run warm last runs its plan without the text being looked up, but only when it is
    // the same call: on another store the same text answers for that store, and back on the first for the first.
    [Fact]
    public void HotCall_OnAnotherStore_AnswersForThatStore()
    {
        const string query = "accords where parties has PER count";
        var peru = Store.Accords.Where(a => a.Parties.Contains(NationCode.Peru)).ToList();
        var two = new QueryStore(new EntityTable<Accord>(QuerySets.For<Accord>(), peru.Take(2)));
        Assert.True(peru.Count > 2);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(peru.Count, Bdq.Execute(Store, query).Count);
        }

        Assert.Equal(2, Bdq.Execute(two, query).Count);
        Assert.Equal(2, Bdq.Execute(two, query).Count);
        Assert.Equal(peru.Count, Bdq.Execute(Store, query).Count);
    }

    // Other options are another call: their limits hold though the same text ran warm with the defaults just before.
    [Fact]
    public void HotCall_WithOtherOptions_KeepsTheirLimits()
    {
        const string query = "accords order by signed desc";
        var all = Bdq.Execute(Store, query);
        Assert.Equal(all.Records, Bdq.Execute(Store, query).Records);

        var capped = Bdq.Execute(Store, query, options: new BdqOptions { MaxRows = 2 });
        Assert.True(capped.IsTruncated);
        Assert.Equal(all.Records.Take(2), capped.Records);

        Assert.False(Bdq.TryExecute(Store, query, out var refused, out var diagnostics, options: new BdqOptions { MaxQueryLength = 10 }));
        Assert.Null(refused);
        Assert.Equal(BdqDiagnostics.QueryTooLong, Assert.Single(diagnostics).Code);

        Assert.False(Bdq.Execute(Store, query).IsTruncated);
    }

    // A search that matches too many words is a diagnostic on every call, hot ones included, through Execute's
    // exception and TryExecute's false alike.
    [Fact]
    public void HotCall_SearchTooBroad_IsADiagnosticEveryTime()
    {
        const string query = "accords where title contains \"a\"";
        var options = new BdqOptions { MaxMatchedWords = 2 };
        for (var i = 0; i < 3; i++)
        {
            var thrown = Assert.Throws<BdqException>(() => Bdq.Execute(Store, query, options: options));
            Assert.Equal(BdqDiagnostics.SearchTooBroad, Assert.Single(thrown.Diagnostics).Code);
            Assert.Equal(new TextSpan(29, 3, 1, 30), thrown.Diagnostics[0].Span);
            Assert.False(Bdq.TryExecute(Store, query, out var result, out var diagnostics, options: options));
            Assert.Null(result);
            Assert.Equal(thrown.Diagnostics[0].Message, Assert.Single(diagnostics).Message);
        }
    }

    // A store of the caller's own may hand out another table under the same schema: the hot call asks for the table
    // each time and answers from the one it is given.
    [Fact]
    public void HotCall_OnAStoreWhoseTableChanged_AnswersFromTheNewTable()
    {
        const string query = "accords where parties has PER count";
        var peru = Store.Accords.Where(a => a.Parties.Contains(NationCode.Peru)).ToList();
        var store = new SwitchingStore(Store.Accords, new EntityTable<Accord>(QuerySets.For<Accord>(), peru.Take(1)));

        Assert.Equal(peru.Count, Bdq.Execute(store, query).Count);
        Assert.Equal(peru.Count, Bdq.Execute(store, query).Count);
        store.UseSecond = true;
        Assert.Equal(1, Bdq.Execute(store, query).Count);
        Assert.Equal(1, Bdq.Execute(store, query).Count);
        store.UseSecond = false;
        Assert.Equal(peru.Count, Bdq.Execute(store, query).Count);
    }

    [Fact]
    public void WarmCalls_FromManyThreads_AnswerAsOneDoes()
    {
        string[] queries =
        [
            "accords where parties has PER and signed >= 2010 order by signed desc take 10",
            "accords where kind != Agreement order by title",
            "agencies group by kind count",
            "accords where title contains \"peru\" select id, title",
        ];
        var expected = queries.Select(q => Cold(q)).ToArray();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => AssertSame(expected[i % queries.Length], Bdq.Execute(Store, queries[i % queries.Length])));
    }

    // Parameterised queries keep a plan per set of sizes of the accesses reading a parameter: each warm call with other
    // values answers as a fresh plan for those values does, whichever plan it reuses.
    [Theory]
    [InlineData("accords where parties has @p count", "p", "PER", "ECU", "BOL")]
    [InlineData("accords where parties has @p and kind = Treaty order by signed desc take 5", "p", "PER", "ECU", "BOL")]
    [InlineData("accords where id = @id", "id", "acc-0000001", "no-such-accord", "acc-0000002")]
    [InlineData("agencies where nation = @n select id, name", "n", "ECU", "PER", "COL")]
    [InlineData("accords where signed >= @d order by signed take 3", "d", "2010", "1990", "2020")]
    [InlineData("accords where kind in (Treaty, Agreement) and parties has @p order by signed desc take 5", "p", "PER", "ECU", "BOL")]
    [InlineData("accords where parties has @p and parties has ECU order by signed desc", "p", "PER", "COL", "BOL")]
    [InlineData("accords where title contains @t select id, title", "t", "peru", "limites", "acuerdo")]
    [InlineData("accords where not kind = @k order by signed take 4", "k", "Treaty", "Agreement", "Treaty")]
    public void WarmParameterisedCalls_AnswerAsFreshPlans(string query, string name, string first, string second, string third)
    {
        string[] values = [first, second, third, second, first, third];
        foreach (var value in values)
        {
            var parameters = new Dictionary<string, object?> { [name] = value };
            AssertSame(Cold(query, parameters), Bdq.Execute(Store, query, parameters));
        }
    }

    // A warm call with new values reuses the plan compiled once for every value of the parameters: it allocates what
    // checking the values and running the plan for them allocate (the result among it), and a few small arrays for
    // the call's constants, never a new compiled plan. Both sides are measured here for the same values.
    [Theory]
    [InlineData("accords where parties has @p count")]
    [InlineData("accords where parties has @p and kind = Treaty order by signed desc take 5")]
    [InlineData("accords where kind in (Treaty, Agreement) and parties has @p order by signed desc take 5")]
    [InlineData("agencies where nation = @p select id, name")]
    public void WarmParameterisedCall_AllocatesOnlyItsResultAndValues(string query)
    {
        // Finding the kept plan (each parameterised access's size read from its index, the key of sizes) and the
        // call's constants (an array of slots, one array of values per slot, the posting-list tests made from them).
        const long callConstants = 0;
        string[] values = ["PER", "ECU", "BOL"];
        var given = values.Select(v => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["p"] = v }).ToArray();
        for (var i = 0; i < 2 * values.Length; i++)
        {
            Bdq.Execute(Store, query, given[i % values.Length]);
        }

        Assert.True(Bdq.TryCompile(query, Store.Schema, null, out var bound, out _));
        var table = Store.GetTable(bound!.Set.Name)!;
        for (var i = 0; i < values.Length; i++)
        {
            Assert.True(ParameterResolver.TryResolve(bound, given[i], BdqOptions.Default, out var resolved, out _));
            var plan = QueryPlanner.Plan(bound, new TableStatistics(table, resolved));
            var run = new PlanExecutor(table, Store.GetTable, resolved) { MaxRows = BdqOptions.Default.MaxRows, MaxMatchedWords = BdqOptions.Default.MaxMatchedWords }.Compile(plan);
            var checking = Allocated(() => ParameterResolver.TryResolve(bound, given[i], BdqOptions.Default, out _, out _));
            var result = Allocated(() => run());
            var compiling = Allocated(() => new PlanExecutor(table, Store.GetTable, resolved).Compile(plan));

            var warm = Allocated(() => Bdq.Execute(Store, query, given[i]));
            Assert.True(warm <= checking + result + callConstants, $"{values[i]}: a warm call allocated {warm} B; checking the values {checking} B, the result {result} B");
            Assert.True(warm < checking + result + compiling, $"{values[i]}: a warm call allocated {warm} B, as much as compiling the plan again ({compiling} B) would");
        }
    }

    // Several threads running one parameterised query, each with its own value in turn, get each value's answer.
    [Fact]
    public void WarmParameterisedCalls_FromManyThreads_AnswerForTheirOwnValues()
    {
        const string query = "accords where kind in (Treaty, Agreement) and parties has @p order by signed desc take 5";
        string[] values = ["PER", "ECU", "BOL", "COL", "BRA"];
        var given = values.Select(v => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["p"] = v }).ToArray();
        var expected = given.Select(g => Cold(query, g)).ToArray();
        const string count = "accords where parties has @p count";
        var counts = given.Select(g => Cold(count, g).Count).ToArray();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var which = (i * 7) % values.Length;
            AssertSame(expected[which], Bdq.Execute(Store, query, given[which]));
            Assert.Equal(counts[which], Bdq.Execute(Store, count, given[which]).Count);
        });
    }

    [Fact]
    public void WarmParameterisedCalls_StillCheckTheirValues()
    {
        const string query = "accords where parties has @p count";
        Assert.Equal(Cold(query, new Dictionary<string, object?> { ["p"] = "PER" }).Count, Bdq.Execute(Store, query, new Dictionary<string, object?> { ["p"] = "PER" }).Count);
        Assert.False(Bdq.TryExecute(Store, query, out _, out var diagnostics, new Dictionary<string, object?> { ["p"] = "not a nation" }));
        Assert.NotEmpty(diagnostics);
        Assert.False(Bdq.TryExecute(Store, query, out _, out diagnostics));
        Assert.NotEmpty(diagnostics);
    }

    [Theory]
    [InlineData("accords where title contains @text and kind = @kind", "text", "mineria", "kind", "Treaty")]
    [InlineData("accords where parties has @p and signed >= @from", "p", "PER", "from", "2010")]
    [InlineData("accords where kind = @kind and status = @status", "kind", BorderDomain.Model.AccordKind.Treaty, "status", "planned")]
    public void ResolvingGoodValues_AllocatesOnlyTheValuesDictionary(string query, string first, object firstValue, string second, object secondValue)
    {
        Assert.True(Bdq.TryCompile(query, Store.Schema, null, out var bound, out _));
        var given = new Dictionary<string, object?> { [first] = firstValue, [second] = secondValue };
        Dictionary<string, object>? values = null;
        var resolving = Allocated(() => Assert.True(ParameterResolver.TryResolve(bound!, given, BdqOptions.Default, out values, out _)));

        // The floor: a dictionary of the same values, sized and compared as the resolver's is, each value boxed anew
        // (GetObjectValue copies a boxed struct), as converting it does.
        var floor = Allocated(() =>
        {
            var copy = new Dictionary<string, object>(2, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in values!)
            {
                copy[name] = System.Runtime.CompilerServices.RuntimeHelpers.GetObjectValue(value)!;
            }
        });
        Assert.Equal(2, values!.Count);
        Assert.True(resolving <= floor, $"resolving allocated {resolving} B, the dictionary alone {floor} B");
    }

    // Row-set paths on a store large enough for dense posting lists: a union of posting lists ANDed with a date range
    // (both bitmaps), and a text search (the union of the matching words' lists). Their scratch (the bitmaps, the
    // matching words' union, the rows checked against the texts) is pooled, so a warm call allocates its result, and
    // besides it only the small objects of the plan's steps (a row set per access, the array of a union's posting
    // lists: tens of bytes each, whatever the size of the table or the answer), bounded by StepObjects.
    [Theory]
    [InlineData(BorderDomain.Benchmarks.Queries.TopicsInDateRange)]
    [InlineData("accords where topics has any (IllegalMining, DrugTrafficking) and signed >= 2010")]
    [InlineData(BorderDomain.Benchmarks.Queries.TitleContains)]
    [InlineData("accords where title contains \"acuerdo de cooperacion\"")]
    [InlineData("accords where title contains \"frontera\"")]
    public void WarmRowSetCall_AllocatesOnlyItsResult(string query)
    {
        var store = BorderDomain.Benchmarks.SyntheticData.SharedStore(20_000);
        var expected = Cold(query, store: store);
        Assert.NotEmpty(expected.Records);
        var warm = Allocated(() => Bdq.Execute(store, query));
        var result = Bdq.Execute(store, query);
        AssertSame(expected, result);
        Assert.True(warm <= OwnSize(result, store) + StepObjects, $"a warm call allocated {warm} B; its result is {OwnSize(result, store)} B; plan: {Bdq.Explain(store, query)}");
    }

    // A top-k walk whose filter a posting index answers tests each row by its lists' bits in the walk's loop: it answers
    // as the same filter tested on each record (LINQ over the table, newest first, ties in row order, unsigned last).
    [Theory]
    [InlineData("kind in (Agreement, MemorandumOfUnderstanding, Treaty)", 10)]
    [InlineData("kind in (Treaty, Agreement)", 25)]
    [InlineData("topics has all (IllegalMining, FuelSmuggling)", 7)]
    [InlineData("topics has any (IllegalMining, FuelSmuggling)", 12)]
    [InlineData("kind in (Treaty, Agreement) and topics has IllegalMining", 9)]
    [InlineData("topics has any (IllegalMining, FuelSmuggling) and kind in (Treaty, Agreement, MemorandumOfUnderstanding) and parties has PER", 8)]
    [InlineData("parties has PER and parties has ECU", 6)]
    public void TopKWalkTestingListBits_AnswersAsTheRecordsSay(string filter, int take)
    {
        var store = BorderDomain.Benchmarks.SyntheticData.SharedStore(20_000);
        var query = $"accords where {filter} order by signed desc take {take}";
        var expected = Bdq.Execute(store, $"accords where {filter}", options: new BdqOptions { MaxRows = int.MaxValue }).Records
            .Cast<BorderDomain.Model.Accord>()
            .Select((accord, position) => (accord, position))
            .OrderBy(x => x.accord.Signed is null ? 1 : 0)
            .ThenByDescending(x => x.accord.Signed is { } signed ? signed.From.StartDayNumber : 0)
            .ThenBy(x => x.position)
            .Take(take)
            .Select(x => x.accord)
            .ToArray();
        Assert.Equal(take, expected.Length);
        Assert.Contains("walk", Bdq.Explain(store, query));
        for (var call = 0; call < 2; call++)
        {
            Assert.Equal(expected, Bdq.Execute(store, query).Records.Cast<BorderDomain.Model.Accord>());
        }
    }

    // What the steps of a two-access row-set plan may allocate besides the result (see WarmRowSetCall_AllocatesOnlyItsResult).
    private const int StepObjects = 192;

    // What a record result is: the same result made directly (its object and an array of as many row ids).
    private static long OwnSize(BdqResult result, IQueryStore? store = null)
    {
        var table = (store ?? Store).GetTable(result.Set.Name)!;
        var rows = result.Records.Count;
        return Allocated(() => GC.KeepAlive(new BdqResult(result.Set, result.Columns, table, new int[rows], result.IsTruncated)));
    }

    // Bytes the current thread allocates for the second of two calls (the first warms whatever it makes once).
    private static long Allocated(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    // The query planned and run afresh, bypassing the kept plan and executor.
    private static BdqResult Cold(string query, IReadOnlyDictionary<string, object?>? given = null, IQueryStore? store = null)
    {
        store ??= Store;
        Assert.True(Bdq.TryCompile(query, store.Schema, null, out var bound, out var diagnostics), string.Join("; ", diagnostics.Select(d => d.Message)));
        var table = store.GetTable(bound!.Set.Name)!;
        Assert.True(ParameterResolver.TryResolve(bound, given, BdqOptions.Default, out var parameters, out diagnostics), string.Join("; ", diagnostics.Select(d => d.Message)));
        var plan = QueryPlanner.Plan(bound, new TableStatistics(table, parameters));
        return new PlanExecutor(table, store.GetTable, parameters) { MaxRows = BdqOptions.Default.MaxRows, MaxMatchedWords = BdqOptions.Default.MaxMatchedWords }.Execute(plan);
    }

    private static void AssertSame(BdqResult expected, BdqResult actual)
    {
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.IsTruncated, actual.IsTruncated);
        Assert.Equal(expected.Records, actual.Records);
        Assert.Equal(Text(expected.Rows), Text(actual.Rows));
    }

    // A store of the caller's own with one set whose table it switches.
    private sealed class SwitchingStore(IEntityTable first, IEntityTable second) : IQueryStore
    {
        public bool UseSecond { get; set; }

        public QuerySchema Schema { get; } = new QueryStore(first).Schema;

        public IEntityTable? GetTable(string set) => set == "accords" ? (UseSecond ? second : first) : null;
    }

    private static string[] Text(IReadOnlyList<IReadOnlyList<object?>> rows) =>
        rows.Select(row => string.Join(" | ", row.Select(value => value is System.Collections.IEnumerable list and not string
            ? "[" + string.Join(", ", list.Cast<object?>()) + "]"
            : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)))).ToArray();
}
