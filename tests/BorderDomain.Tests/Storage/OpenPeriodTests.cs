using System;
using System.Linq;
using BorderDomain.CompilerServices;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Storage;

/// <summary>
/// Open-ended periods as intervals: an open start is before every day, an open end after every day, so an open period
/// is only "no later than" or "no earlier than" its one date — in the day numbers, the date index, the typed test
/// generated code calls, the executor and the IQueryable path.
/// </summary>
public sealed class OpenPeriodTests
{
    private static readonly string[] Periods = ["..2012-01-26", "2022-10..", "2012-01", "2011..2013", "..2030", "2012.."];

    [Fact]
    public void TryGetDays_OpenStart_IsTheDayBeforeEveryDate()
    {
        Assert.True(DateIndex.TryGetDays(Period.Parse("..2012-01-26"), out var start, out var end));
        Assert.Equal(-1, start);
        Assert.True(start < new DateOnly(1, 1, 1).DayNumber);
        Assert.Equal(new DateOnly(2012, 1, 26).DayNumber, end);
    }

    [Fact]
    public void TryGetDays_OpenEnd_IsAfterEveryDate()
    {
        Assert.True(DateIndex.TryGetDays((object)Period.Parse("2022-10.."), out var start, out var end));
        Assert.Equal(new DateOnly(2022, 10, 1).DayNumber, start);
        Assert.Equal(int.MaxValue, end);
        Assert.True(end > new DateOnly(9999, 12, 31).DayNumber);
    }

    [Fact]
    public void TryGetDays_Default_IsFalse()
    {
        Assert.False(DateIndex.TryGetDays(default(Period), out _, out _));
    }

    [Fact]
    public void DateIndex_OpenPeriods_RangesFindThemByTheirOneSide()
    {
        var table = new EntityTable<Statistic>(QuerySets.For<Statistic>(), [.. Periods.Select((p, i) => Statistic($"s-{i}", p))]);
        var index = table.GetDateIndex(table.Schema.IndexOfField("period"))!;
        string Ids(ReadOnlySpan<int> rows) => string.Join(",", rows.ToArray().Select(r => table.Rows[r].Id).Order(StringComparer.Ordinal));

        // Ends on or before 2012-01-31: the open start ending 2012-01-26 and January 2012 itself.
        Assert.Equal("s-0,s-2", Ids(index.ByEnd.RowsInRange(null, new KeyBound<int>(new DateOnly(2012, 1, 31).DayNumber, true))));

        // Starts on or after 2012-01-01: every period with a start from 2012 (no open start).
        Assert.Equal("s-1,s-2,s-5", Ids(index.ByStart.RowsInRange(new KeyBound<int>(new DateOnly(2012, 1, 1).DayNumber, true), null)));

        // Every end up to the last day a date can name: all but the open ends.
        Assert.Equal("s-0,s-2,s-3,s-4", Ids(index.ByEnd.RowsInRange(null, new KeyBound<int>(new DateOnly(9999, 12, 31).DayNumber, true))));

        // Every start from the first day a date can name: all but the open starts.
        Assert.Equal("s-1,s-2,s-3,s-5", Ids(index.ByStart.RowsInRange(new KeyBound<int>(0, true), null)));
    }

    [Theory]
    [InlineData("..2012-01-26", "=", "2012-01", false)] // not certainly inside January
    [InlineData("..2012-01-26", "<=", "2012-01-26", true)]
    [InlineData("..2012-01-26", "<=", "2012-01-25", false)]
    [InlineData("..2012-01-26", ">=", "2012", false)]
    [InlineData("..2012-01-26", ">", "1990", false)]
    [InlineData("..2012-01-26", "<", "2012-02", true)]
    [InlineData("..2012-01-26", "<", "2012-01", false)]
    [InlineData("2022-10..", ">=", "2022", true)]
    [InlineData("2022-10..", ">=", "2022-11", false)]
    [InlineData("2022-10..", ">", "2022-09", true)]
    [InlineData("2022-10..", "=", "2022", false)]
    [InlineData("2022-10..", "<=", "9999", false)]
    [InlineData("2022-10..", "<", "9999", false)]
    public void TypedDateTest_OpenPeriods_MeanNoLaterOrNoEarlier(string period, string op, string literal, bool expected)
    {
        var value = Period.Parse(period);
        var date = PartialDate.Parse(literal);
        var predicate = op switch
        {
            "=" => PredicateOperator.Equal,
            "<" => PredicateOperator.Less,
            "<=" => PredicateOperator.LessOrEqual,
            ">" => PredicateOperator.Greater,
            _ => PredicateOperator.GreaterOrEqual,
        };

        Assert.Equal(expected, TypedSemantics.DateTest(value, predicate, date));
    }

    [Theory]
    [InlineData("statistics where period = 2012-01 order by id", "s-2")]
    [InlineData("statistics where period <= 2012-01-26 order by id", "s-0")]
    [InlineData("statistics where period < 2012-02 order by id", "s-0,s-2")]
    [InlineData("statistics where period >= 2012 order by id", "s-1,s-2,s-5")]
    [InlineData("statistics where period > 2012 order by id", "s-1")]
    [InlineData("statistics where period between 2011 and 2013 order by id", "s-2,s-3")]
    [InlineData("statistics where period != 2012 order by id", "s-0,s-1,s-3,s-4,s-5")]
    [InlineData("statistics order by period, id", "s-0,s-4,s-3,s-2,s-5,s-1")]
    [InlineData("statistics order by period desc, id", "s-1,s-2,s-5,s-3,s-0,s-4")]
    public void Queries_OpenPeriods_ExecutorAndQueryableAgree(string query, string expected)
    {
        var builder = new BorderStoreBuilder();
        builder.Sources.Add(new Source { Id = "src", Kind = SourceKind.NewsSite });
        builder.Statistics.AddRange(Periods.Select((p, i) => Statistic($"s-{i}", p)));
        var store = builder.Build();

        var executed = Bdq.Execute(store, query).Records.Cast<Statistic>().Select(s => s.Id);
        var queried = BdqQueryable.Apply(store.Statistics.AsQueryable(), query, store: store).AsEnumerable().Select(s => s.Id);

        Assert.Equal(expected, string.Join(",", executed));
        Assert.Equal(expected, string.Join(",", queried));
    }

    private static Statistic Statistic(string id, string period) => new()
    {
        Id = id,
        Metric = Metric.IllegalCrossings,
        Value = 1m,
        Unit = Unit.Parse("people"),
        Period = Period.Parse(period),
        Source = "src",
    };
}
