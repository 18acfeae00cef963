using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using BorderDomain.Cli;
using BorderDomain.Model;
using BorderDomain.Query;
using Xunit;

namespace BorderDomain.Tests.Cli;

/// <summary>How single values and cells are written, independent of any query.</summary>
public sealed class ValueFormattingTests
{
    [Fact]
    public void Null_IsEmpty() => Assert.Equal(string.Empty, ValueText.Display(null));

    [Fact]
    public void Collections_AreJoinedWithCommas()
    {
        Assert.Equal("PER, ECU", ValueText.Display(ImmutableArray.Create(NationCode.Peru, NationCode.Ecuador)));
        Assert.Equal("a, b", ValueText.Display(new[] { "a", "b" }));
        Assert.Equal(string.Empty, ValueText.Display(ImmutableArray<string>.Empty));
    }

    [Fact]
    public void DomainValues_UseTheirToString()
    {
        Assert.Equal("2013-11", ValueText.Display(PartialDate.Parse("2013-11")));
        Assert.Equal("2004..2012", ValueText.Display(Period.Parse("2004..2012")));
        Assert.Equal("km", ValueText.Display(Unit.Parse("km")));
        Assert.Equal("PER", ValueText.Display(NationCode.Peru));
        Assert.Equal("Pledge", ValueText.Display(AccordKind.Pledge));
        Assert.Equal("true", ValueText.Display(true));
    }

    [Fact]
    public void Numbers_UseTheInvariantCulture()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("3.32", ValueText.Display(3.32m));
            Assert.Equal("2037000000", ValueText.Display(2_037_000_000m));
            Assert.Equal("0.5", ValueText.Display(0.5d));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void CsvFields_AreQuotedOnlyWhenNeeded(string field, string expected) =>
        Assert.Equal(expected, ResultWriters.CsvField(field));
}
