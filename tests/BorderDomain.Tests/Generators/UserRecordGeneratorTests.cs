using System.Linq;
using System.Reflection;
using BorderDomain.Schema;
using Microsoft.CodeAnalysis;
using Xunit;

namespace BorderDomain.Tests.Generators;

/// <summary>
/// The generator on a consumer's own <c>[QuerySet]</c> record types: query methods that take the record type's
/// <c>EntityTable&lt;T&gt;</c>, a <c>QueryStore</c>, the <c>IQueryStore</c> interface or the consumer's own store type,
/// and <c>.bdq</c> files run on such a store. Each generated answer is checked against the run-time engine and
/// against the answer worked out by hand from the data below.
/// </summary>
public sealed class UserRecordGeneratorTests
{
    private const string Records = ConsumerSources.Records;

    private const string QueryMethods = """
        using System.Collections.Generic;
        using BorderDomain.Model;
        using BorderDomain.Query;
        using BorderDomain.Schema;
        using BorderDomain.Storage;

        namespace Consumer;

        /// <summary>A consumer's own store type: anything that implements IQueryStore.</summary>
        public sealed class BorderPosts(QueryStore inner) : IQueryStore
        {
            public QuerySchema Schema => inner.Schema;

            public IEntityTable? GetTable(string set) => inner.GetTable(set);
        }

        public static partial class CrossingQueries
        {
            [BdqQuery("crossings where mode = Road and people >= @least order by people desc")]
            public static partial IReadOnlyList<Crossing> Busy(EntityTable<Crossing> crossings, decimal least);

            [BdqQuery("crossings where mode = Road count")]
            public static partial int Roads(this EntityTable<Crossing> crossings);

            [BdqQuery("crossings where note contains \"FUEL\"")]
            public static partial Crossing? Fuel(EntityTable<Crossing> crossings);

            [BdqQuery("crossings where station.nation = @nation order by people desc")]
            public static partial IReadOnlyList<Crossing> Through(QueryStore store, NationCode nation);

            [BdqQuery("crossings group by mode sum(people)")]
            public static partial IReadOnlyList<IReadOnlyList<object?>> PeopleByMode(IQueryStore store);

            [BdqQuery("stations where nation = ECU")]
            public static partial Station[] Ecuadorian(BorderPosts store);
        }
        """;

    private const string Demo = """
        using System.Collections.Generic;
        using System.Linq;
        using BorderDomain.Model;
        using BorderDomain.Query;
        using BorderDomain.Schema;
        using BorderDomain.Storage;

        namespace Consumer;

        public static class Demo
        {
            public static string[] Run()
            {
                var stations = new EntityTable<Station>(QuerySets.For<Station>(),
                [
                    new() { Id = "s-1", Name = "Huaquillas", Nation = NationCode.Ecuador },
                    new() { Id = "s-2", Name = "Aguas Verdes", Nation = NationCode.Peru },
                    new() { Id = "s-3", Name = "Rumichaca", Nation = NationCode.Colombia },
                ]);
                var crossings = new EntityTable<Crossing>(QuerySets.For<Crossing>(),
                [
                    new() { Id = "c-1", Station = "s-1", Mode = Mode.Road, People = 1200 },
                    new() { Id = "c-2", Station = "s-2", Mode = Mode.Foot, People = 300, Note = "Fuel seized" },
                    new() { Id = "c-3", Station = "s-3", Mode = Mode.River, People = 45 },
                    new() { Id = "c-4", Station = "s-2", Mode = Mode.Road, People = 640 },
                    new() { Id = "c-5", Station = "s-3", Mode = Mode.Road, People = 2100 },
                    new() { Id = "c-6", Station = "s-1", Mode = Mode.Road, People = 90 },
                ]);
                var store = new QueryStore(stations, crossings);
                string Ids(IEnumerable<object> records) => string.Join(",", records.Select(r => r is Crossing c ? c.Id : ((Station)r).Id));
                string Groups(IEnumerable<IReadOnlyList<object?>> rows) => string.Join(",", rows.Select(row => $"{row[0]}={row[1]:0}"));
                var least = new Dictionary<string, object?> { ["least"] = 500m };
                var peru = new Dictionary<string, object?> { ["nation"] = NationCode.Peru };
                return
                [
                    "busy " + Ids(CrossingQueries.Busy(crossings, 500m)) + " | " + Ids(Bdq.Execute(store, "crossings where mode = Road and people >= @least order by people desc", least).Records),
                    "roads " + crossings.Roads() + " | " + Bdq.Execute(store, "crossings where mode = Road count").Count,
                    "fuel " + CrossingQueries.Fuel(crossings)?.Id + " | " + Ids(Bdq.Execute(store, "crossings where note contains \"FUEL\"").Records),
                    "through " + Ids(CrossingQueries.Through(store, NationCode.Peru)) + " | " + Ids(Bdq.Execute(store, "crossings where station.nation = @nation order by people desc", peru).Records),
                    "by mode " + Groups(CrossingQueries.PeopleByMode(store)) + " | " + Groups(Bdq.Execute(store, "crossings group by mode sum(people)").Rows),
                    "ecuadorian " + Ids(CrossingQueries.Ecuadorian(new BorderPosts(store))) + " | " + Ids(Bdq.Execute(store, "stations where nation = ECU").Records),
                    "file " + Ids(BdqQueries.CrossingsQueries.Slow(store, 100m)) + " | " + Ids(Bdq.Execute(store, "crossings where people < 100 order by id").Records),
                ];
            }
        }
        """;

