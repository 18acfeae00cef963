using System;
using System.Globalization;
using System.Text;

namespace BorderDomain.Query.Language;

/// <summary>
/// A problem with a query, as data: a stable code (<c>BDQ0001</c> …, listed in <see cref="BdqDiagnostics"/>), a
/// message, the span it points at, and where it helps the tokens that were expected or a "did you mean".
/// </summary>
public sealed record BdqDiagnostic
{
    /// <summary>The stable code, e.g. <c>BDQ0102</c>.</summary>
    public required string Code { get; init; }

    /// <summary>A sentence saying what is wrong.</summary>
    public required string Message { get; init; }

    /// <summary>Where in the query text the problem is.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>For syntax errors, the tokens that would have been accepted here.</summary>
    public EquatableArray<string> Expected { get; init; }

    /// <summary>The closest valid name, when the problem is a misspelt one.</summary>
    public string? Suggestion { get; init; }

    /// <summary>
    /// The diagnostic as a person reads it: the query line, a caret line under the span, then
    /// <c>BDQ0102 (1,16): message</c>. A line longer than <see cref="WindowWidth"/> columns shows a window around
    /// the span, cut ends marked with <c>…</c>. Control characters (tab included) show as their Unicode control
    /// pictures (<c>␀</c>, <c>␉</c>, <c>␛</c> …), so nothing reaches a terminal raw; characters that take two terminal
    /// columns (CJK, emoji) get two carets or spaces, combining marks none, so the caret stays under the span.
    /// </summary>
    public string Format(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lines = query.Split('\n');
        var line = Span.Line >= 1 && Span.Line <= lines.Length ? lines[Span.Line - 1].TrimEnd('\r') : string.Empty;
        var start = Math.Clamp(Span.Column - 1, 0, line.Length);
        var end = Math.Clamp(start + Span.Length, start, line.Length);

        // The window: the span with context on both sides, never cutting a surrogate pair.
        var from = 0;
        var to = line.Length;
        if (TextWidth.Of(line, 0, line.Length) > WindowWidth)
        {
            from = Math.Max(0, start - Context);
            to = Math.Min(line.Length, Math.Max(end, start + 1) + Context);
            to = Math.Min(to, from + WindowWidth);
            from = TextWidth.AlignStart(line, from);
            to = TextWidth.AlignEnd(line, to);
        }

        var shown = new StringBuilder();
        var carets = new StringBuilder();
        if (from > 0)
        {
            shown.Append('…');
            carets.Append(' ');
        }

        for (var i = from; i < to; i += TextWidth.Units(line, i))
        {
            var width = TextWidth.Append(shown, line, i);
            carets.Append(i >= start && i < end ? '^' : ' ', width);
        }

        if (to < line.Length)
        {
            shown.Append('…');
        }

        // An empty span, or one at the end of the line, gets one caret where it points.
        var caretLine = carets.ToString().TrimEnd();
        if (caretLine.IndexOf('^') < 0)
        {
            var column = TextWidth.Of(line, from, Math.Clamp(start, from, to)) + (from > 0 ? 1 : 0);
            caretLine = new string(' ', column) + "^";
        }

        return new StringBuilder()
            .AppendLine(shown.ToString())
            .AppendLine(caretLine)
            .Append(ToString())
            .ToString();
    }

    /// <summary>How many terminal columns of a long query line <see cref="Format"/> shows.</summary>
    public const int WindowWidth = 120;

    // Characters shown before and after the span in a window.
    private const int Context = 40;

    /// <summary><c>BDQ0102 (1,16): message</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Code} {Span}: {Message}");
}
