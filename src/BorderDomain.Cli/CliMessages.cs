using BorderDomain.Query;
using BorderDomain.Query.Language;

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

    /// <summary>A <c>--format</c> that is not one of the formats.</summary>
    public static string UnknownFormat(string format) => $"unknown format '{format}'; expected table, line, json, jsonl, csv, markdown, html or data.";

    /// <summary>Several words where one quoted query belongs.</summary>
    public static string QuoteTheQuery(string words) =>
        $"the query is one argument: quote it, e.g. borderq \"{words}\" (words are not joined, so the shell cannot split or expand a query unnoticed).";

    /// <summary><c>schema</c> with more than a set after it.</summary>
    public const string SchemaTakesOneSet = "'schema' takes at most one set: borderq schema [set], e.g. borderq schema accords.";

    /// <summary><c>completions</c> for a shell it does not know.</summary>
    public const string CompletionsShells = "'completions' writes a completion script for bash: borderq completions bash.";

    /// <summary><c>--file</c> and a query together.</summary>
    public const string FileWithQuery = "give either --file <script.bdq> or a query, not both.";

    /// <summary>A set <c>schema</c> or <c>.fields</c> does not know.</summary>
    public static string UnknownSet(string set, string known) => $"borderq: no set named '{set}'; the sets are {known}.";

    /// <summary>A script that cannot be read.</summary>
    public static string CannotReadScript(string path, string reason) => $"cannot read the script '{path}': {reason}";

    /// <summary>A statement of a script failed; what follows is skipped.</summary>
    public static string ScriptStopped(int statement, int line) =>
        $"borderq: statement {statement} (line {line}) failed; the rest of the script was not run (add --continue to go on).";

    /// <summary>A meta-command the console does not have.</summary>
    public static string UnknownMetaCommand(string command) => $"borderq: unknown command '{command}'; type .help for the commands.";

    /// <summary>A running query cancelled with Ctrl-C.</summary>
    public const string Cancelled = "borderq: cancelled.";

    /// <summary>A <c>--param</c> without <c>=</c>.</summary>
    public static string NotAnAssignment(string assignment) => $"'{assignment}' is not name=value (e.g. --param nation=PER).";

    /// <summary>An option <c>borderq</c> does not have.</summary>
    public static string UnknownOption(string name) => $"unknown option '{name}'.";

    /// <summary>A flag given a value with <c>=</c>.</summary>
    public static string TakesNoValue(string name) => $"option '{name}' takes no value.";

    /// <summary>An option that needs a value at the end of the command line.</summary>
    public static string NeedsValue(string name) => $"option '{name}' needs a value.";

    /// <summary>A <c>--connection</c> with nothing in it.</summary>
    public const string EmptyConnection = "option '--connection' needs a connection string, e.g. --connection \"Data Source=border.db\".";

    /// <summary><c>db seed</c> without <c>--connection</c>.</summary>
    public const string SeedNeedsConnection = "'db seed' needs --connection \"<connection string>\" (the database to fill).";

    /// <summary><c>--replace</c> outside <c>db seed</c>.</summary>
    public const string ReplaceIsForSeed = "option '--replace' is for 'db seed'.";

    /// <summary><c>--provider</c> without <c>--connection</c>.</summary>
    public const string ProviderNeedsConnection = "option '--provider' needs --connection.";

    /// <summary><c>--data</c> with a query on a database.</summary>
    public const string DataWithConnection = "--data loads files into the in-memory dataset; to query them on a database, load them into it first: borderq db seed --connection \"…\" --data <file.json>.";

    /// <summary>After a <c>--data</c> file rejected only for ids the bundled dataset already has.</summary>
    public const string DuplicatesOfBundled = "borderq: every error is an id the bundled dataset already has; to load a file written by --format data on its own, add --no-bundled.";

    /// <summary><c>--format data</c> with a query that returns no whole records.</summary>
    public const string DataNeedsRecords = "--format data writes whole records (and what they reference) for --data to load back; a select, group by or count has none. Leave those out, e.g. 'accords where parties has PER'.";

    /// <summary>The usage error for <c>--format data</c> on a database.</summary>
    public const string DataWithConnectionFormat = "--format data writes records of the in-memory dataset; it cannot be used with --connection.";

    /// <summary><c>--explain</c> (or the prompt's <c>explain</c>) on a database.</summary>
    public const string ExplainWithConnection = "--explain prints the in-memory engine's plan; on a database, use the database's own EXPLAIN.";

    /// <summary>A positional word that starts with <c>db</c> but is not <c>db seed</c>.</summary>
    public static string UnknownCommand(string words) => $"unknown command '{words}'; the database command is 'db seed'.";

    /// <summary>An option <c>db seed</c> does not take.</summary>
    public static string NotForSeed(string option) => $"option '{option}' does not apply to 'db seed'.";

    /// <summary>A <c>--provider</c> that is not one of the two.</summary>
    public static string UnknownProvider(string provider) => $"unknown provider '{provider}'; expected postgres or sqlite.";

    /// <summary>A connection string that is not <c>key=value;…</c>.</summary>
    public static string MalformedConnection(string reason) => $"the connection string is not a list of key=value pairs separated by ';' ({reason}).";

    /// <summary>A connection string the provider rejects (an unknown key, a bad value).</summary>
    public static string InvalidConnection(string provider, string reason) => $"the connection string is not valid for {provider}: {reason}";

    /// <summary>A connection string whose keys name neither database.</summary>
    public const string UnknownConnectionKind =
        "cannot tell the database from the connection string: PostgreSQL strings have Host=… (and Database=, Username=…), SQLite strings have Data Source=…; or add --provider postgres|sqlite.";

    /// <summary>A connection string with keys of both databases.</summary>
    public const string AmbiguousConnectionKind =
        "the connection string has keys of both PostgreSQL (Host, Username, Database …) and SQLite (Data Source …); add --provider postgres|sqlite.";

    /// <summary>Any failure of the database (connecting, reading, writing), on one line; never the connection string, which may hold a password.</summary>
    public static string DatabaseError(string provider, string reason) => $"borderq: {provider} database error: {VisibleText.Escape(reason)}";

    /// <summary>A query on a database that does not exist or has no tables.</summary>
    public static string NotSeeded(string provider, bool exists) =>
        $"borderq: the {provider} database {(exists ? "has no tables" : "does not exist")}; create and fill it with: borderq db seed --connection \"…\"";

    /// <summary>A seed into a database that has other tables but not BorderDomain's.</summary>
    public static string ForeignTables(string provider, string reason) =>
        $"borderq: the {provider} database holds tables, but not all of BorderDomain's ({VisibleText.Escape(reason)}); seed an empty database or a new one.";

    /// <summary>A seed into a database that already holds records, without <c>--replace</c>.</summary>
    public static string AlreadySeeded(string provider, string counts) =>
        $"borderq: the {provider} database already holds BorderDomain records ({counts}); nothing was written. Add --replace to delete them and seed again.";

    /// <summary>What a seed wrote.</summary>
    public static string Seeded(string provider, string counts, bool replaced) =>
        $"{(replaced ? "Replaced the records of" : "Seeded")} the {provider} database: {counts}.";
}
