using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace BorderDomain.Cli;

/// <summary>
/// What the command line asked for, parsed by System.CommandLine (<see cref="Root"/> describes every option, which is
/// also what shell completion offers); the checks of which options go together are <c>borderq</c>'s own.
/// </summary>
internal sealed class CliOptions
{
    /// <summary>The format names <c>--format</c> takes, in the order the help lists them.</summary>
    public static readonly string[] FormatNames = ["table", "line", "json", "jsonl", "csv", "markdown", "html", "data"];

    private static readonly Option<bool> HelpOption = new("--help", "-h", "-?") { Description = "show this help" };
    private static readonly Option<bool> VersionOption = new("--version") { Description = "show the version" };
    private static readonly Option<bool> ExplainOption = new("--explain") { Description = "print the query plan instead of running the query" };
    private static readonly Option<bool> ReplaceOption = new("--replace") { Description = "(db seed) delete the BorderDomain records already there, then seed" };
    private static readonly Option<bool> WideOption = new("--wide") { Description = "never wrap table cells to the terminal's width" };
    private static readonly Option<bool> NoBundledOption = new("--no-bundled") { Description = "load only the --data files, not the bundled dataset" };
    private static readonly Option<bool> NoSourcesOption = new("--no-sources") { Description = "leave out the citation column" };
    private static readonly Option<bool> ContinueOption = new("--continue") { Description = "(scripts) go on after a statement fails" };
    private static readonly Option<string> FormatOption = new("--format", "-f") { Description = "how to write results", HelpName = "format" };
    private static readonly Option<string[]> DataOption = new("--data", "-d") { Description = "load your own data on top of the bundled dataset", HelpName = "file.json" };
    private static readonly Option<string[]> ParamOption = new("--param", "-p") { Description = "a value for @name in the query", HelpName = "name=value" };
    private static readonly Option<string> ConnectionOption = new("--connection", "-c") { Description = "run on a PostgreSQL or SQLite database", HelpName = "connection string" };
    private static readonly Option<string> ProviderOption = new("--provider") { Description = "the database kind", HelpName = "postgres|sqlite" };
    private static readonly Option<string> FileOption = new("--file", "-i") { Description = "run the statements of a script file", HelpName = "file.bdq" };
    private static readonly Argument<string[]> WordsArgument = new("query") { Arity = ArgumentArity.ZeroOrMore, Description = "the query (quote it), or db seed, schema [set], completions bash" };

    // No response files: "@from=2010" is a parameter's value, not a file to read arguments from.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <summary>The command as System.CommandLine sees it: every option, for parsing and for shell completion.</summary>
    public static RootCommand Root { get; } = CreateRoot();

    /// <summary>The query, or <see langword="null"/> for the prompt or a script.</summary>
    public string? Query { get; private set; }

    /// <summary>The output format.</summary>
    public OutputFormat Format { get; private set; } = OutputFormat.Table;

    /// <summary>Whether <c>--format</c> was given.</summary>
    public bool FormatGiven { get; private set; }

    /// <summary>Print the plan instead of running the query.</summary>
    public bool Explain { get; private set; }

    /// <summary>Data files to load on top of the bundled dataset, in order.</summary>
    public IReadOnlyList<string> DataFiles { get; private set; } = [];

    /// <summary>Values for the query's <c>@parameters</c>, as typed on the command line; the engine converts them to each parameter's type.</summary>
    public IReadOnlyDictionary<string, object?> Parameters => _parameters;

    /// <summary>Show the help and stop.</summary>
    public bool Help { get; private set; }

    /// <summary>Show the version and stop.</summary>
    public bool Version { get; private set; }

    /// <summary>What to do: run queries (the default), <c>db seed</c>, <c>schema</c> or <c>completions</c>.</summary>
    public CliCommand Command { get; private set; }

    /// <summary>For <c>schema &lt;set&gt;</c>, the set.</summary>
    public string? SchemaSet { get; private set; }

