using System.Globalization;
using BorderDomain.Model;
using Xunit;

namespace BorderDomain.Tests.Model;

public sealed class QuantityTests
{
    [Fact]
    public void ToString_UnderACommaDecimalCulture_UsesTheInvariantForm()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("2.037 USD", new Quantity(2.037m, Unit.Parse("USD")).ToString());
            Assert.Equal("1420 km", new Quantity(1420m, Unit.Parse("km")).ToString());
            Assert.Equal("9.30 PEN", new Quantity(9.30m, Unit.Parse("PEN")).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Equals_SameNumberAndUnit_IsEqualEvenWithDifferentScale()
    {
        var a = new Quantity(1.0m, Unit.Parse("km"));
        var b = new Quantity(1.00m, Unit.Parse("km"));

        Assert.Equal(a, b);
        Assert.NotEqual(a, new Quantity(1m, Unit.Parse("mi")));
        Assert.NotEqual(a, new Quantity(2m, Unit.Parse("km")));
    }

    [Fact]
    public void Default_IsZeroItems()
    {
        var quantity = default(Quantity);

        Assert.Equal(0m, quantity.Value);
        Assert.Equal("items", quantity.Unit.Code);
        Assert.Equal("0 items", quantity.ToString());
    }

    [Fact]
    public void StatisticQuantity_CombinesValueAndUnit()
    {
        var statistic = new Statistic
        {
            Id = "s",
            Metric = Metric.BorderLength,
            Value = 1420m,
            Unit = Unit.Parse("km"),
            Source = "src",
        };

        Assert.Equal(new Quantity(1420m, Unit.Parse("km")), statistic.Quantity);
    }
}