    private const string QueryFile = """
        -- name: Slow
        crossings where people < @most order by id
        """;

    [Fact]
    public void QueriesOnTheConsumersOwnRecords_GenerateAndAgreeWithTheRunTimeEngine()
    {
        var (output, diagnostics) = GeneratorHarness.RunWithFiles([("crossings.bdq", QueryFile)], Records, QueryMethods, Demo);

        Assert.Empty(diagnostics);
        var generated = string.Join("\n", output.SyntaxTrees.Select(t => t.ToString()));
        Assert.Contains("IndexQueries.Rows(__table", generated);
        var assembly = GeneratorHarness.Load(output);
        var lines = (string[])assembly.GetType("Consumer.Demo", throwOnError: true)!.GetMethod("Run")!.Invoke(null, null)!;

        Assert.Equal(
            [
                "busy c-5,c-1,c-4 | c-5,c-1,c-4",
                "roads 4 | 4",
                "fuel c-2 | c-2",
                "through c-4,c-2 | c-4,c-2",
                "by mode Road=4030,Foot=300,River=45 | Road=4030,Foot=300,River=45",
                "ecuadorian s-1 | s-1",
                "file c-3,c-6 | c-3,c-6",
            ],
            lines);
    }

    [Theory]
    [InlineData(
        "[BdqQuery(\"stations where nation = ECU\")] public static partial IReadOnlyList<Station> Find(EntityTable<Crossing> crossings);",
        "'Find' takes the table of crossings, but its query reads stations; take that set's table or a store.")]
    [InlineData(
        "[BdqQuery(\"crossings where station.nation = PER\")] public static partial IReadOnlyList<Crossing> Find(EntityTable<Crossing> crossings);",
        "'Find' takes one table, but 'station.nation' follows a reference into stations; take a store (a QueryStore or another IQueryStore) that holds both sets.")]
    [InlineData(
        "[BdqQuery(\"crossings where mode = Road\")] public static partial IReadOnlyList<Crossing> Find(List<Crossing> crossings);",
        "The first parameter of 'Find' must be what the query runs on: a BorderStore, a QueryStore or another IQueryStore, or the EntityTable<T> of the query's [QuerySet] record type.")]
    [InlineData(
        "[BdqQuery(\"crossings where mode = Road\")] public static partial IReadOnlyList<Crossing> Find(EntityTable<Unlisted> rows);",
        "The first parameter of 'Find' must be what the query runs on: a BorderStore, a QueryStore or another IQueryStore, or the EntityTable<T> of the query's [QuerySet] record type.")]
    public void AMethodThatCannotReachTheQuerysSet_IsBdq1002(string declaration, string message)
    {
        var source = """
            using System.Collections.Generic;
            using BorderDomain.Query;
            using BorderDomain.Storage;

            namespace Consumer;

            public sealed record Unlisted(string Id);

            public static partial class Wrong
            {
            """ + "\n    " + declaration + "\n}\n";

        var (_, diagnostics, _) = GeneratorHarness.Run(Records, source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ1002", diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage());
    }

    [Fact]
    public void AWrongFieldOfTheConsumersRecord_IsReportedAtItsColumn()
    {
        const string source = """
            using System.Collections.Generic;
            using BorderDomain.Query;
            using BorderDomain.Storage;

            namespace Consumer;

            public static partial class Typo
            {
                [BdqQuery("crossings where peple > 10")]
                public static partial IReadOnlyList<Crossing> Find(EntityTable<Crossing> crossings);
            }
            """;

        var (_, diagnostics, _) = GeneratorHarness.Run(Records, source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ0102", diagnostic.Id);
        Assert.Contains("did you mean 'people'", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("Queries1.cs", span.Path);
        Assert.Equal((9, 32), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Equal(5, diagnostic.Location.SourceSpan.Length);
    }

    private const string UnsupportedRecord = """
        using System;
        using System.Collections.Generic;
        using BorderDomain.Schema;

        namespace Consumer;

        [QuerySet("shifts")]
        public sealed record Shift
        {
            [Indexed(IndexKind.Key)] public required string Id { get; init; }
            public TimeSpan Started { get; init; }
            public Dictionary<string, int> Crew { get; init; } = [];
        }

        public static class ShiftSchema
        {
            public static EntitySetSchema Registered() => QuerySets.For<Shift>().Schema;
        }
        """;

    private const string Supported = "string, Guid, bool, int, long, decimal, double, an enum, NationCode, PartialDate, Period, DateOnly, DateTime, DateTimeOffset or Unit, each also nullable or as T[], List<T>, IReadOnlyList<T> or ImmutableArray<T>";

    [Fact]
    public void UnsupportedPropertyTypes_AreWarningBdq1010OnTheProperty_AndSkippedByTheGeneratorAndTheRunTimeAlike()
    {
        var (output, diagnostics, _) = GeneratorHarness.RunWithoutException([], UnsupportedRecord);

        Assert.Equal(
            [
                ("BDQ1010", DiagnosticSeverity.Warning, $"Property 'Started' has type System.TimeSpan, which queries do not support, so set 'shifts' has no field for it; supported: {Supported}. Mark it [QueryField(Ignore = true)] to leave it out without this warning.", "Started"),
                ("BDQ1010", DiagnosticSeverity.Warning, $"Property 'Crew' has type System.Collections.Generic.Dictionary<System.String, System.Int32>, which queries do not support, so set 'shifts' has no field for it; supported: {Supported}. Mark it [QueryField(Ignore = true)] to leave it out without this warning.", "Crew"),
            ],
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => (d.Id, d.Severity, d.GetMessage(), UnsupportedRecord.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length))));
        var assembly = GeneratorHarness.Load(output);
        var registered = (EntitySetSchema)assembly.GetType("Consumer.ShiftSchema", throwOnError: true)!.GetMethod("Registered")!.Invoke(null, null)!;
        var read = typeof(QuerySetReflector).GetMethod("Read", BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(assembly.GetType("Consumer.Shift", throwOnError: true)!);
        var metadata = read.Invoke(null, null)!;
        var reflected = (EntitySetSchema)metadata.GetType().GetProperty("Schema")!.GetValue(metadata)!;

        Assert.Equal(["id"], registered.Fields.Select(f => f.Name));
        Assert.Equal(
            [new SkippedProperty { Name = "started", PropertyName = "Started", TypeName = "System.TimeSpan" }, new SkippedProperty { Name = "crew", PropertyName = "Crew", TypeName = "System.Collections.Generic.Dictionary<System.String, System.Int32>" }],
            registered.SkippedProperties);
        Assert.Equal(reflected, registered);
    }

    [Fact]
    public void QueryOnAPropertyOfAnUnsupportedType_IsBdq0102SayingTheTypeIsNotSupported()
    {
        const string source = """
            using System.Collections.Generic;
            using BorderDomain.Query;
            using BorderDomain.Storage;

            namespace Consumer;

            public static partial class ShiftQueries
            {
                [BdqQuery("shifts where started >= 2020")]
                public static partial IReadOnlyList<Shift> Since(EntityTable<Shift> shifts);
            }
            """;

        var (_, diagnostics, _) = GeneratorHarness.RunWithoutException([], UnsupportedRecord, source);

        var diagnostic = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("BDQ0102", diagnostic.Id);
        Assert.Equal($"Unknown field 'started' on shifts: property 'Started' has type System.TimeSpan, which queries do not support; supported: {Supported}.", diagnostic.GetMessage());
        Assert.Equal("Queries1.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(source.IndexOf("started", System.StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Equal(7, diagnostic.Location.SourceSpan.Length);
    }
}