    /// <summary>The database's connection string (<c>--connection</c>), or <see langword="null"/> for the in-memory dataset.</summary>
    public string? Connection { get; private set; }

    /// <summary>The database kind named by <c>--provider</c>, or <see langword="null"/> to tell it from <see cref="Connection"/>.</summary>
    public DatabaseProvider? Provider { get; private set; }

    /// <summary><c>db seed --replace</c>: delete the records already in the database before seeding.</summary>
    public bool Replace { get; private set; }

    /// <summary><c>--wide</c>: tables are never wrapped to the terminal's width.</summary>
    public bool Wide { get; private set; }

    /// <summary><c>--no-bundled</c>: the <see cref="DataFiles"/> alone, not on top of the bundled dataset.</summary>
    public bool NoBundled { get; private set; }

    /// <summary><c>--no-sources</c>: no citation column.</summary>
    public bool NoSources { get; private set; }

    /// <summary><c>--continue</c>: a script goes on after a failed statement.</summary>
    public bool Continue { get; private set; }

    /// <summary><c>--file</c>: the script to run, or <see langword="null"/>.</summary>
    public string? ScriptFile { get; private set; }

    private readonly Dictionary<string, object?> _parameters = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="error"/> says why, for a usage error.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out CliOptions options, out string? error)
    {
        options = new CliOptions();
        error = null;

        // "--" ends the options: everything after it is the query, even words that start with '-'.
        var dashes = -1;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                dashes = i;
                break;
            }
        }

        var optionArgs = dashes < 0 ? args : args.Take(dashes).ToArray();
        foreach (var arg in optionArgs)
        {
            // "--explain=yes": a flag given a value (System.CommandLine would take "yes" as a word of the query).
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                && Root.Options.FirstOrDefault(o => o.Name == arg[..eq]) is { } flag && flag.ValueType == typeof(bool))
            {
                error = CliMessages.TakesNoValue(arg[..eq]);
                return false;
            }
        }

        // "--name=value" is the same as "--name value" (an empty value included), split here as borderq always has.
        var split = new List<string>(optionArgs.Count);
        foreach (var arg in optionArgs)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                && Root.Options.Any(o => o.Name == arg[..eq]))
            {
                split.Add(arg[..eq]);
                split.Add(arg[(eq + 1)..]);
            }
            else
            {
                split.Add(arg);
            }
        }

        optionArgs = split;
        var parsed = Root.Parse(optionArgs, Parsing);
        if (parsed.Errors.Count > 0 || parsed.UnmatchedTokens.Count > 0)
        {
            error = ErrorOf(parsed, optionArgs);
            return false;
        }

        options.Help = parsed.GetValue(HelpOption);
        options.Version = parsed.GetValue(VersionOption);
        options.Explain = parsed.GetValue(ExplainOption);
        options.Replace = parsed.GetValue(ReplaceOption);
        options.Wide = parsed.GetValue(WideOption);
        options.NoSources = parsed.GetValue(NoSourcesOption);
        options.NoBundled = parsed.GetValue(NoBundledOption);
        options.Continue = parsed.GetValue(ContinueOption);
        options.ScriptFile = parsed.GetValue(FileOption);
        options.DataFiles = parsed.GetValue(DataOption) ?? [];

        if (parsed.GetValue(ConnectionOption) is { } connection)
        {
            if (connection.Trim().Length == 0)
            {
                error = CliMessages.EmptyConnection;
                return false;
            }

            options.Connection = connection;
        }

        if (parsed.GetValue(ProviderOption) is { } provider)
        {
            if (!DatabaseConnection.TryParseProvider(provider, out var kind))
            {
                error = CliMessages.UnknownProvider(provider);
                return false;
            }

            options.Provider = kind;
        }

        if (parsed.GetValue(FormatOption) is { } format)
        {
            if (!TryParseFormat(format, out var outputFormat))
            {
                error = CliMessages.UnknownFormat(format);
                return false;
            }

            options.Format = outputFormat;
            options.FormatGiven = true;
        }

        foreach (var assignment in parsed.GetValue(ParamOption) ?? [])
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = CliMessages.NotAnAssignment(assignment);
                return false;
            }

            options._parameters[assignment[..equals].TrimStart('@')] = assignment[(equals + 1)..];
        }

        var words = new List<string>(parsed.GetValue(WordsArgument) ?? []);
        if (words.FirstOrDefault(w => w.Length > 1 && w[0] == '-') is { } unknown)
        {
            // No query starts with '-': this is an option borderq does not have ("--" before a query ends the options).
            error = CliMessages.UnknownOption(unknown.Split('=')[0]);
            return false;
        }

        if (dashes >= 0)
        {
            words.AddRange(args.Skip(dashes + 1));
        }

        if (!options.TakeCommand(words, dashes >= 0, out error))
        {
            return false;
        }

        error = options.Conflict();
        return error is null;
    }

    /// <summary>Parses a format name (<c>table</c>, <c>line</c>, <c>json</c>, <c>jsonl</c>, <c>csv</c>, <c>markdown</c>, <c>html</c>), ignoring case.</summary>
    public static bool TryParseFormat(string text, out OutputFormat format)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "TABLE":
                format = OutputFormat.Table;
                return true;
            case "LINE":
                format = OutputFormat.Line;
                return true;
            case "JSON":
                format = OutputFormat.Json;
                return true;
            case "JSONL":
                format = OutputFormat.JsonLines;
                return true;
            case "CSV":
                format = OutputFormat.Csv;
                return true;
            case "MARKDOWN" or "MD":
                format = OutputFormat.Markdown;
                return true;
            case "HTML":
                format = OutputFormat.Html;
                return true;
            case "DATA":
                format = OutputFormat.Data;
                return true;
            default:
                format = default;
                return false;
        }
    }

    private static RootCommand CreateRoot()
    {
        // Offered by shell completion; checked (ignoring case) after parsing, with borderq's own messages.
        FormatOption.CompletionSources.Add(FormatNames);
        ProviderOption.CompletionSources.Add("postgres", "sqlite");
        var root = new RootCommand("borderq: query the BorderDomain dataset with BDQ, in memory or on your database.");

        // borderq prints its own help (BorderqApp.Usage) and version; the defaults would print System.CommandLine's.
        root.Options.Clear();
        foreach (var option in new Option[] { HelpOption, VersionOption, FormatOption, ExplainOption, DataOption, ParamOption, ConnectionOption, ProviderOption, ReplaceOption, WideOption, NoSourcesOption, NoBundledOption, ContinueOption, FileOption })
        {
            root.Options.Add(option);
        }

        root.Arguments.Add(WordsArgument);
        return root;
    }

    // System.CommandLine's first error, in borderq's words where it has them.
    private static string ErrorOf(ParseResult parsed, IReadOnlyList<string> args)
    {
        if (parsed.UnmatchedTokens.Count > 0)
        {
            return CliMessages.UnknownOption(parsed.UnmatchedTokens[0]);
        }

        var message = parsed.Errors[0].Message;
        foreach (var option in Root.Options)
        {
            foreach (var name in option.Aliases.Append(option.Name))
            {
                // An option that takes a value, last on the line.
                if (option.Arity.MinimumNumberOfValues > 0 && args.Count > 0 && args[^1] == name)
                {
                    return CliMessages.NeedsValue(name);
                }
            }
        }

        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                && Root.Options.FirstOrDefault(o => o.Name == arg[..eq]) is { ValueType: var type } && type == typeof(bool))
            {
                return CliMessages.TakesNoValue(arg[..eq]);
            }
        }

        foreach (var arg in args)
        {
            if (arg.Length > 1 && arg[0] == '-' && !Root.Options.Any(o => o.Name == arg || o.Aliases.Contains(arg)) && !arg.Contains('='))
            {
                return CliMessages.UnknownOption(arg);
            }
        }

        if (parsed.GetResult(FormatOption) is { } format && format.Tokens.Count > 0 && !TryParseFormat(format.Tokens[^1].Value, out _))
        {
            return CliMessages.UnknownFormat(format.Tokens[^1].Value);
        }

        if (parsed.GetResult(ProviderOption) is { } provider && provider.Tokens.Count > 0)
        {
            return CliMessages.UnknownProvider(provider.Tokens[^1].Value);
        }

        return message.TrimEnd('.') + ".";
    }

    // "db seed", "schema [set]" and "completions bash" as words of their own; anything else is a query.
    private bool TakeCommand(List<string> words, bool quoted, out string? error)
    {
        error = null;
        if (words.Count > 0 && !quoted && words[0] == "db")
        {
            if (words.Count != 2 || words[1] != "seed")
            {
                error = CliMessages.UnknownCommand(string.Join(' ', words));
                return false;
            }

            Command = CliCommand.DbSeed;
            return true;
        }

        if (words.Count > 0 && !quoted && words[0] == "schema")
        {
            if (words.Count > 2)
            {
                error = CliMessages.SchemaTakesOneSet;
                return false;
            }

            Command = CliCommand.Schema;
            SchemaSet = words.Count == 2 ? words[1] : null;
            return true;
        }

        if (words.Count > 0 && !quoted && words[0] == "completions")
        {
            if (words.Count != 2 || words[1] != "bash")
            {
                error = CliMessages.CompletionsShells;
                return false;
            }

            Command = CliCommand.Completions;
            return true;
        }

        // Several words would be joined silently into one query, which hides a shell's splitting and globbing of an
        // unquoted query ("parties has PER and *"): ask for the quotes instead.
        if (words.Count > 1)
        {
            error = CliMessages.QuoteTheQuery(string.Join(' ', words));
            return false;
        }

        Query = words.Count == 0 ? null : words[0];
        return true;
    }

    // Options that do not go together, or that the command does not take.
    private string? Conflict()
    {
        if (Help || Version)
        {
            return null;
        }

        if (Command == CliCommand.DbSeed)
        {
            return Connection is null ? CliMessages.SeedNeedsConnection
                : Explain ? CliMessages.NotForSeed("--explain")
                : _parameters.Count > 0 ? CliMessages.NotForSeed("--param")
                : FormatGiven ? CliMessages.NotForSeed("--format")
                : null;
        }

        return Replace ? CliMessages.ReplaceIsForSeed
            : Provider is not null && Connection is null ? CliMessages.ProviderNeedsConnection
            : Connection is not null && DataFiles.Count > 0 ? CliMessages.DataWithConnection
            : Connection is not null && Explain ? CliMessages.ExplainWithConnection
            : ScriptFile is not null && Query is not null ? CliMessages.FileWithQuery
            : null;
    }
}

