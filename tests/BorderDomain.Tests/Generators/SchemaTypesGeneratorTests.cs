using System.Linq;
using System.Reflection;
using BorderDomain.Schema;
using Xunit;

namespace BorderDomain.Tests.Generators;

/// <summary>
/// The generator's schema reader accepts the types users already have — <c>T[]</c>, <c>List&lt;T&gt;</c>,
/// <c>IReadOnlyList&lt;T&gt;</c>, <c>DateOnly</c>, <c>DateTime</c>, <c>DateTimeOffset</c>, <c>Guid</c> — by the same rule
/// as the run-time reader (<see cref="SchemaConventions"/>), and queries generated over them answer as the run-time engine.
/// </summary>
public sealed class SchemaTypesGeneratorTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using BorderDomain.Model;
        using BorderDomain.Query;
        using BorderDomain.Schema;
        using BorderDomain.Storage;

        namespace Consumer;

        [QuerySet("checks")]
        public sealed class Check
        {
            [Indexed(IndexKind.Key)] public Guid Id { get; set; }
            [Indexed] public List<string> Tags { get; set; } = [];
            public string[] Codes { get; set; } = [];
            public IReadOnlyList<NationCode> Nations { get; set; } = [];
            [Indexed] public DateOnly Day { get; set; }
            public DateTime? Seen { get; set; }
            public DateTimeOffset Logged { get; set; }
        }

        public static partial class CheckQueries
        {
            [BdqQuery("checks where tags has \"FUEL\" and day >= 2024-03 order by day desc")]
            public static partial IReadOnlyList<Check> Fuel(EntityTable<Check> checks);

            [BdqQuery("checks where nations has any (PER, ECU) and codes has \"ab\" and seen = 2024-05-01")]
            public static partial IReadOnlyList<Check> Seen(EntityTable<Check> checks);

            [BdqQuery("checks where logged < 2024-07 order by logged, id")]
            public static partial IReadOnlyList<Check> Logged(EntityTable<Check> checks);

            [BdqQuery("checks where id = \"00000000-0000-0000-0000-00000000000A\"")]
            public static partial IReadOnlyList<Check> ById(EntityTable<Check> checks);
        }

        public static class Demo
        {
            public static EntitySetSchema Registered() => QuerySets.For<Check>().Schema;

            public static string[] Run()
            {
                Guid Id(int i) => new($"00000000-0000-0000-0000-{i:X12}");
                var checks = new EntityTable<Check>(QuerySets.For<Check>(),
                [
                    new() { Id = Id(3), Tags = ["Fuel"], Codes = ["AB"], Nations = [NationCode.Peru], Day = new(2024, 4, 2), Seen = new DateTime(2024, 5, 1, 23, 59, 0), Logged = new DateTimeOffset(2024, 6, 30, 22, 0, 0, TimeSpan.FromHours(-5)) },
                    new() { Id = Id(10), Tags = ["fuel", "gold"], Day = new(2024, 2, 1), Logged = new DateTimeOffset(2024, 7, 1, 1, 0, 0, TimeSpan.FromHours(3)) },
                    new() { Id = Id(1), Tags = ["FUÉL"], Codes = ["ab"], Nations = [NationCode.Ecuador], Day = new(2024, 9, 9), Seen = new DateTime(2024, 5, 1), Logged = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero) },
                ]);
                var store = new QueryStore(checks);
                string Ids(IEnumerable<object> records) => string.Join(",", records.Select(r => ((Check)r).Id.ToString()[^2..]));
                return
                [
                    Ids(CheckQueries.Fuel(checks)) + " | " + Ids(Bdq.Execute(store, "checks where tags has \"FUEL\" and day >= 2024-03 order by day desc").Records),
                    Ids(CheckQueries.Seen(checks)) + " | " + Ids(Bdq.Execute(store, "checks where nations has any (PER, ECU) and codes has \"ab\" and seen = 2024-05-01").Records),
                    Ids(CheckQueries.Logged(checks)) + " | " + Ids(Bdq.Execute(store, "checks where logged < 2024-07 order by logged, id").Records),
                    Ids(CheckQueries.ById(checks)) + " | " + Ids(Bdq.Execute(store, "checks where id = \"00000000-0000-0000-0000-00000000000A\"").Records),
                ];
            }
        }
        """;

    [Fact]
    public void UsersOwnTypes_AreFieldsForTheGeneratorAsAtRunTime_AndGeneratedQueriesAgree()
    {
        var (output, diagnostics) = GeneratorHarness.RunWithFiles([], Source);

        Assert.Empty(diagnostics);
        var assembly = GeneratorHarness.Load(output);
        var demo = assembly.GetType("Consumer.Demo", throwOnError: true)!;
        var registered = (EntitySetSchema)demo.GetMethod("Registered")!.Invoke(null, null)!;
        var read = typeof(QuerySetReflector).GetMethod("Read", BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(assembly.GetType("Consumer.Check", throwOnError: true)!);
        var metadata = read.Invoke(null, null)!;
        var reflected = (EntitySetSchema)metadata.GetType().GetProperty("Schema")!.GetValue(metadata)!;

        Assert.Equal(reflected, registered);
        Assert.Empty(registered.SkippedProperties);
        Assert.Equal(
            [("id", FieldKind.String, false), ("tags", FieldKind.String, true), ("codes", FieldKind.String, true), ("nations", FieldKind.Nation, true),
             ("day", FieldKind.Date, false), ("seen", FieldKind.Date, false), ("logged", FieldKind.Date, false)],
            registered.Fields.Select(f => (f.Name, f.Kind, f.IsCollection)));

        // Keys order by their text (the Guid's D form); the DateTimeOffset compares by its UTC date (check 03 is logged
        // 2024-07-01 in UTC, check 10 on 2024-06-30); the DateTime by its calendar date whatever the time.
        Assert.Equal(["01,03 | 01,03", "01,03 | 01,03", "01,0a | 01,0a", "0a | 0a"], (string[])demo.GetMethod("Run")!.Invoke(null, null)!);
    }
}
