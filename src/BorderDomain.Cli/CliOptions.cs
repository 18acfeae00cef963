using System;
using System.Collections.Generic;

namespace BorderDomain.Cli;

/// <summary>What the command line asked for; parsed by hand by <see cref="TryParse"/>.</summary>
internal sealed class CliOptions
{
    /// <summary>The query, or <see langword="null"/> for the interactive prompt. Several words are joined by spaces.</summary>
    public string? Query { get; private set; }

    /// <summary>The output format.</summary>
    public OutputFormat Format { get; private set; } = OutputFormat.Table;

    /// <summary>Print the plan instead of running the query.</summary>
    public bool Explain { get; private set; }

    /// <summary>Data files to load on top of the bundled dataset, in order.</summary>
    public IReadOnlyList<string> DataFiles => _dataFiles;

    /// <summary>Values for the query's <c>@parameters</c>, as typed on the command line; the engine converts them to each parameter's type.</summary>
    public IReadOnlyDictionary<string, object?> Parameters => _parameters;

    /// <summary>Show the help and stop.</summary>
    public bool Help { get; private set; }

    /// <summary>Show the version and stop.</summary>
    public bool Version { get; private set; }

    /// <summary>What to do: run queries (the default) or <c>db seed</c>.</summary>
    public CliCommand Command { get; private set; }

    /// <summary>The database's connection string (<c>--connection</c>), or <see langword="null"/> for the in-memory dataset.</summary>
    public string? Connection { get; private set; }

    /// <summary>The database kind named by <c>--provider</c>, or <see langword="null"/> to tell it from <see cref="Connection"/>.</summary>
    public DatabaseProvider? Provider { get; private set; }

    /// <summary><c>db seed --replace</c>: delete the records already in the database before seeding.</summary>
    public bool Replace { get; private set; }

    private const string DbCommand = "db";
    private const string SeedCommand = "seed";

    private readonly List<string> _dataFiles = [];
    private readonly Dictionary<string, object?> _parameters = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="error"/> says why, for a usage error.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out CliOptions options, out string? error)
    {
        options = new CliOptions();
        error = null;
        var words = new List<string>();
        var optionsEnded = false;
        var formatGiven = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || arg.Length < 2 || arg[0] != '-')
            {
                words.Add(arg);
                continue;
            }

            // "--name=value" is the same as "--name value".
            var (name, inlineValue) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 && arg.StartsWith("--", StringComparison.Ordinal)
                ? (arg[..eq], arg[(eq + 1)..])
                : (arg, null);
            switch (name)
            {
                case "--":
                    optionsEnded = true;
                    break;
                case "-h" or "--help" or "-?":
                    options.Help = true;
                    break;
                case "--version":
                    options.Version = true;
                    break;
                case "--explain":
                    options.Explain = true;
                    break;
                case "--replace":
                    options.Replace = true;
                    break;
                case "-c" or "--connection":
                    if (!TakeValue(args, ref i, name, inlineValue, out var connection, out error))
                    {
                        return false;
                    }

                    if (connection.Trim().Length == 0)
                    {
                        error = CliMessages.EmptyConnection;
                        return false;
                    }

                    options.Connection = connection;
                    break;
                case "--provider":
                    if (!TakeValue(args, ref i, name, inlineValue, out var provider, out error))
                    {
                        return false;
                    }

                    if (!DatabaseConnection.TryParseProvider(provider, out var kind))
                    {
                        error = CliMessages.UnknownProvider(provider);
                        return false;
                    }

                    options.Provider = kind;
                    break;
                case "-f" or "--format":
                    if (!TakeValue(args, ref i, name, inlineValue, out var format, out error))
                    {
                        return false;
                    }

                    if (!TryParseFormat(format, out var parsed))
                    {
                        error = CliMessages.UnknownFormat(format);
                        return false;
                    }

                    options.Format = parsed;
                    formatGiven = true;
                    break;
                case "-d" or "--data":
                    if (!TakeValue(args, ref i, name, inlineValue, out var path, out error))
                    {
                        return false;
                    }

                    options._dataFiles.Add(path);
                    break;
                case "-p" or "--param":
                    if (!TakeValue(args, ref i, name, inlineValue, out var assignment, out error))
                    {
                        return false;
                    }

                    var equals = assignment.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        error = CliMessages.NotAnAssignment(assignment);
                        return false;
                    }

                    options._parameters[assignment[..equals].TrimStart('@')] = assignment[(equals + 1)..];
                    break;
                default:
                    error = CliMessages.UnknownOption(name);
                    return false;
            }

            if (inlineValue is not null && name is not ("--format" or "--data" or "--param" or "--connection" or "--provider"))
            {
                error = CliMessages.TakesNoValue(name);
                return false;
            }
        }

        // "db" as a word of its own starts a database command; a query is one argument or starts with a set name.
        if (words.Count > 0 && words[0] == DbCommand)
        {
            if (words.Count != 2 || words[1] != SeedCommand)
            {
                error = CliMessages.UnknownCommand(string.Join(' ', words));
                return false;
            }

            options.Command = CliCommand.DbSeed;
            words.Clear();
        }
        else
        {
            options.Query = words.Count == 0 ? null : string.Join(' ', words);
        }

        error = options.Conflict(formatGiven);
        return error is null;
    }

    // Options that do not go together, or that the command does not take.
    private string? Conflict(bool formatGiven)
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
                : formatGiven ? CliMessages.NotForSeed("--format")
                : null;
        }

        return Replace ? CliMessages.ReplaceIsForSeed
            : Provider is not null && Connection is null ? CliMessages.ProviderNeedsConnection
            : Connection is not null && _dataFiles.Count > 0 ? CliMessages.DataWithConnection
            : Connection is not null && Explain ? CliMessages.ExplainWithConnection
            : null;
    }

    private static bool TakeValue(IReadOnlyList<string> args, ref int i, string name, string? inlineValue, out string value, out string? error)
    {
        error = null;
        if (inlineValue is not null)
        {
            value = inlineValue;
            return true;
        }

        if (i + 1 < args.Count)
        {
            value = args[++i];
            return true;
        }

        value = string.Empty;
        error = CliMessages.NeedsValue(name);
        return false;
    }

    private static bool TryParseFormat(string text, out OutputFormat format)
    {
        switch (text.ToUpperInvariant())
        {
            case "TABLE":
                format = OutputFormat.Table;
                return true;
            case "JSON":
                format = OutputFormat.Json;
                return true;
            case "CSV":
                format = OutputFormat.Csv;
                return true;
            case "HTML":
                format = OutputFormat.Html;
                return true;
            default:
                format = default;
                return false;
        }
    }
}

/// <summary>What <c>borderq</c> was asked to do.</summary>
internal enum CliCommand
{
    /// <summary>Run the query, or read queries at the prompt.</summary>
    Query,

    /// <summary><c>db seed</c>: create the database's tables when missing and fill them.</summary>
    DbSeed,
}

/// <summary>How results are written.</summary>
internal enum OutputFormat
{
    /// <summary>Aligned columns for people.</summary>
    Table,

    /// <summary>An array of objects keyed by column.</summary>
    Json,

    /// <summary>RFC 4180 comma-separated values with a header line.</summary>
    Csv,

    /// <summary>A self-contained HTML page: the table with citations and, for statistics, an SVG chart.</summary>
    Html,
}
