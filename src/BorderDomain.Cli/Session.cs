using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Query.Syntax;
using BorderDomain.Rendering;
using BorderDomain.Schema;

namespace BorderDomain.Cli;

/// <summary>
/// Runs the statements of a script or of the console one at a time: a query, <c>explain &lt;query&gt;</c>, or a
/// meta-command (<c>.help</c>, <c>.sets</c>, <c>.fields</c>, <c>.values</c>, <c>.format</c>, <c>.param</c>,
/// <c>.explain</c>, <c>.timer</c>, <c>.quit</c>). It keeps what the meta-commands change: the format, the parameters
/// and the timer.
/// </summary>
internal sealed class Session
{
    /// <summary>What <c>.help</c>, <c>help</c> and <c>\?</c> print.</summary>
    public const string HelpText = """
        Type a query and end it with ';' (a line that is a whole query runs without one; Enter on an empty line runs
        what you typed so far). Up and Down recall earlier statements, Tab completes sets, fields, enum members and
        nation codes, Ctrl-C cancels the line or the running query, Ctrl-D on an empty line quits.

        .help                    this help (also: help, \?)
        .sets                    the sets and how many records each holds
        .fields <set>            a set's fields: name, type, how it is indexed, what it references
        .values <set>.<field>    an enum's members, or the distinct values present
        .format [name]           table, line, json, jsonl, csv, markdown, html or data (no name: the current one)
        .param [name=value]      a value for @name in later queries (no argument: the values set)
        .explain <query>         the plan of a query (also: explain <query>)
        .timer on|off            print how long each query took
        .quit                    leave (also: quit, exit, Ctrl-D)

        Queries, e.g.:  accords where parties has PER and parties has ECU order by signed desc;
                        statistics where metric = BilateralTrade group by period sum(value);
        """;

    private const string ExplainWord = "explain";

    private readonly QueryTarget _target;
    private TextWriter _stdout;
    private TextWriter _stderr;
    private readonly Dictionary<string, object?> _parameters;
    private readonly bool _noSources;
    private int _written;

