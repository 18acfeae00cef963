using System;
using System.Globalization;
using System.Text;

namespace BorderDomain.Query;

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
    /// <c>BDQ0102 (1,16): message</c>.
    /// </summary>
    public string Format(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lines = query.Split('\n');
        var line = Span.Line >= 1 && Span.Line <= lines.Length ? lines[Span.Line - 1].TrimEnd('\r') : string.Empty;
        var shown = line.Length > 200 ? line[..200] + "…" : line;
        var column = Math.Clamp(Span.Column - 1, 0, shown.Length);
        var width = Math.Clamp(Span.Length, 1, Math.Max(1, shown.Length - column));
        return new StringBuilder()
            .AppendLine(shown)
            .Append(' ', column).Append('^', width).AppendLine()
            .Append(ToString())
            .ToString();
    }

    /// <summary><c>BDQ0102 (1,16): message</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Code} {Span}: {Message}");
}
