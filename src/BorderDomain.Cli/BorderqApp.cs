using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using BorderDomain.Data;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;

namespace BorderDomain.Cli;

/// <summary>
/// The <c>borderq</c> command: runs one BDQ query given on the command line, a script (standard input that is not a
/// terminal, or <c>--file</c>), or the interactive console (<see cref="Console"/>), and writes the results as a table,
/// expanded lines, JSON, JSON lines, CSV, Markdown or an HTML page. All input and output goes through
/// the readers and writers passed to <see cref="Run"/>, so tests can drive it with strings.
/// </summary>
internal sealed class BorderqApp
{
    /// <summary>The query ran (or the prompt ended normally).</summary>
    public const int ExitOk = 0;

    /// <summary>The query has errors.</summary>
    public const int ExitQueryError = 1;

    /// <summary>The command line is wrong.</summary>
    public const int ExitUsageError = 2;

    /// <summary>A <c>--data</c> file was rejected.</summary>
    public const int ExitDataError = 3;

    /// <summary>The database failed: it cannot be reached, does not exist, has no tables, or refused a seed.</summary>
    public const int ExitDatabaseError = 4;

    /// <summary>An exception nothing handled: a bug in <c>borderq</c> (70 is EX_SOFTWARE in sysexits.h).</summary>
    public const int ExitInternalError = 70;

    /// <summary>The interactive prompt.</summary>
    public const string Prompt = "bdq> ";

    private readonly BorderStore? _store;

    /// <summary>
    /// The interactive console to read statements from, or <see langword="null"/> for script mode (standard input is
    /// read as a script): <c>Program.cs</c> sets it when standard input and output are a terminal.
    /// </summary>
    public InteractiveConsole? Console { get; init; }

    /// <summary>The terminal's width that tables are fitted to, or <see langword="null"/> (not a terminal: never wrapped).</summary>
    public int? TerminalWidth { get; init; }

    /// <summary>An app querying <paramref name="store"/>, or the bundled dataset when it is <see langword="null"/>.</summary>
    public BorderqApp(BorderStore? store = null) => _store = store;

    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public static string Usage => """
        borderq: query the BorderDomain dataset with BDQ, in memory or on your database.

        Usage:
          borderq [options] "<query>"   run one query (quote it: it is one argument)
          borderq [options]             on a terminal, the console (type .help there); otherwise read a script
                                        from standard input
          borderq [options] --file <script.bdq>
                                        run a script: statements end with ';' (a script with no ';' is one statement
                                        a line); no prompts; stops at the first failing statement (its exit code)
          borderq schema [set]          the sets, or one set's fields (name, type, index, references)
          borderq db seed --connection "<connection string>" [--provider postgres|sqlite] [--data <file.json>]... [--replace]
                                        create the database's tables when missing and fill them
          borderq completions bash      a bash completion script: eval "$(borderq completions bash)"

        Options:
          -f, --format table|line|json|jsonl|csv|markdown|html|data
                                        how to write results (default: table); line is one field a line, jsonl one
                                        JSON object a line; html writes a page; data writes a data file of the
                                        records and what they reference, for --data (record queries only)
          --explain                     print the query plan instead of running the query (as JSON with --format json)
          -d, --data <file.json>        load your own data on top of the bundled dataset (repeatable)
          --no-bundled                  load only the --data files (e.g. one written by --format data)
          -p, --param <name=value>      a value for @name in the query (repeatable)
          -i, --file <script.bdq>       run the statements of a script file
          --continue                    (scripts) go on after a failing statement; the exit code is the first failure's
          --wide                        do not wrap tables to the terminal's width (cells are never cut either way)
          --no-sources                  leave out the citation column
          -c, --connection "<string>"   run on a PostgreSQL or SQLite database (one SQL statement a query, through
                                        BorderDomain.EntityFrameworkCore) instead of the bundled in-memory dataset;
                                        same answers, formats, diagnostics and exit codes; fill it with 'db seed'
          --provider postgres|sqlite    the database kind; by default told from the connection string's keys:
                                        Host, Server, Port, Username or Database mean PostgreSQL,
                                        Data Source or Filename mean SQLite ("Data Source=border.db")
          --replace                     (db seed) delete the BorderDomain records already there, then seed
          -h, --help                    show this help
          --version                     show the version

        The console: statements end with ';' (a line that is a whole query runs without one); Up/Down recall
        earlier statements (kept in ~/.local/share/borderq/history, or the file $BORDERQ_HISTORY names); Tab
        completes sets, fields, enum members and nation codes; Ctrl-C cancels the line or the running query;
        .help lists the commands (.sets, .fields <set>, .values <set>.<field>, .format, .param, .explain, .timer, .quit).
        A script takes the same commands. With --format json, a script of several queries writes one JSON document:
        an array of {"query": ..., "rows": [...]}.

        On a database: 'db seed' creates the database and its tables when they are missing (EF Core's EnsureCreated),
        then writes the bundled dataset plus the --data files in one transaction. The files are loaded and checked first,
        as in memory: a bad file is rejected whole (exit 3) and nothing is written. A database that already holds
        BorderDomain records is refused (exit 4, nothing written) unless --replace is given. Queries with --connection
        take no --data (seed the files instead) and no --explain (use the database's EXPLAIN). Connection strings are
        never printed: they may hold passwords.
        Rows whose records cite sources get a 'citation' column with the citations, in every format and for a
        'select' too (unless --no-sources).

        Control characters from queries and data are never sent to the terminal as they are: each is shown as one
        visible character in its place, the C0 controls as Unicode control pictures (ESC as ␛, BEL as ␇,
        a newline in a table cell as ␊, TAB as ␉), DEL as ␡, and C1 controls and bidi overrides
        (U+202A-U+202E, U+2066-U+2069) as �. This holds for every format but JSON, which escapes them instead (\u001B).
        CSV cells of text that start with = + - @, a tab or a carriage return get a leading ' so that spreadsheets
        do not run them as formulas; numbers are written as they are.

        Examples:
          borderq "accords where parties has PER and parties has ECU order by signed desc"
          borderq --format csv "statistics where metric = BorderLength"
          borderq "accords count"
          borderq schema accords
          borderq -f line "accords where parties has PER and parties has ECU order by signed desc take 1"
          borderq --format html "statistics where metric = BilateralTrade group by period sum(value)" > results.html
          borderq db seed --connection "Data Source=border.db"
          borderq --connection "Data Source=border.db" "agencies where nation.region = \"South America\" count"
          borderq --connection "Host=127.0.0.1;Database=border;Username=me" --format json "accords take 3"

        Exit codes: 0 success, 1 query error, 2 usage error, 3 data file rejected, 4 database error (cannot connect, does not
        exist, no tables, already seeded), 70 internal error (a bug: please report it).
        """;