    /// <summary>A session on <paramref name="target"/>, starting with <paramref name="options"/>' format and parameters.</summary>
    public Session(QueryTarget target, CliOptions options, TextWriter stdout, TextWriter stderr, int? width)
    {
        _target = target;
        _stdout = stdout;
        _stderr = stderr;
        Width = width;
        Format = options.Format;
        Explain = options.Explain;
        _noSources = options.NoSources;
        _parameters = new Dictionary<string, object?>(options.Parameters, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The current output format (<c>.format</c>).</summary>
    public OutputFormat Format { get; private set; }

    /// <summary>The width tables are fitted to, or <see langword="null"/> to never wrap (<c>--wide</c>, or not a terminal).</summary>
    public int? Width { get; set; }

    /// <summary>Whether each query prints its plan instead of running (<c>--explain</c>).</summary>
    public bool Explain { get; }

    /// <summary>Whether <c>.timer on</c> is in force.</summary>
    public bool Timer { get; private set; }

    /// <summary>Whether a statement asked to leave (<c>.quit</c>, <c>quit</c>, <c>exit</c>).</summary>
    public bool QuitRequested { get; private set; }

    /// <summary>
    /// When set, JSON results are collected here as (query, table) instead of written, so that a script of several
    /// queries writes one JSON document (<see cref="ResultWriters.WriteJsonDocument"/>).
    /// </summary>
    public List<(string Query, ResultTable View)>? JsonResults { get; set; }

    /// <summary>Whether results after the first are set apart by a blank line (scripts; the console's prompt does it).</summary>
    public bool SeparateResults { get; set; } = true;

    /// <summary>The query target (for completion and the schema).</summary>
    public QueryTarget Target => _target;

    /// <summary>
    /// <paramref name="statement"/> without its trailing <c>;</c> (any number) and surrounding whitespace.
    /// </summary>
    public static string Trim(string statement)
    {
        var text = statement.Trim();
        while (text.EndsWith(';'))
        {
            text = text[..^1].TrimEnd();
        }

        return text;
    }

    /// <summary>Whether <paramref name="text"/> (trimmed) is a meta-command or a console word that needs no <c>;</c>.</summary>
    public static bool IsCommand(string text)
    {
        var word = Trim(text);
        return word.StartsWith('.') || word.StartsWith('\\')
            || word.Equals("help", StringComparison.OrdinalIgnoreCase)
            || word.Equals("quit", StringComparison.OrdinalIgnoreCase)
            || word.Equals("exit", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The environment variable that makes every query wait this many milliseconds before it runs, the wait ended by
    /// <see cref="QueryTarget.Cancellation"/>: a test-only slow path, so a test can press Ctrl-C while a query runs.
    /// </summary>
    public const string QueryDelayVariable = "BORDERQ_TEST_QUERY_DELAY_MS";

    private static readonly int QueryDelay =
        int.TryParse(Environment.GetEnvironmentVariable(QueryDelayVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var delay) ? delay : 0;

    /// <summary>Runs one statement as <see cref="Execute(string)"/> does, writing to <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    public int Execute(string statement, TextWriter stdout, TextWriter stderr) => Execute(statement, stdout, stderr, CancellationToken.None);

    /// <summary>
    /// Runs one statement as <see cref="Execute(string, TextWriter, TextWriter)"/> does; <paramref name="cancellation"/>
    /// cancels its query (<see cref="QueryTarget.Cancellation"/>), which then throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public int Execute(string statement, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var (output, errors) = (_stdout, _stderr);
        (_stdout, _stderr) = (stdout, stderr);
        _target.Cancellation = cancellation;
        try
        {
            return Execute(statement);
        }
        finally
        {
            (_stdout, _stderr) = (output, errors);
            _target.Cancellation = CancellationToken.None;
        }
    }

    /// <summary>Runs one statement; returns its exit code (<see cref="BorderqApp.ExitOk"/> when it succeeded).</summary>
    public int Execute(string statement)
    {
        var text = Trim(statement);
        if (text.Length == 0)
        {
            return BorderqApp.ExitOk;
        }

        var (command, argument) = Split(text);
        switch (command.ToLowerInvariant())
        {
            case "quit" or "exit" or ".quit" or ".exit" or "\\q":
                QuitRequested = true;
                return BorderqApp.ExitOk;
            case "help" or "\\?" or ".help" or "\\h":
                _stdout.WriteLine(HelpText.TrimEnd());
                return BorderqApp.ExitOk;
            case ".sets":
                return Sets();
            case ".fields" or ".schema":
                return argument.Length == 0 ? Sets() : Fields(argument);
            case ".values":
                return Values(argument);
            case ".format" or ".mode":
                return SetFormat(argument);
            case ".param":
                return SetParameter(argument);
            case ".timer":
                return SetTimer(argument);
            case ".explain":
                return argument.Length == 0 ? Fail(CliMessages.ExplainNeedsQuery) : Query(argument, explain: true);
            case ExplainWord:
                return argument.Length == 0 ? Fail(CliMessages.ExplainNeedsQuery) : Query(argument, explain: true);
        }

        if (command.StartsWith('.') || command.StartsWith('\\'))
        {
            return Fail(CliMessages.UnknownMetaCommand(command), BorderqApp.ExitUsageError);
        }

        return Query(text, Explain);
    }

    /// <summary>Writes the sets (name, record type, records, fields) to standard output.</summary>
    public int Sets()
    {
        var rows = new List<object?[]>();
        foreach (var set in _target.Schema.Sets)
        {
            object? records = null;
            if (_target.TryExecute(set.Name + " count", _parameters, out var count, out _) && count?.Count is { } n)
            {
                records = n;
            }

            rows.Add([set.Name, ShortName(set.RecordTypeName), records, set.Fields.Count]);
        }

        WriteTable(ResultTable.Of(Plural(rows.Count, "set"), ["set", "record type", "records", "fields"], rows));
        return BorderqApp.ExitOk;
    }

    /// <summary>Writes the fields of <paramref name="setName"/> (name, type, index, references) to standard output.</summary>
    public int Fields(string setName)
    {
        if (FindSet(setName) is not { } set)
        {
            return BorderqApp.ExitUsageError;
        }

        var rows = new List<object?[]>();
        foreach (var field in set.Fields)
        {
            rows.Add([field.Name, TypeOf(field), field.Index is { } index ? index.ToString().ToLowerInvariant() : null, field.References]);
        }

        WriteTable(ResultTable.Of(Plural(rows.Count, "field") + " of " + set.Name, ["field", "type", "indexed", "references"], rows));
        return BorderqApp.ExitOk;
    }

    /// <summary>A field's type as <c>.fields</c> shows it: <c>string</c>, <c>list of nation</c>, <c>enum AccordKind</c>, <c>date?</c>.</summary>
    public static string TypeOf(FieldSchema field)
    {
        var type = field.Kind switch
        {
            FieldKind.Enum => "enum " + ShortName(field.TypeName),
            _ => field.Kind.ToString().ToLowerInvariant(),
        };
        return (field.IsCollection ? "list of " + type : type) + (field.IsNullable && !field.IsCollection ? "?" : string.Empty);
    }

    /// <summary>The distinct values of <paramref name="setName"/>'s <paramref name="field"/> present in the data, in order.</summary>
    public IReadOnlyList<string> DistinctValues(string setName, FieldSchema field)
    {
        var values = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        if (_target.TryExecute(setName + " select " + field.Name, _parameters, out var result, out _) && result is not null)
        {
            foreach (var row in result.Rows)
            {
                foreach (var value in row.Count > 0 && row[0] is System.Collections.IEnumerable items && row[0] is not string ? items.Cast<object?>() : [row.Count > 0 ? row[0] : null])
                {
                    if (value is not null && ValueText.Display(value) is { Length: > 0 } text)
                    {
                        values.Add(text);
                    }
                }
            }
        }

        return values.ToList();
    }

    private int Values(string argument)
    {
        var dot = argument.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == argument.Length - 1)
        {
            return Fail("borderq: .values needs <set>.<field>, e.g. .values statistics.metric", BorderqApp.ExitUsageError);
        }

        if (FindSet(argument[..dot].Trim()) is not { } set)
        {
            return BorderqApp.ExitUsageError;
        }

        var fieldName = argument[(dot + 1)..].Trim();
        if (set.FindField(fieldName) is not { } field)
        {
            return Fail($"borderq: {set.Name} has no field '{fieldName}'; its fields are {string.Join(", ", set.Fields.Select(f => f.Name))}.", BorderqApp.ExitUsageError);
        }

        var enumMembers = field.Kind == FieldKind.Enum && field.EnumMembers.Count > 0;
        var values = enumMembers ? field.EnumMembers.ToList() : DistinctValues(set.Name, field);
        var rows = values.Select(v => new object?[] { v }).ToList();
        var caption = enumMembers ? Plural(rows.Count, "member") + " of " + ShortName(field.TypeName) : Plural(rows.Count, "distinct value") + " of " + set.Name + "." + field.Name;
        WriteTable(ResultTable.Of(caption, [field.Name], rows));
        return BorderqApp.ExitOk;
    }

    private int SetFormat(string argument)
    {
        if (argument.Length == 0)
        {
            _stdout.WriteLine(CliOptions.FormatNames[(int)Format]);
            return BorderqApp.ExitOk;
        }

        if (!CliOptions.TryParseFormat(argument, out var format))
        {
            return Fail("borderq: " + CliMessages.UnknownFormat(argument), BorderqApp.ExitUsageError);
        }

        Format = format;
        return BorderqApp.ExitOk;
    }

    private int SetParameter(string argument)
    {
        if (argument.Length == 0)
        {
            foreach (var (name, value) in _parameters.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
            {
                _stdout.WriteLine($"@{name} = {ValueText.Display(value)}");
            }

            return BorderqApp.ExitOk;
        }

        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return Fail("borderq: " + CliMessages.NotAnAssignment(argument).Replace("--param", ".param", StringComparison.Ordinal), BorderqApp.ExitUsageError);
        }

        _parameters[argument[..equals].Trim().TrimStart('@')] = argument[(equals + 1)..].Trim();
        return BorderqApp.ExitOk;
    }

    private int SetTimer(string argument)
    {
        switch (argument.ToLowerInvariant())
        {
            case "on":
                Timer = true;
                return BorderqApp.ExitOk;
            case "off":
                Timer = false;
                return BorderqApp.ExitOk;
            default:
                return Fail("borderq: .timer takes on or off.", BorderqApp.ExitUsageError);
        }
    }

    private int Query(string query, bool explain)
    {
        // The Try methods report bad queries as diagnostics; they do not throw for them. A database's failure is one line.
        IReadOnlyList<BdqDiagnostic> diagnostics;
        var clock = Stopwatch.StartNew();
        try
        {
            if (!explain)
            {
                WaitTestDelay();
            }

            if (explain)
            {
                if (!_target.CanExplain)
                {
                    return Fail(CliMessages.UsageError(CliMessages.ExplainWithConnection), BorderqApp.ExitUsageError);
                }

                if (_target.TryExplain(query, out var plan, out diagnostics) && plan is not null)
                {
                    Separate();
                    if (Format is OutputFormat.Json or OutputFormat.JsonLines)
                    {
                        ResultWriters.WritePlanJson(query, plan, _stdout);
                    }
                    else
                    {
                        _stdout.WriteLine(plan.TrimEnd());
                    }

                    return BorderqApp.ExitOk;
                }
            }
            else if (_target.TryExecute(query, _parameters, out var result, out diagnostics) && result is not null)
            {
                if (Format == OutputFormat.Data)
                {
                    return WriteData(result);
                }

                var shape = new TableShape(Format is OutputFormat.Table or OutputFormat.Line ? Width : null, _noSources);
                if (JsonResults is not null && Format == OutputFormat.Json)
                {
                    JsonResults.Add((query, _target.Table(result, shape)));
                }
                else
                {
                    Separate();
                    _target.Write(result, query, Format, _stdout, shape);
                }

                if (Timer)
                {
                    _stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Time: {clock.Elapsed.TotalMilliseconds:0.0} ms"));
                }

                return BorderqApp.ExitOk;
            }
        }
        catch (DatabaseException failed)
        {
            _stderr.WriteLine(failed.Message);
            return BorderqApp.ExitDatabaseError;
        }

        WriteDiagnostics(query, diagnostics, _stderr);
        WriteValueHints(query, diagnostics);
        return BorderqApp.ExitQueryError;
    }

    // The test-only wait before a query (QueryDelayVariable); OperationCanceledException when cancelled during it.
    private void WaitTestDelay()
    {
        var cancellation = _target.Cancellation;
        if (QueryDelay > 0 && cancellation.WaitHandle.WaitOne(QueryDelay))
        {
            cancellation.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Writes <paramref name="diagnostics"/> of <paramref name="query"/>, each with its caret, to <paramref name="stderr"/>.</summary>
    public static void WriteDiagnostics(string query, IReadOnlyList<BdqDiagnostic> diagnostics, TextWriter stderr)
    {
        for (var i = 0; i < diagnostics.Count; i++)
        {
            if (i > 0)
            {
                stderr.WriteLine();
            }

            stderr.WriteLine(diagnostics[i].Format(query));
        }

        if (diagnostics.Count == 0)
        {
            stderr.WriteLine(CliMessages.FailedWithoutDiagnostic);
        }
    }

    // "'FuelTheft' is not a value of 'metric'": the members of that enum, so the user need not look them up.
    private void WriteValueHints(string query, IReadOnlyList<BdqDiagnostic> diagnostics)
    {
        var setName = QueryLexer.Words(query).FirstOrDefault();
        if (setName is null || _target.Schema.Find(setName) is not { } set)
        {
            return;
        }

        foreach (var diagnostic in diagnostics)
        {
            const string Marker = "is not a value of '";
            var at = diagnostic.Message.IndexOf(Marker, StringComparison.Ordinal);
            if (at < 0 || diagnostic.Expected.Count > 0)
            {
                continue;
            }

            var name = diagnostic.Message[(at + Marker.Length)..].Split('\'')[0];
            var field = set.FindField(name.Split('.')[^1]);
            if (field is { Kind: FieldKind.Enum, EnumMembers.Count: > 0 })
            {
                _stderr.WriteLine($"  {field.Name} is one of: {string.Join(", ", field.EnumMembers)}");
            }
        }
    }

    private static (string Command, string Argument) Split(string text)
    {
        var space = 0;
        while (space < text.Length && !char.IsWhiteSpace(text[space]))
        {
            space++;
        }

        return (text[..space], text[space..].Trim());
    }

    private static string ShortName(string typeName) => typeName[(typeName.LastIndexOf('.') + 1)..];

    private static string Plural(int count, string one) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {one}{(count == 1 ? string.Empty : "s")}");

    private EntitySetSchema? FindSet(string name)
    {
        if (_target.Schema.Find(name) is { } set)
        {
            return set;
        }

        _stderr.WriteLine(CliMessages.UnknownSet(name, string.Join(", ", _target.Schema.Sets.Select(s => s.Name))));
        return null;
    }

    private void WriteTable(ResultTable table)
    {
        Separate();
        ResultWriters.Write(table, Format is OutputFormat.Html ? OutputFormat.Table : Format, _stdout, Format is OutputFormat.Table or OutputFormat.Line ? Width : null);
    }

    // Results after the first are set apart by a blank line (not in JSON lines, whose lines are documents).
    private void Separate()
    {
        if (_written++ > 0 && SeparateResults && Format is not (OutputFormat.JsonLines or OutputFormat.Json))
        {
            _stdout.WriteLine();
        }
    }

    // --format data: the records and what they reference, as a file --data loads back; only whole records make one.
    private int WriteData(BdqResult result)
    {
        if (result.Kind != BdqResultKind.Records)
        {
            return Fail(CliMessages.UsageError(CliMessages.DataNeedsRecords));
        }

        if (!_target.TryWriteData(result, _stdout))
        {
            return Fail(CliMessages.UsageError(CliMessages.DataWithConnectionFormat));
        }

        return BorderqApp.ExitOk;
    }

    private int Fail(string message, int exitCode = BorderqApp.ExitUsageError)
    {
        _stderr.WriteLine(message);
        return exitCode;
    }
}
