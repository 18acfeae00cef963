using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Query;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Schema;

/// <summary>A user's record with properties of types queries do not support: a start day and a crew list.</summary>
[QuerySet("shifts")]
public sealed record Shift
{
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    public DateOnly Started { get; init; }

    public List<string> Crew { get; init; } = [];
}

/// <summary>Reading a record type's schema at run time by reflection.</summary>
public sealed class QuerySetsTests
{
    private const string Supported = "string, bool, int, long, decimal, double, an enum, NationCode, PartialDate, Period or Unit, each also nullable or as ImmutableArray<T>";

    [Fact]
    public void For_PropertiesOfUnsupportedTypes_AreSkippedAndListed_NotThrown()
    {
        var schema = QuerySets.For<Shift>().Schema;

        Assert.Equal(["id"], schema.Fields.Select(f => f.Name));
        Assert.Equal(
            [new SkippedProperty { Name = "started", PropertyName = "Started", TypeName = "System.DateOnly" }, new SkippedProperty { Name = "crew", PropertyName = "Crew", TypeName = "System.Collections.Generic.List<System.String>" }],
            schema.SkippedProperties);
    }

    [Fact]
    public void TryExecute_QueryOnASkippedProperty_IsBdq0102SayingItsTypeIsNotSupported()
    {
        var store = new QueryStore(new EntityTable<Shift>(QuerySets.For<Shift>(), [new Shift { Id = "s-1" }]));

        var ok = Bdq.TryExecute(store, "shifts where started >= 2020", out _, out var diagnostics);

        Assert.False(ok);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(BdqDiagnostics.UnknownField, diagnostic.Code);
        Assert.Equal($"Unknown field 'started' on shifts: property 'Started' has type System.DateOnly, which queries do not support; supported: {Supported}.", diagnostic.Message);
        Assert.Equal((13, 7, 1, 14), (diagnostic.Span.Start, diagnostic.Span.Length, diagnostic.Span.Line, diagnostic.Span.Column));
    }
}
