using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using BorderDomain.Benchmarks;
using BorderDomain.Data;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Schema;

/// <summary>
/// The typed field readers of <see cref="QuerySetMetadata{T}"/>: they read what the boxed getters read, for every
/// field of every record of every bundled set (registered by the generator), of the same sets read by reflection, and
/// of a user's record type with every supported property shape compiled with the generator; and a table's build,
/// reading through them, allocates in proportion to the index it makes.
/// </summary>
public sealed class FieldReaderTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    [Fact]
    public void BundledSets_TypedReaders_AgreeWithTheBoxedGetters_ForEveryFieldOfEveryRecord()
    {
        foreach (var table in Store.Tables)
        {
            var check = typeof(FieldReaderTests).GetMethod(nameof(AssertTableAgrees), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(table.GetType().GetGenericArguments()[0]);
            check.Invoke(null, [table]);
        }
    }

    [Fact]
    public void ReflectedMetadata_TypedReaders_AreTheGeneratorsShapes_AndAgreeWithTheProperties()
    {
        var reflected = QuerySetReflector.Read<Accord>();
        var generated = QuerySets.For<Accord>();
        var sample = Store.Accords.First(a => a.Signed is not null && a.Parties.Length > 1 && a.Topics.Length > 0);
        for (var field = 0; field < generated.Schema.Fields.Count; field++)
        {
            Assert.Equal(generated.Readers[field].GetType(), reflected.Readers[field].GetType());
            var property = typeof(Accord).GetProperty(generated.Schema.Fields[field].PropertyName)!;
            Assert.Equal(Boxed(property.GetValue(sample), generated.Readers[field].IsCollection), Typed(reflected.Readers[field], sample));
        }
    }

    [Fact]
    public void MetadataFromBoxedGetters_ReadsObjects_WithTheSameValues()
    {
        var generated = QuerySets.For<Accord>();
        var boxed = new QuerySetMetadata<Accord>(generated.Schema, generated.Getters);
        foreach (var accord in Store.Accords)
        {
            for (var field = 0; field < generated.Schema.Fields.Count; field++)
            {
                Assert.Equal(typeof(object), boxed.Readers[field].ValueType);
                Assert.Equal(Typed(generated.Readers[field], accord), Typed(boxed.Readers[field], accord));
            }
        }

        // And a table built through boxed readers holds the same indexes as one built through typed readers.
        var typedTable = new EntityTable<Accord>(generated, Store.Accords);
        var boxedTable = new EntityTable<Accord>(boxed, Store.Accords);
        for (var field = 0; field < generated.Schema.Fields.Count; field++)
        {
            if (typedTable.GetPostingIndex(field) is { } postings)
            {
                var other = boxedTable.GetPostingIndex(field)!;
                Assert.Equal(postings.KeyCount, other.KeyCount);
                Assert.Equal(postings.NullRows.ToArray(), other.NullRows.ToArray());
                foreach (var key in postings.Keys)
                {
                    Assert.Equal(postings.Lookup(key).ToArray(), other.Lookup(key).ToArray());
                }
            }

            if (typedTable.GetDateIndex(field) is { } dates)
            {
                Assert.Equal(dates.ByStart.RowsInKeyOrder.ToArray(), boxedTable.GetDateIndex(field)!.ByStart.RowsInKeyOrder.ToArray());
                Assert.Equal(dates.ByEnd.Keys.ToArray(), boxedTable.GetDateIndex(field)!.ByEnd.Keys.ToArray());
            }

            if (typedTable.GetTextIndex(field) is { } text)
            {
                Assert.Equal(text.WordCount, boxedTable.GetTextIndex(field)!.WordCount);
            }
        }
    }

    [Fact]
    public void Readers_ThatDoNotMatchTheFields_AreRefused()
    {
        var generated = QuerySets.For<Accord>();
        var swapped = generated.Readers.SetItem(generated.Schema.IndexOfField("parties"), generated.Readers[0]);
        Assert.Throws<ArgumentException>(() => new QuerySetMetadata<Accord>(generated.Schema, swapped));
        Assert.Throws<ArgumentException>(() => new QuerySetMetadata<Accord>(generated.Schema, generated.Readers.RemoveAt(0)));
    }

    private const string UserRecord = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using BorderDomain.Model;
        using BorderDomain.Schema;

        namespace Consumer;

        public enum Shade { Light, Dark }

        [QuerySet("samples")]
        public sealed record Sample
        {
            [Indexed(IndexKind.Key)] public required string Id { get; init; }
            [Indexed] public Guid Token { get; init; }
            [Indexed] public bool Open { get; init; }
            [Indexed] public int? Count { get; init; }
            [Indexed] public long Total { get; init; }
            [Indexed] public decimal Amount { get; init; }
            [Indexed] public double? Ratio { get; init; }
            [Indexed] public Shade Shade { get; init; }
            [Indexed] public NationCode Nation { get; init; }
            [Indexed] public PartialDate? Seen { get; init; }
            [Indexed] public Period Span { get; init; }
            [Indexed] public DateOnly? Day { get; init; }
            [Indexed] public DateTime At { get; init; }
            [Indexed] public DateTimeOffset? Stamp { get; init; }
            [Indexed] public Unit Unit { get; init; }
            [Indexed] public string[]? Tags { get; init; }
            [Indexed] public List<int> Scores { get; init; } = [];
            [Indexed] public IReadOnlyList<Shade> Shades { get; init; } = [];
            [Indexed] public ImmutableArray<Period?> Spans { get; init; } = [];

            public static IReadOnlyList<Sample> Some() =>
            [
                new Sample { Id = "b", Token = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), Open = true, Count = 3, Total = 7, Amount = 1.5m, Ratio = 0.25,
                    Shade = Shade.Dark, Nation = NationCode.Parse("PER"), Seen = PartialDate.Parse("2019-05"), Span = Period.Parse("2019..2020"),
                    Day = new DateOnly(2020, 1, 2), At = new DateTime(2021, 3, 4, 5, 6, 7), Stamp = new DateTimeOffset(2022, 1, 1, 1, 0, 0, TimeSpan.FromHours(3)),
                    Unit = Unit.Parse("km"), Tags = ["x", "X", null!, "y"], Scores = [1, 2, 2], Shades = [Shade.Light], Spans = [Period.Parse("2010"), null] },
                new Sample { Id = "a" },
            ];
        }
        """;

    [Fact]
    public void UserRecord_GeneratorRegisteredReaders_AreTypedPerShape_AndAgreeWithTheGetters_AndWithReflection()
    {
        var (output, diagnostics, _) = Generators.GeneratorHarness.RunWithoutException([], UserRecord);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var assembly = Generators.GeneratorHarness.Load(output);
        var sample = assembly.GetType("Consumer.Sample", throwOnError: true)!;
        var records = (IEnumerable)sample.GetMethod("Some")!.Invoke(null, null)!;
        typeof(FieldReaderTests).GetMethod(nameof(AssertUserRecord), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(sample).Invoke(null, [records]);
    }

    [Fact]
    public void EntityTable_BuildOfSyntheticAccords_AllocatesInProportionToItsIndex()
    {
        // Warm: compile the builders and fill the array pools once.
        const int n = 20_000;
        var accords = SyntheticData.Shared(n).Accords;
        _ = new EntityTable<Accord>(QuerySets.For<Accord>(), accords);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var table = new EntityTable<Accord>(QuerySets.For<Accord>(), accords);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The index itself (as the table estimates it) plus at most half of it again in temporaries: the 1.5× of issue 13.
        Assert.Equal(n, table.Count);
        Assert.InRange(allocated, table.EstimatedIndexBytes, (long)(1.5 * table.EstimatedIndexBytes));
    }

    [Fact]
    public void ReadingEveryFieldThroughTheReaders_AllocatesNothing_WhereTheBoxedGettersDo()
    {
        var metadata = QuerySets.For<Accord>();
        var touch = new Touch();
        void ReadAll()
        {
            foreach (var accord in Store.Accords.Rows) // the rows' struct enumerator: the loop allocates nothing itself
            {
                touch.Record = accord;
                foreach (var reader in metadata.Readers)
                {
                    reader.Accept(touch);
                }
            }
        }

        ReadAll(); // warm
        var before = GC.GetAllocatedBytesForCurrentThread();
        ReadAll();
        var typed = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var accord in Store.Accords)
        {
            foreach (var getter in metadata.Getters)
            {
                _ = getter(accord);
            }
        }

        var boxed = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, typed);
        Assert.True(boxed > 0, "the boxed getters box the accords' enums, periods and collections");
        Assert.True(touch.Values > Store.Accords.Count * metadata.Readers.Length / 2);
    }

    // Reads a field's typed value (each element of a collection) and counts them.
    private sealed class Touch : IFieldReaderVisitor<Accord, int>
    {
        public Accord Record { get; set; } = null!;

        public long Values { get; private set; }

        public int VisitValue<TValue>(ValueReader<Accord, TValue> reader)
        {
            _ = reader.Read(Record);
            Values++;
            return 1;
        }

        public int VisitCollection<TElement>(CollectionReader<Accord, TElement> reader)
        {
            var count = 0;
            foreach (var element in reader.Read(Record))
            {
                _ = element;
                count++;
            }

            Values += count;
            return count;
        }
    }

    private static void AssertUserRecord<T>(IEnumerable records)
        where T : class
    {
        var generated = QuerySets.For<T>();
        var reflected = QuerySetReflector.Read<T>();
        Assert.Contains("QuerySetRegistrations", generated.Readers[0].GetType() == typeof(ValueReader<T, string>)
            ? ((ValueReader<T, string>)generated.Readers[0]).Getter.Method.DeclaringType!.FullName : "reflection", StringComparison.Ordinal);
        Assert.Equal(reflected.Schema, generated.Schema);
        Assert.Equal(19, generated.Schema.Fields.Count);
        var all = records.Cast<T>().ToList();
        for (var field = 0; field < generated.Schema.Fields.Count; field++)
        {
            var reader = generated.Readers[field];
            Assert.Equal(reflected.Readers[field].GetType(), reader.GetType());
            Assert.NotEqual(typeof(object), reader.ValueType);
            foreach (var record in all)
            {
                Assert.Equal(Boxed(generated.Getters[field](record), reader.IsCollection), Typed(reader, record));
                Assert.Equal(Typed(reader, record), Typed(reflected.Readers[field], record));
            }
        }

        // A table builds over every shape, its indexes as the boxed getters say.
        var table = new EntityTable<T>(generated, all);
        var tags = table.GetPostingIndex(generated.Schema.IndexOfField("tags"))!;
        Assert.Equal(2, tags.KeyCount); // x and X fold together; null is not a key
        Assert.Equal([1], tags.Lookup("X").ToArray());
        Assert.Equal([0], tags.NullRows.ToArray());
        var scores = table.GetPostingIndex(generated.Schema.IndexOfField("scores"))!;
        Assert.Equal([1], scores.Lookup(2).ToArray());
        Assert.Equal(1, table.GetNumberIndex(generated.Schema.IndexOfField("ratio"))!.Count);
        Assert.Equal(2, table.GetNumberIndex(generated.Schema.IndexOfField("amount"))!.Count);
        Assert.Equal(1, table.GetDateIndex(generated.Schema.IndexOfField("stamp"))!.ByStart.Count);
        Assert.Equal(new DateOnly(2021, 3, 4).DayNumber, table.GetDateIndex(generated.Schema.IndexOfField("at"))!.ByEnd.Keys[^1]);
        Assert.Equal([1], table.GetPostingIndex(generated.Schema.IndexOfField("token"))!.Lookup("0F8FAD5B-D9CB-469F-A165-70867728950E").ToArray());
    }

    private static void AssertTableAgrees<T>(EntityTable<T> table)
        where T : class
    {
        var metadata = table.Metadata;
        Assert.NotEmpty(metadata.Schema.Fields);
        foreach (var record in table.Rows)
        {
            for (var field = 0; field < metadata.Schema.Fields.Count; field++)
            {
                var reader = metadata.Readers[field];
                Assert.Equal(metadata.Schema.Fields[field].IsCollection, reader.IsCollection);
                Assert.NotEqual(typeof(object), reader.ValueType);
                Assert.Equal(Boxed(metadata.Getters[field](record), reader.IsCollection), Typed(reader, record));
            }
        }
    }

    // A boxed value as a list of objects: a collection's elements, or the one value.
    private static List<object?> Boxed(object? value, bool isCollection) =>
        isCollection ? [.. ((IEnumerable?)value ?? Array.Empty<object>()).Cast<object?>()] : [value];

    // What a typed reader reads, each value boxed only here.
    private static List<object?> Typed<T>(FieldReader<T> reader, T record)
        where T : class => reader.Accept(new Collect<T>(record));

    private sealed class Collect<T>(T record) : IFieldReaderVisitor<T, List<object?>>
        where T : class
    {
        public List<object?> VisitValue<TValue>(ValueReader<T, TValue> reader) => [reader.Read(record)];

        public List<object?> VisitCollection<TElement>(CollectionReader<T, TElement> reader)
        {
            var values = new List<object?>();
            foreach (var element in reader.Read(record))
            {
                values.Add(element);
            }

            Assert.Equal(values.Count, reader.Read(record).Count);
            return values;
        }
    }
}