/// <summary>What <c>borderq</c> was asked to do.</summary>
internal enum CliCommand
{
    /// <summary>Run the query, read a script, or read queries at the prompt.</summary>
    Query,

    /// <summary><c>db seed</c>: create the database's tables when missing and fill them.</summary>
    DbSeed,

    /// <summary><c>schema [set]</c>: the sets, or one set's fields.</summary>
    Schema,

    /// <summary><c>completions bash</c>: a shell completion script.</summary>
    Completions,
}

/// <summary>How results are written.</summary>
internal enum OutputFormat
{
    /// <summary>Aligned columns for people.</summary>
    Table,

    /// <summary>One field a line, records separated by a blank line (expanded display).</summary>
    Line,

    /// <summary>An array of objects keyed by column.</summary>
    Json,

    /// <summary>One JSON document a line: one object a row (and for several queries, each query's rows in turn).</summary>
    JsonLines,

    /// <summary>RFC 4180 comma-separated values with a header line.</summary>
    Csv,

    /// <summary>A GitHub-flavoured Markdown table.</summary>
    Markdown,

    /// <summary>A self-contained HTML page: the table with citations and, for statistics, an SVG chart.</summary>
    Html,

    /// <summary>A data file of the answer's records and the records they reference, which <c>--data</c> loads back.</summary>
    Data,
}
