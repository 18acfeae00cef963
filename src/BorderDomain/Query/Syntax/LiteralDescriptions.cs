using System;

namespace BorderDomain.Query.Syntax;

/// <summary>The parts of diagnostic messages that read syntax (literals, number problems), kept here so the diagnostics
/// vocabulary does not depend on the syntax.</summary>
internal static class LiteralDescriptions
{
    /// <summary>A literal as the binder's messages name it: <c>the text "x"</c>, <c>the number 5</c>, <c>the name 'Foo'</c>.</summary>
    internal static string LiteralText(LiteralSyntax literal) => literal switch
    {
        StringLiteralSyntax text => $"the text \"{text.Value}\"",
        NumberLiteralSyntax number => $"the number {QueryPrinter.Print(number)}",
        InvalidNumberLiteralSyntax number => $"the number {number.Text}",
        DateLiteralSyntax date => $"the date {date.Text}",
        NameLiteralSyntax name => $"the name '{name.Name}'",
        _ => "that value",
    };

    /// <summary>The message for a number literal that does not parse: <c>'1e400' is not a number: …</c>.</summary>
    internal static string InvalidNumberMessage(string text, NumberProblem problem) => $"'{text}' {NumberProblemText(problem)}.";

    /// <summary>What is wrong with a number, as the end of a sentence about it ("'1e400' is …").</summary>
    internal static string NumberProblemText(NumberProblem problem) => problem switch
    {
        NumberProblem.NotANumber => "is not a number: write digits with an optional leading '-' and '.', e.g. 1500 or -2.5",
        NumberProblem.TooLarge => "is too large: numbers lie within ±79228162514264337593543950335",
        NumberProblem.TooSmall => "is not zero but too small to hold: it would become 0 (numbers keep at most 28 decimal places)",
        NumberProblem.TooPrecise => "has more digits than a number holds exactly (28 to 29 significant digits)",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "A number without a problem has no problem text."),
    };
}