    /// <summary>
    /// What <c>borderq completions bash</c> prints: a bash completion function that asks <c>borderq</c> itself, through
    /// System.CommandLine's <c>[suggest]</c> directive, for the options and values that fit where the cursor is.
    /// </summary>
    public const string CompletionScript = """
        # borderq completion for bash: add to ~/.bashrc:  eval "$(borderq completions bash)"
        _borderq_complete() {
          local IFS=$'\n'
          COMPREPLY=( $(borderq "[suggest:${#COMP_LINE}]" "$COMP_LINE" 2>/dev/null) )
        }
        complete -o default -F _borderq_complete borderq

        """;

    /// <summary>The informational version of this tool, without build metadata.</summary>
    public static string Version
    {
        get
        {
            var assembly = typeof(BorderqApp).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString()
                ?? "0.0.0";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    /// <summary>
    /// Runs the command as <see cref="Run"/> does, and turns any exception it throws into the one line
    /// <c>borderq: internal error: &lt;message&gt;</c> on <paramref name="stderr"/> and <see cref="ExitInternalError"/>,
    /// so no stack trace reaches a user. <c>Program.cs</c> calls this.
    /// </summary>
    public int RunGuarded(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return Run(args, stdin, stdout, stderr);
        }
        catch (Exception unexpected)
        {
            try
            {
                stderr.WriteLine(CliMessages.InternalError(unexpected.Message));
                stderr.Flush();
            }
            catch (IOException)
            {
                // Standard error itself failed: the exit code is all that is left to say it.
            }

            return ExitInternalError;
        }
    }

    /// <summary>
    /// Runs the command; returns the exit code. Everything written goes through a <see cref="TerminalTextWriter"/>,
    /// so control characters from queries and data are shown as <see cref="VisibleText"/> describes.
    /// </summary>
    public int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        using var output = new TerminalTextWriter(stdout);
        using var errors = new TerminalTextWriter(stderr);
        return RunEscaped(args, stdin, output, errors);
    }

