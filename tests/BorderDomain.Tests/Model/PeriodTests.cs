using System;
using System.Linq;
using BorderDomain.Model;
using Xunit;

namespace BorderDomain.Tests.Model;

public sealed class PeriodTests
{
    [Fact]
    public void OpenPeriods_MissingSide_ReadsAsDateOnlyMinValue_SoEveryPropertyCanBeRead()
    {
        // A formatter or serializer reads every property of a record (the notebook's #!share does): an open side must
        // not throw from Start or End.
        var before = Period.Parse("..2025-12-12");
        Assert.False(before.HasStart);
        Assert.Equal(DateOnly.MinValue, before.From.Start);
        Assert.Equal(DateOnly.MinValue, before.From.End);
        Assert.Equal((-1, -1), (before.From.StartDayNumber, before.From.EndDayNumber));
        Assert.Equal(new DateOnly(2025, 12, 12), before.To.Start);
        var after = Period.Parse("2022-10..");
        Assert.Equal(DateOnly.MinValue, after.To.End);
        Assert.Equal(new DateOnly(2022, 10, 31), after.From.End);
    }

    [Fact]
    public void Parse_MonthRange_RunsFromTheFirstMonthsStartToTheLastMonthsEnd()
    {
        var period = Period.Parse("2025-01..2025-10");

        Assert.Equal(PartialDate.Parse("2025-01"), period.From);
        Assert.Equal(PartialDate.Parse("2025-10"), period.To);
        Assert.False(period.IsSingle);
        Assert.False(period.IsDefault);
        Assert.Equal(new DateOnly(2025, 1, 1), period.From.Start);
        Assert.Equal(new DateOnly(2025, 10, 31), period.To.End);
        Assert.Equal("2025-01..2025-10", period.ToString());
    }

    [Fact]
    public void Parse_SingleDate_IsSingleWithEqualEnds()
    {
        var period = Period.Parse("2024");

        Assert.True(period.IsSingle);
        Assert.Equal(PartialDate.Parse("2024"), period.From);
        Assert.Equal(period.From, period.To);
        Assert.Equal("2024", period.ToString());
        Assert.Equal(Period.Of(PartialDate.Parse("2024")), period);
    }

    [Fact]
    public void Parse_RangeOfOneDate_EqualsTheSingleDate()
    {
        var range = Period.Parse("2025-01..2025-01");

        Assert.True(range.IsSingle);
        Assert.Equal(Period.Parse("2025-01"), range);
        Assert.Equal("2025-01", range.ToString());
    }

    [Theory]
    [InlineData("2025-10..2025-01")]
    [InlineData("2025..2024")]
    [InlineData("2025-01-02..2025-01-01")]
    [InlineData("2025..2024-12-31")]
    public void TryParse_ReversedRange_IsRejected(string text)
    {
        Assert.False(Period.TryParse(text, out var period));
        Assert.True(period.IsDefault);
        Assert.Throws<FormatException>(() => Period.Parse(text));
    }

