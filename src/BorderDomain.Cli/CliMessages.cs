using BorderDomain.Query;

namespace BorderDomain.Cli;

/// <summary>Every message <c>borderq</c> writes itself, in one place; diagnostics and data errors come from the library.</summary>
internal static class CliMessages
{
    /// <summary>The line after a usage error.</summary>
    public const string SeeHelp = "Run 'borderq --help' for usage.";

    /// <summary>A query failed and the library said nothing about why.</summary>
    public const string FailedWithoutDiagnostic = "borderq: the query failed without a diagnostic.";

    /// <summary>At the prompt, <c>explain</c> with no query after it.</summary>
    public const string ExplainNeedsQuery = "borderq: explain needs a query: explain <query>";

    /// <summary>A usage error, e.g. <c>borderq: unknown option '--frobnicate'.</c></summary>
    public static string UsageError(string? error) => $"borderq: {error}";

    /// <summary>An exception nothing else handled, on one line, its message escaped by <see cref="VisibleText.Escape"/>.</summary>
    public static string InternalError(string message) => $"borderq: internal error: {VisibleText.Escape(message)}";

    /// <summary>A <c>--format</c> that is not one of the four.</summary>
    public static string UnknownFormat(string format) => $"unknown format '{format}'; expected table, json, csv or html.";

    /// <summary>A <c>--param</c> without <c>=</c>.</summary>
    public static string NotAnAssignment(string assignment) => $"'{assignment}' is not name=value (e.g. --param nation=PER).";

    /// <summary>An option <c>borderq</c> does not have.</summary>
    public static string UnknownOption(string name) => $"unknown option '{name}'.";

    /// <summary>A flag given a value with <c>=</c>.</summary>
    public static string TakesNoValue(string name) => $"option '{name}' takes no value.";

    /// <summary>An option that needs a value at the end of the command line.</summary>
    public static string NeedsValue(string name) => $"option '{name}' needs a value.";
}