    private int RunEscaped(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        // Shell completion (completions bash): System.CommandLine answers its [suggest] directive itself.
        if (args.Length > 0 && args[0].StartsWith("[suggest", StringComparison.Ordinal))
        {
            return CliOptions.Root.Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });
        }

        if (!CliOptions.TryParse(args, out var options, out var usageError))
        {
            stderr.WriteLine(CliMessages.UsageError(usageError));
            stderr.WriteLine(CliMessages.SeeHelp);
            return ExitUsageError;
        }

        if (options.Help)
        {
            stdout.WriteLine(Usage);
            return ExitOk;
        }

        if (options.Version)
        {
            stdout.WriteLine($"borderq {Version}");
            return ExitOk;
        }

        if (options.Command == CliCommand.Completions)
        {
            stdout.Write(CompletionScript);
            return ExitOk;
        }

        var database = default(DatabaseConnection);
        if (options.Connection is { } connectionString && !DatabaseConnection.TryCreate(connectionString, options.Provider, out database, out usageError))
        {
            stderr.WriteLine(CliMessages.UsageError(usageError));
            stderr.WriteLine(CliMessages.SeeHelp);
            return ExitUsageError;
        }

        if (database is null || options.Command == CliCommand.DbSeed)
        {
            // The in-memory dataset, or what db seed writes: the bundled records plus --data files, loaded and checked as one.
            if (LoadStore(options.DataFiles, options.NoBundled, stderr) is not { } store)
            {
                return ExitDataError;
            }

            if (database is not null)
            {
                return Seed(database, store, options.Replace, stdout, stderr);
            }

            using var memory = new MemoryQueryTarget(store);
            return RunQueries(memory, options, stdin, stdout, stderr);
        }

        QueryTarget target;
        try
        {
            target = DatabaseQueryTarget.Open(database);
        }
        catch (DatabaseException failed)
        {
            stderr.WriteLine(failed.Message);
            return ExitDatabaseError;
        }

        using (target)
        {
            return RunQueries(target, options, stdin, stdout, stderr);
        }
    }

    private int RunQueries(QueryTarget target, CliOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var width = options.Wide ? null : TerminalWidth;
        var session = new Session(target, options, stdout, stderr, width);
        if (options.Command == CliCommand.Schema)
        {
            return options.SchemaSet is { } set ? session.Fields(set) : session.Sets();
        }

        if (options.Query is { } query)
        {
            return session.Execute(query);
        }

        if (options.ScriptFile is { } path)
        {
            string script;
            try
            {
                script = File.ReadAllText(path);
            }
            catch (Exception failed) when (failed is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                stderr.WriteLine(CliMessages.UsageError(CliMessages.CannotReadScript(path, failed.Message)));
                return ExitUsageError;
            }

            return RunScript(session, script, options, stdout, stderr);
        }

        return Console is { } console
            ? console.Run(session, stdout, stderr)
            : RunScript(session, stdin.ReadToEnd(), options, stdout, stderr);
    }

    // Script mode: no prompts; the statements in order; stop at the first that fails unless --continue. Several JSON
    // results make one document.
    private static int RunScript(Session session, string script, CliOptions options, TextWriter stdout, TextWriter stderr)
    {
        var statements = ScriptSplitter.Split(script);
        var queries = statements.Count(s => !Session.IsCommand(s.Text));
        if (queries > 1 && session.Format == OutputFormat.Json)
        {
            session.JsonResults = [];
        }

        var exitCode = ExitOk;
        for (var i = 0; i < statements.Count && !session.QuitRequested; i++)
        {
            var code = session.Execute(statements[i].Text);
            stdout.Flush();
            stderr.Flush();
            if (code == ExitOk)
            {
                continue;
            }

            exitCode = exitCode == ExitOk ? code : exitCode;
            if (!options.Continue)
            {
                stderr.WriteLine(CliMessages.ScriptStopped(i + 1, statements[i].Line));
                break;
            }
        }

        if (session.JsonResults is { } results)
        {
            ResultWriters.WriteJsonDocument(results, stdout);
        }

        return exitCode;
    }

    private static int Seed(DatabaseConnection database, BorderStore store, bool replace, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            stdout.WriteLine(DatabaseSeeder.Seed(database, store, replace));
            return ExitOk;
        }
        catch (DatabaseException failed)
        {
            stderr.WriteLine(failed.Message);
            return ExitDatabaseError;
        }
    }

    private BorderStore? LoadStore(IReadOnlyList<string> dataFiles, bool noBundled, TextWriter stderr)
    {
        var store = noBundled ? BorderStore.Empty : _store ?? BorderStore.Default;
        if (dataFiles.Count == 0)
        {
            return store;
        }

        try
        {
            return BorderDataset.Load(store, dataFiles);
        }
        catch (BorderDataException rejected)
        {
            // The loader keeps at most BorderDataset.DefaultMaxErrors errors and counts the rest.
            stderr.WriteLine($"borderq: the data was rejected with {rejected.TotalErrorCount} error(s):");
            foreach (var error in rejected.Errors)
            {
                stderr.WriteLine(error.ToString());
            }

            if (rejected.OmittedErrorCount > 0)
            {
                stderr.WriteLine(rejected.OmittedErrorCount == 1 ? "borderq: … and 1 more error." : $"borderq: … and {rejected.OmittedErrorCount} more errors.");
            }

            if (rejected.TotalErrorCount == 0)
            {
                stderr.WriteLine(rejected.Message);
            }
            else if (!noBundled && rejected.Errors.All(e => e.Kind == DataErrorKind.DuplicateId))
            {
                // Typically a file written by --format data, which holds bundled records: load it alone.
                stderr.WriteLine(CliMessages.DuplicatesOfBundled);
            }

            return null;
        }
    }

}
