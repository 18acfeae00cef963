using BorderDomain.Data;
using Xunit;

namespace BorderDomain.Tests.Loading;

/// <summary>
/// A statistic's value is accepted only when a <see cref="decimal"/> holds it exactly: numbers outside decimal's
/// range, nonzero numbers that would round to 0, and numbers with more significant digits than a decimal holds are
/// errors with path, line and the reason, never silently changed values.
/// </summary>
public sealed class NumberTests
{
    private const string Max = "79228162514264337593543950335";

    private static string Statistic(string value) =>
        $$"""{ "statistics": [ { "id": "t-n", "metric": "BorderLength", "value": {{value}}, "unit": "km", "source": "src-000" } ] }""";

    [Theory]
    [InlineData("1e-400", "1e-400 is not representable as a decimal number: it is not zero, but smaller in magnitude than 0.0000000000000000000000000001, so it would be read as 0.")]
    [InlineData("0.000000000000000000000000000000001", "0.000000000000000000000000000000001 is not representable as a decimal number: it is not zero, but smaller in magnitude than 0.0000000000000000000000000001, so it would be read as 0.")]
    [InlineData("-4E-29", "-4E-29 is not representable as a decimal number: it is not zero, but smaller in magnitude than 0.0000000000000000000000000001, so it would be read as 0.")]
    [InlineData("1e400", "1e400 is not representable as a decimal number: its magnitude is larger than " + Max + ".")]
    [InlineData("79228162514264337593543950336", "79228162514264337593543950336 is not representable as a decimal number: its magnitude is larger than " + Max + ".")]
    [InlineData("-1E+29", "-1E+29 is not representable as a decimal number: its magnitude is larger than " + Max + ".")]
    [InlineData("0.12345678901234567890123456789", "0.12345678901234567890123456789 is not representable as a decimal number: it has more significant digits than a decimal holds (28 or 29), so it would be read as 0.1234567890123456789012345679.")]
    [InlineData("1.0000000000000000000000000000000000000001", "1.00000000000000000000000000000000000000… is not representable as a decimal number: it has more significant digits than a decimal holds (28 or 29), so it would be read as 1.0000000000000000000000000000.")]
    public void Load_NumberADecimalCannotHold_ReportsInvalidValueWithTheReason(string value, string message)
    {
        LoadAssert.Rejects(Statistic(value), (DataErrorKind.InvalidValue, "$.statistics[0].value", 1, message));
    }

    [Theory]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData(Max, Max)]
    [InlineData("-" + Max, "-" + Max)]
    [InlineData("1.0000000000000000000000000000000", "1")]
    [InlineData("1e28", "10000000000000000000000000000")]
    [InlineData("2.5E+3", "2500")]
    [InlineData("-0", "0")]
    [InlineData("0e-400", "0")]
    [InlineData("3.5", "3.5")]
    public void Load_NumberADecimalHoldsExactly_IsAcceptedWithThatValue(string value, string expected)
    {
        var store = LoadAssert.Loads(Statistic(value));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), store.Statistics.Find("t-n")!.Value);
    }
}
