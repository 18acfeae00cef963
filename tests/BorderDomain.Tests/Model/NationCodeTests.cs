using System;
using System.Linq;
using BorderDomain.Model;
using Xunit;

namespace BorderDomain.Tests.Model;

public sealed class NationCodeTests
{
    [Theory]
    [InlineData("PER")]
    [InlineData("per")]
    [InlineData("Per")]
    [InlineData("pEr")]
    public void Parse_Alpha3InAnyCase_IsPeru(string text)
    {
        var code = NationCode.Parse(text);

        Assert.Equal(NationCode.Peru, code);
        Assert.Equal("PER", code.Alpha3);
        Assert.Equal("PE", code.Alpha2);
        Assert.Equal(604, code.Numeric);
        Assert.Equal("Peru", code.EnglishName);
        Assert.Equal("PER", code.ToString());
    }

    [Theory]
    [InlineData("PER", "PE", 604)]
    [InlineData("USA", "US", 840)]
    [InlineData("ECU", "EC", 218)]
    [InlineData("COL", "CO", 170)]
    [InlineData("BRA", "BR", 76)]
    [InlineData("AFG", "AF", 4)]
    [InlineData("ALA", "AX", 248)]
    [InlineData("ZWE", "ZW", 716)]
    public void FromAlpha2AndFromNumeric_KnownCountry_RoundTripToTheSameCode(string alpha3, string alpha2, int numeric)
    {
        var code = NationCode.Parse(alpha3);

        Assert.Equal(alpha2, code.Alpha2);
        Assert.Equal(numeric, code.Numeric);
        Assert.Equal(code, NationCode.FromAlpha2(alpha2));
        Assert.Equal(code, NationCode.FromAlpha2(alpha2.ToLowerInvariant()));
        Assert.Equal(code, NationCode.FromNumeric(numeric));
    }

    [Fact]
    public void WellKnownCodes_NameTheRightCountries()
    {
        Assert.Equal("PER", NationCode.Peru.Alpha3);
        Assert.Equal("ECU", NationCode.Ecuador.Alpha3);
        Assert.Equal("COL", NationCode.Colombia.Alpha3);
        Assert.Equal("USA", NationCode.UnitedStates.Alpha3);
        Assert.Equal("United States", NationCode.UnitedStates.EnglishName);
    }

    [Theory]
    [InlineData("XXX")]
    [InlineData("PE")]
    [InlineData("P")]
    [InlineData("PERU")]
    [InlineData("")]
    [InlineData(" PER")]
    [InlineData("PER ")]
    [InlineData("604")]
    [InlineData("EUR")]
    public void TryParse_NotAnAssignedAlpha3Code_ReturnsFalseAndParseThrowsFormatException(string text)
    {
        Assert.False(NationCode.TryParse(text, out var code));
        Assert.True(code.IsDefault);
        Assert.Throws<FormatException>(() => NationCode.Parse(text));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalseAndParseThrowsArgumentNullException()
    {
        Assert.False(NationCode.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => NationCode.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => NationCode.FromAlpha2(null!));
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("PER")]
    [InlineData("P")]
    [InlineData("")]
    public void FromAlpha2_NotAnAssignedAlpha2Code_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => NationCode.FromAlpha2(text));
    }

    [Theory]
    [InlineData(999)]
    [InlineData(0)]
    [InlineData(-604)]
    [InlineData(1000)]
    public void FromNumeric_NotAnAssignedNumericCode_ThrowsArgumentOutOfRangeException(int numeric)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NationCode.FromNumeric(numeric));
    }

    [Fact]
    public void All_Has249DistinctCodesInAlpha3Order()
    {
        var all = NationCode.All;

        Assert.Equal(249, all.Length);
        Assert.Equal(249, all.Distinct().Count());
        Assert.Equal(249, all.Select(c => c.Alpha3).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(249, all.Select(c => c.Alpha2).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(249, all.Select(c => c.Numeric).Distinct().Count());
        Assert.Equal(all.Select(c => c.Alpha3).Order(StringComparer.Ordinal), all.Select(c => c.Alpha3));
        Assert.Equal(all, all.Order());
        Assert.DoesNotContain(all, c => c.IsDefault);
    }

    [Fact]
    public void All_EveryCode_RoundTripsThroughEachOfItsForms()
    {
        foreach (var code in NationCode.All)
        {
            Assert.Matches("^[A-Z]{3}$", code.Alpha3);
            Assert.Matches("^[A-Z]{2}$", code.Alpha2);
            Assert.InRange(code.Numeric, 1, 999);
            Assert.False(string.IsNullOrWhiteSpace(code.EnglishName));
            Assert.Equal(code, NationCode.Parse(code.Alpha3));
            Assert.Equal(code, NationCode.Parse(code.Alpha3.ToLowerInvariant()));
            Assert.Equal(code, NationCode.FromAlpha2(code.Alpha2));
            Assert.Equal(code, NationCode.FromNumeric(code.Numeric));
        }
    }

    [Fact]
    public void CompareTo_TwoCodes_FollowsAlpha3Order()
    {
        Assert.True(NationCode.Colombia < NationCode.Ecuador);
        Assert.True(NationCode.Ecuador < NationCode.Peru);
        Assert.True(NationCode.Peru < NationCode.UnitedStates);
        Assert.True(NationCode.UnitedStates > NationCode.Peru);
        Assert.True(NationCode.Peru <= NationCode.Parse("per") && NationCode.Peru >= NationCode.Parse("PER"));
        Assert.Equal(0, NationCode.Peru.CompareTo((object)NationCode.Parse("PER")));
        Assert.Equal(1, NationCode.Peru.CompareTo(null));
        Assert.Throws<ArgumentException>(() => NationCode.Peru.CompareTo("PER"));
    }

    [Fact]
    public void Default_NamesNoCountry()
    {
        var none = default(NationCode);

        Assert.True(none.IsDefault);
        Assert.Equal(string.Empty, none.Alpha3);
        Assert.Equal(string.Empty, none.Alpha2);
        Assert.Equal(0, none.Numeric);
        Assert.Equal(string.Empty, none.EnglishName);
        Assert.Equal(string.Empty, none.ToString());
        Assert.DoesNotContain(none, NationCode.All);
        Assert.True(none < NationCode.All[0]);
        Assert.False(NationCode.Peru.IsDefault);
    }

    [Fact]
    public void Equals_SameCountry_IsEqualWithEqualHashCodes()
    {
        var a = NationCode.Parse("ecu");
        var b = NationCode.FromAlpha2("EC");

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals((object)"ECU"));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(NationCode.Peru, NationCode.Ecuador);
    }
}
