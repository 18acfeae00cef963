using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Model;
using Xunit;

namespace BorderDomain.Tests.Model;

public sealed class PartialDateTests
{
    [Fact]
    public void Parse_Year_IsKnownToTheYearAndCoversTheWholeYear()
    {
        var date = PartialDate.Parse("2013");

        Assert.Equal(2013, date.Year);
        Assert.Null(date.Month);
        Assert.Null(date.Day);
        Assert.Equal(PartialDatePrecision.Year, date.Precision);
        Assert.Equal(new DateOnly(2013, 1, 1), date.Start);
        Assert.Equal(new DateOnly(2013, 12, 31), date.End);
        Assert.False(date.IsDefault);
    }

    [Fact]
    public void Parse_YearMonth_IsKnownToTheMonthAndCoversTheWholeMonth()
    {
        var date = PartialDate.Parse("2013-11");

        Assert.Equal(2013, date.Year);
        Assert.Equal(11, date.Month);
        Assert.Null(date.Day);
        Assert.Equal(PartialDatePrecision.Month, date.Precision);
        Assert.Equal(new DateOnly(2013, 11, 1), date.Start);
        Assert.Equal(new DateOnly(2013, 11, 30), date.End);
    }

    [Fact]
    public void Parse_FullDate_IsKnownToTheDayAndCoversOneDay()
    {
        var date = PartialDate.Parse("2013-11-14");

        Assert.Equal(2013, date.Year);
        Assert.Equal(11, date.Month);
        Assert.Equal(14, date.Day);
        Assert.Equal(PartialDatePrecision.Day, date.Precision);
        Assert.Equal(new DateOnly(2013, 11, 14), date.Start);
        Assert.Equal(date.Start, date.End);
        Assert.Equal(date.Start.DayNumber, date.StartDayNumber);
        Assert.Equal(date.End.DayNumber, date.EndDayNumber);
    }

