using System;
using System.Linq;
using BorderDomain.Model;
using Xunit;

namespace BorderDomain.Tests.Model;

public sealed class UnitTests
{
    [Theory]
    [InlineData("km", UnitKind.Length)]
    [InlineData("mi", UnitKind.Length)]
    [InlineData("people", UnitKind.Count)]
    [InlineData("items", UnitKind.Count)]
    [InlineData("cases", UnitKind.Count)]
    [InlineData("crossings", UnitKind.Count)]
    [InlineData("gal", UnitKind.Volume)]
    [InlineData("l", UnitKind.Volume)]
    [InlineData("%", UnitKind.Percent)]
    [InlineData("rank", UnitKind.Rank)]
    public void Parse_MeasurementUnit_HasItsKindAndIsNotACurrency(string code, UnitKind kind)
    {
        var unit = Unit.Parse(code);

        Assert.Equal(code, unit.Code);
        Assert.Equal(code, unit.ToString());
        Assert.Equal(kind, unit.Kind);
        Assert.False(unit.IsCurrency);
        Assert.False(Unit.IsCurrencyCode(code));
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("PEN")]
    [InlineData("EUR")]
    [InlineData("COP")]
    [InlineData("VES")]
    public void Parse_Iso4217Code_IsACurrency(string code)
    {
        Assert.True(Unit.TryParse(code, out var unit));

        Assert.Equal(code, unit.Code);
        Assert.Equal(UnitKind.Currency, unit.Kind);
        Assert.True(unit.IsCurrency);
        Assert.True(Unit.IsCurrencyCode(code));
    }

    [Theory]
    [InlineData("KM")]
    [InlineData("Km")]
    [InlineData("PEOPLE")]
    [InlineData("usd")]
    [InlineData("Usd")]
    [InlineData("XYZ")]
    [InlineData("dollars")]
    [InlineData("US$")]
    [InlineData("")]
    [InlineData(" km")]
    [InlineData("km ")]
    [InlineData("percent")]
    public void TryParse_UnknownOrWronglyCasedCode_ReturnsFalseAndParseThrowsFormatException(string code)
    {
        Assert.False(Unit.TryParse(code, out var unit));
        Assert.Equal(default, unit);
        Assert.Throws<FormatException>(() => Unit.Parse(code));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalseAndParseThrowsArgumentNullException()
    {
        Assert.False(Unit.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => Unit.Parse(null!));
    }

    [Fact]
    public void IsCurrencyCode_LowerCaseOrUnknown_IsFalse()
    {
        Assert.False(Unit.IsCurrencyCode("usd"));
        Assert.False(Unit.IsCurrencyCode("XYZ"));
        Assert.False(Unit.IsCurrencyCode("km"));
    }

    [Fact]
    public void Default_IsTheCountUnitItems()
    {
        var unit = default(Unit);

        Assert.Equal("items", unit.Code);
        Assert.Equal(UnitKind.Count, unit.Kind);
        Assert.False(unit.IsCurrency);
        Assert.Equal(Unit.Parse("items"), unit);
        Assert.Equal(Unit.Parse("items").GetHashCode(), unit.GetHashCode());
    }

    [Fact]
    public void MeasurementCodes_EachParsesAndNoneIsACurrency()
    {
        var codes = Unit.MeasurementCodes.ToArray();

        Assert.Superset(new[] { "items", "people", "km", "gal", "%", "rank" }.ToHashSet(StringComparer.Ordinal), codes.ToHashSet(StringComparer.Ordinal));
        Assert.Equal(codes.Length, codes.Distinct(StringComparer.Ordinal).Count());
        foreach (var code in codes)
        {
            var unit = Unit.Parse(code);
            Assert.False(unit.IsCurrency);
            Assert.False(Unit.IsCurrencyCode(code));
        }
    }

    [Fact]
    public void Equals_SameCode_IsEqualAndCodesAreCaseSensitive()
    {
        Assert.True(Unit.Parse("USD") == Unit.Parse("USD"));
        Assert.True(Unit.Parse("USD") != Unit.Parse("PEN"));
        Assert.True(Unit.Parse("km").Equals((object)Unit.Parse("km")));
        Assert.False(Unit.Parse("km").Equals((object)"km"));
        Assert.Equal(Unit.Parse("PEN").GetHashCode(), Unit.Parse("PEN").GetHashCode());
    }
}
