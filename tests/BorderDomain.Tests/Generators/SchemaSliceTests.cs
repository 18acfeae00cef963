extern alias generator;

using System.Collections.Generic;
using System.Linq;
using BorderDomain.Tests.Query;
using BorderDomain.Tests.Query.Semantics;
using Xunit;
using G = generator::BorderDomain.Generators;
using QueryBinder = generator::BorderDomain.Query.Semantics.QueryBinder;
using QueryParser = generator::BorderDomain.Query.Syntax.QueryParser;
using QuerySchema = generator::BorderDomain.Schema.QuerySchema;

namespace BorderDomain.Tests.Generators;

/// <summary>
/// The generator binds each query against the slice of the schema it reads, so an edit to another record type leaves it
/// cached. That is only right if binding against the slice gives exactly what binding against the whole schema gives.
/// </summary>
public sealed class SchemaSliceTests
{
    private static readonly QuerySchema Schema = G.SchemaReader.Read(GeneratorHarness.Compilation(ConsumerSources.Records), default).Schema;

    public static TheoryData<string> Queries()
    {
        var data = new TheoryData<string>();
        foreach (var query in QueryCorpus.RecordQueries.Concat(QueryCorpus.CountQueries).Concat(QueryCorpus.RowQueries)
            .Concat(DiagnosticTests.Cases.Select(c => c.Query)).Concat(OwnRecordQueries).Distinct())
        {
            data.Add(query);
        }

        return data;
    }

    private static readonly string[] OwnRecordQueries =
    [
        "crossings where station.nation = PER order by people desc",
        "crossings where station.nme = \"x\"",
        "crossings where mode.name = \"x\"",
        "crossings where station.nation.region = \"x\"",
        "crossings group by station.nation sum(people)",
        "crossings where not (station.name contains \"a\" or mode = Road) order by station.name",
        "crosings count",
        "stations where lanes > 2 select name, nation.region",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public void BindingAgainstTheSlice_GivesWhatTheWholeSchemaGives(string query)
    {
        var syntax = QueryParser.Parse(query).Query;
        if (syntax is null)
        {
            Assert.Empty(G.SchemaSlice.For(syntax, Schema).Sets);
            return;
        }

        var whole = QueryBinder.Bind(syntax, Schema);
        var slice = QueryBinder.Bind(syntax, G.SchemaSlice.For(syntax, Schema));

        Assert.Equal(whole.Query, slice.Query);
        Assert.Equal(whole.Diagnostics, slice.Diagnostics);
    }

    [Theory]
    [InlineData("crossings where mode = Road count", "crossings")]
    [InlineData("crossings where station.nation = PER", "crossings, stations")]
    [InlineData("crossings order by station.name", "crossings, stations")]
    [InlineData("stations where nation = ECU", "stations")]
    [InlineData("agencies where nation.region = \"South America\" count", "agencies, nations")]
    [InlineData("crossings where station.nme = \"x\" or station.nation = PER", "crossings, stations")]
    [InlineData("crossings where mode.name = \"x\"", "crossings")]
    public void Slice_HoldsTheNamedSetAndTheSetsItsPathsReach(string query, string sets)
    {
        var slice = G.SchemaSlice.For(QueryParser.Parse(query).Query, Schema);

        Assert.Equal(sets, string.Join(", ", slice.Sets.Select(s => s.Name)));
    }

    [Fact]
    public void Slice_OfAQueryOnAnUnknownSet_IsTheWholeSchema_ForItsDiagnosticNamesThemAll()
    {
        var syntax = QueryParser.Parse("crosings count").Query;

        Assert.Same(Schema, G.SchemaSlice.For(syntax, Schema));
        Assert.Contains("did you mean 'crossings'", Assert.Single(QueryBinder.Bind(syntax!, Schema).Diagnostics).Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_HoldsTheLibrarysSetsAndTheConsumers()
    {
        Assert.Superset(new HashSet<string> { "accords", "agencies", "crossings", "nations", "stations", "statistics" }, Schema.Sets.Select(s => s.Name).ToHashSet());
    }
}