    [Theory]
    [InlineData("2024-02", 29)]
    [InlineData("2023-02", 28)]
    [InlineData("2000-02", 29)]
    [InlineData("1900-02", 28)]
    [InlineData("2025-04", 30)]
    [InlineData("2025-12", 31)]
    public void End_MonthPrecision_IsTheLastDayOfThatMonthIncludingLeapYears(string text, int lastDay)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(lastDay, date.End.Day);
        Assert.Equal(date.Start.Month, date.End.Month);
        Assert.Equal(date.Start.AddDays(lastDay - 1), date.End);
    }

    [Fact]
    public void Parse_February29_IsAcceptedOnlyInLeapYears()
    {
        Assert.True(PartialDate.TryParse("2024-02-29", out var leap));
        Assert.Equal(new DateOnly(2024, 2, 29), leap.Start);
        Assert.True(PartialDate.TryParse("2000-02-29", out _));
        Assert.False(PartialDate.TryParse("2023-02-29", out _));
        Assert.False(PartialDate.TryParse("1900-02-29", out _));
    }

    [Theory]
    [InlineData("2013-13")]
    [InlineData("2013-00")]
    [InlineData("2013-02-30")]
    [InlineData("2013-11-31")]
    [InlineData("2013-11-00")]
    [InlineData("13")]
    [InlineData("2013-1")]
    [InlineData("2013-11-1")]
    [InlineData("abcd")]
    [InlineData("0000")]
    [InlineData("0000-01-01")]
    [InlineData("")]
    [InlineData(" 2013")]
    [InlineData("2013 ")]
    [InlineData("2013/11")]
    [InlineData("2013-11/14")]
    [InlineData("10000")]
    [InlineData("-201")]
    [InlineData("+201")]
    [InlineData("201a")]
    [InlineData("2013-1a")]
    [InlineData("\uFF12\uFF10\uFF11\uFF13")]
    [InlineData("2013-11-14T00")]
    public void TryParse_NotAPartialDate_ReturnsFalseAndParseThrowsFormatException(string text)
    {
        Assert.False(PartialDate.TryParse(text, out var date));
        Assert.True(date.IsDefault);
        Assert.False(PartialDate.TryParse(text.AsSpan(), out _));
        Assert.Throws<FormatException>(() => PartialDate.Parse(text));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalseAndParseThrowsArgumentNullException()
    {
        Assert.False(PartialDate.TryParse((string?)null, out var date));
        Assert.True(date.IsDefault);
        Assert.Throws<ArgumentNullException>(() => PartialDate.Parse(null!));
    }

    [Fact]
    public void TryParse_Span_AgreesWithStringOverload()
    {
        Assert.True(PartialDate.TryParse("xx2013-11xx".AsSpan(2, 7), out var date));
        Assert.Equal(PartialDate.Parse("2013-11"), date);
    }

    [Fact]
    public void Factories_ValidParts_EqualTheParsedDate()
    {
        Assert.Equal(PartialDate.Parse("2013"), PartialDate.FromYear(2013));
        Assert.Equal(PartialDate.Parse("2013-11"), PartialDate.FromYearMonth(2013, 11));
        Assert.Equal(PartialDate.Parse("2013-11-14"), PartialDate.FromDate(2013, 11, 14));
        Assert.Equal(PartialDate.Parse("2013-11-14"), PartialDate.FromDate(new DateOnly(2013, 11, 14)));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(10000, 0, 0)]
    [InlineData(2013, 13, 0)]
    [InlineData(2013, 0, 14)]
    [InlineData(2013, 2, 29)]
    [InlineData(2013, 4, 31)]
    [InlineData(-1, 1, 1)]
    public void Factories_OutOfRangeParts_ThrowArgumentOutOfRangeException(int year, int month, int day)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            day != 0 ? PartialDate.FromDate(year, month, day)
            : month != 0 ? PartialDate.FromYearMonth(year, month)
            : PartialDate.FromYear(year));
    }

    [Fact]
    public void CompareTo_SameStart_OrdersCoarserPrecisionFirst()
    {
        var year = PartialDate.Parse("2013");
        var month = PartialDate.Parse("2013-01");
        var day = PartialDate.Parse("2013-01-01");

        Assert.True(year < month);
        Assert.True(month < day);
        Assert.True(year < day);
        Assert.True(day > year);
        Assert.True(year <= month && month >= year);
        Assert.NotEqual(year, month);
        Assert.Equal(year.Start, day.Start);
    }

    [Fact]
    public void CompareTo_DifferentStarts_OrdersByStartRegardlessOfPrecision()
    {
        string[] shuffled = ["2014", "2013-12-31", "2013-02", "2013", "2013-01-02", "2012-12", "2013-01-01", "2013-01"];
        string[] expected = ["2012-12", "2013", "2013-01", "2013-01-01", "2013-01-02", "2013-02", "2013-12-31", "2014"];

        var sorted = shuffled.Select(PartialDate.Parse).Order().Select(d => d.ToString()).ToArray();

        Assert.Equal(expected, sorted);
    }

    [Fact]
    public void CompareTo_Object_NullIsSmallerAndOtherTypesThrow()
    {
        var date = PartialDate.Parse("2013");

        Assert.Equal(1, date.CompareTo(null));
        Assert.Equal(0, date.CompareTo((object)PartialDate.Parse("2013")));
        Assert.Throws<ArgumentException>(() => date.CompareTo("2013"));
    }

    [Theory]
    [InlineData("2013-11", "2013", true)]
    [InlineData("2013-11-14", "2013-11", true)]
    [InlineData("2013-11-14", "2013", true)]
    [InlineData("2013", "2013", true)]
    [InlineData("2013-11-14", "2013-11-14", true)]
    [InlineData("2013", "2013-11", false)]
    [InlineData("2013-11", "2013-11-14", false)]
    [InlineData("2013-12-01", "2013-11", false)]
    [InlineData("2014-01", "2013", false)]
    [InlineData("2012-12-31", "2013", false)]
    public void FallsWithin_Interval_IsTrueOnlyWhenWhollyInside(string inner, string outer, bool expected)
    {
        Assert.Equal(expected, PartialDate.Parse(inner).FallsWithin(PartialDate.Parse(outer)));
    }

    [Theory]
    [InlineData("2013")]
    [InlineData("2013-11")]
    [InlineData("2013-11-14")]
    [InlineData("0001")]
    [InlineData("0099-03-05")]
    [InlineData("9999-12-31")]
    public void ToString_ValidDate_RoundTripsThroughParse(string text)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(text, date.ToString());
        Assert.Equal(date, PartialDate.Parse(date.ToString()));
    }

    [Fact]
    public void Default_IsDefault_AndEveryParsedDateIsNot()
    {
        var none = default(PartialDate);

        Assert.True(none.IsDefault);
        Assert.Equal("(none)", none.ToString());
        Assert.False(PartialDate.FromYear(1).IsDefault);
        Assert.False(PartialDate.Parse("0001-01-01").IsDefault);
        Assert.NotEqual(none, PartialDate.FromYear(1));
    }

    [Fact]
    public void Equals_SameText_IsEqualWithEqualHashCodes()
    {
        var a = PartialDate.Parse("2013-11");
        var b = PartialDate.FromYearMonth(2013, 11);

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals((object)"2013-11"));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [BdqProperty(MaxTest = 500)]
    public bool Parse_AnyValidYearMonthDay_RoundTripsAndStartIsNotAfterEnd(AnyPartialDate input)
    {
        var date = input.Date;
        return PartialDate.Parse(date.ToString()) == date
            && date.Start <= date.End
            && date.Start.Year == date.Year
            && date.End.Year == date.Year
            && (date.Month is not { } month || (date.Start.Month == month && date.End.Month == month))
            && (date.Day is not { } day || date.Start == date.End && date.Start.Day == day);
    }

    [BdqProperty(MaxTest = 500)]
    public bool CompareTo_AnyTwoDates_AgreesWithStartThenPrecisionAndWithEquality(NearbyPartialDates pair)
    {
        var (a, b) = pair;
        var expected = a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Precision.CompareTo(b.Precision);
        return Math.Sign(a.CompareTo(b)) == Math.Sign(expected)
            && (a.CompareTo(b) == 0) == (a == b)
            && Math.Sign(a.CompareTo(b)) == -Math.Sign(b.CompareTo(a));
    }

    [Fact]
    public void StartDayNumber_FirstDayOfEra_IsZero()
    {
        Assert.Equal(0, PartialDate.Parse("0001").StartDayNumber);
        Assert.Equal(364, PartialDate.Parse("0001").EndDayNumber);
        Assert.Equal(new DateOnly(9999, 12, 31).DayNumber, PartialDate.Parse("9999").EndDayNumber);
    }

    [Fact]
    public void Sort_ListOfDates_IsTotalAndStable()
    {
        var dates = new List<PartialDate>
        {
            PartialDate.Parse("2013-11-14"), PartialDate.Parse("2013"), PartialDate.Parse("2013-11"), PartialDate.Parse("2013-11-14"),
        };

        dates.Sort();

        Assert.Equal(["2013", "2013-11", "2013-11-14", "2013-11-14"], dates.Select(d => d.ToString()));
    }
}