    [Fact]
    public void Between_ReversedRange_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Period.Between(PartialDate.Parse("2025-10"), PartialDate.Parse("2025-01")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData("...2025")]
    [InlineData("2025...")]
    [InlineData("..2025..")]
    [InlineData("..2025-13")]
    [InlineData("2025-02-30..")]
    [InlineData(" ..2025")]
    [InlineData("2025-01...2025-02")]
    [InlineData("2025-01 .. 2025-02")]
    [InlineData("2025-13..2026")]
    [InlineData("2025..2026..2027")]
    [InlineData("2025-02-30")]
    [InlineData("2025/2026")]
    public void TryParse_NotAPeriod_ReturnsFalseAndParseThrowsFormatException(string text)
    {
        Assert.False(Period.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Period.Parse(text));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalseAndParseThrowsArgumentNullException()
    {
        Assert.False(Period.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => Period.Parse(null!));
    }

    [Theory]
    [InlineData("2004..2012")]
    [InlineData("2025-01..2025-10")]
    [InlineData("2013-11-14..2013-11-30")]
    [InlineData("2024-12..2025")]
    [InlineData("2025-06")]
    [InlineData("..2025-12-12")]
    [InlineData("2022-10..")]
    [InlineData("..2012")]
    public void ToString_ValidPeriod_RoundTripsThroughParse(string text)
    {
        var period = Period.Parse(text);

        Assert.Equal(text, period.ToString());
        Assert.Equal(period, Period.Parse(period.ToString()));
    }

    [Fact]
    public void Between_ValidDates_EqualsTheParsedRange()
    {
        var period = Period.Between(PartialDate.Parse("2004"), PartialDate.Parse("2012"));

        Assert.Equal(Period.Parse("2004..2012"), period);
        Assert.Equal(Period.Parse("2004..2012").GetHashCode(), period.GetHashCode());
    }

    [Fact]
    public void OfAndBetween_DefaultDate_ThrowArgumentException()
    {
        var date = PartialDate.Parse("2024");

        Assert.Throws<ArgumentException>(() => Period.Of(default));
        Assert.Throws<ArgumentException>(() => Period.Between(default, date));
        Assert.Throws<ArgumentException>(() => Period.Between(date, default));
    }

    [Fact]
    public void Default_IsDefault()
    {
        Assert.True(default(Period).IsDefault);
        Assert.NotEqual(default, Period.Parse("2024"));
    }

    [Fact]
    public void CompareTo_Periods_OrdersByFromThenByTo()
    {
        string[] shuffled = ["2025-01..2025-10", "2024", "2024..2025", "2024-06", "2004..2012", "2025-01"];
        string[] expected = ["2004..2012", "2024", "2024..2025", "2024-06", "2025-01", "2025-01..2025-10"];

        var sorted = shuffled.Select(Period.Parse).Order().Select(p => p.ToString()).ToArray();

        Assert.Equal(expected, sorted);
        Assert.True(Period.Parse("2024") < Period.Parse("2024..2025"));
        Assert.True(Period.Parse("2025-01..2025-10") > Period.Parse("2025-01"));
        Assert.True(Period.Parse("2024") <= Period.Parse("2024") && Period.Parse("2024") >= Period.Parse("2024"));
    }

    [Fact]
    public void Equals_DifferentEnds_AreNotEqual()
    {
        Assert.True(Period.Parse("2025-01..2025-10") != Period.Parse("2025-01..2025-11"));
        Assert.False(Period.Parse("2025-01..2025-10").Equals((object)"2025-01..2025-10"));
        Assert.True(Period.Parse("2025-01..2025-10").Equals((object)Period.Parse("2025-01..2025-10")));
    }

    [Fact]
    public void Parse_OpenStart_HasOnlyAnEnd()
    {
        var period = Period.Parse("..2025-12-12");

        Assert.False(period.HasStart);
        Assert.True(period.HasEnd);
        Assert.True(period.From.IsDefault);
        Assert.Equal(PartialDate.Parse("2025-12-12"), period.To);
        Assert.False(period.IsSingle);
        Assert.False(period.IsDefault);
        Assert.Equal("..2025-12-12", period.ToString());
        Assert.Equal(Period.Before(PartialDate.Parse("2025-12-12")), period);
    }

    [Fact]
    public void Parse_OpenEnd_HasOnlyAStart()
    {
        var period = Period.Parse("2022-10..");

        Assert.True(period.HasStart);
        Assert.False(period.HasEnd);
        Assert.Equal(PartialDate.Parse("2022-10"), period.From);
        Assert.True(period.To.IsDefault);
        Assert.False(period.IsSingle);
        Assert.False(period.IsDefault);
        Assert.Equal("2022-10..", period.ToString());
        Assert.Equal(Period.After(PartialDate.Parse("2022-10")), period);
        Assert.Equal(Period.After(PartialDate.Parse("2022-10")).GetHashCode(), period.GetHashCode());
    }

    [Fact]
    public void ClosedPeriods_HaveBothSides()
    {
        Assert.True(Period.Parse("2024").HasStart && Period.Parse("2024").HasEnd);
        Assert.True(Period.Parse("2004..2012").HasStart && Period.Parse("2004..2012").HasEnd);
        Assert.False(default(Period).HasStart || default(Period).HasEnd);
    }

    [Fact]
    public void BeforeAndAfter_DefaultDate_ThrowArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Period.Before(default));
        Assert.Throws<ArgumentException>(() => Period.After(default));
    }

    [Fact]
    public void OpenPeriods_DifferFromTheClosedPeriodOfTheSameDate()
    {
        var date = PartialDate.Parse("2025");

        Assert.NotEqual(Period.Of(date), Period.Before(date));
        Assert.NotEqual(Period.Of(date), Period.After(date));
        Assert.NotEqual(Period.Before(date), Period.After(date));
        Assert.NotEqual(default, Period.Before(date));
        Assert.NotEqual(default, Period.After(date));
    }

    [Fact]
    public void CompareTo_OpenPeriods_OpenStartFirstAndOpenEndLastAmongEqualStarts()
    {
        string[] shuffled = ["2024..", "2024", "..2030", "2004..2012", "..2001", "2024..2025", "2004..", "2004"];
        string[] expected = ["..2001", "..2030", "2004", "2004..2012", "2004..", "2024", "2024..2025", "2024.."];

        var sorted = shuffled.Select(Period.Parse).Order().Select(p => p.ToString()).ToArray();

        Assert.Equal(expected, sorted);
        Assert.True(Period.Parse("..2030") < Period.Parse("1990"));
        Assert.True(Period.Parse("2024..") > Period.Parse("2024..2099"));
        Assert.Equal(0, Period.Parse("..2030").CompareTo(Period.Parse("..2030")));
        Assert.Equal(0, Period.Parse("2024..").CompareTo(Period.Parse("2024..")));
    }
}
