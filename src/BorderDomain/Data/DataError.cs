using System.Globalization;
using System.Text;

namespace BorderDomain.Data;

/// <summary>One reason a data file was rejected: what, where (JSON path and line) and in which file.</summary>
public sealed record DataError
{
    /// <summary>What is wrong.</summary>
    public required DataErrorKind Kind { get; init; }

    /// <summary>A sentence saying what is wrong and what was expected.</summary>
    public required string Message { get; init; }

    /// <summary>The JSON path of the offending value, e.g. <c>$.accords[3].parties[1]</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The file (or stream name) it was found in, if known.</summary>
    public string? File { get; init; }

    /// <summary>The 1-based line of the offending value, if known.</summary>
    public int? Line { get; init; }

    /// <summary><c>file(line): Kind at path: message</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (File is not null)
        {
            text.Append(File);
        }

        if (Line is { } line)
        {
            text.Append(CultureInfo.InvariantCulture, $"({line})");
        }

        if (text.Length > 0)
        {
            text.Append(": ");
        }

        return text.Append(CultureInfo.InvariantCulture, $"{Kind} at {Path}: {Message}").ToString();
    }
}
