using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Schema;

/// <summary>A user's record with properties of types queries do not support: a duration and a crew map.</summary>
[QuerySet("shifts")]
public sealed record Shift
{
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    public TimeSpan Started { get; init; }

    public Dictionary<string, int> Crew { get; init; } = [];
}

/// <summary>Reading a record type's schema at run time by reflection.</summary>
public sealed class QuerySetsTests
{
    private const string Supported = "string, Guid, bool, int, long, decimal, double, an enum, NationCode, PartialDate, Period, DateOnly, DateTime, DateTimeOffset or Unit, each also nullable or as T[], List<T>, IReadOnlyList<T> or ImmutableArray<T>";

    [Fact]
    public void For_PropertiesOfUnsupportedTypes_AreSkippedAndListed_NotThrown()
    {
        var schema = QuerySets.For<Shift>().Schema;

        Assert.Equal(["id"], schema.Fields.Select(f => f.Name));
        Assert.Equal(
            [new SkippedProperty { Name = "started", PropertyName = "Started", TypeName = "System.TimeSpan" }, new SkippedProperty { Name = "crew", PropertyName = "Crew", TypeName = "System.Collections.Generic.Dictionary<System.String, System.Int32>" }],
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
        Assert.Equal($"Unknown field 'started' on shifts: property 'Started' has type System.TimeSpan, which queries do not support; supported: {Supported}.", diagnostic.Message);
        Assert.Equal((13, 7, 1, 14), (diagnostic.Span.Start, diagnostic.Span.Length, diagnostic.Span.Line, diagnostic.Span.Column));
    }
}
