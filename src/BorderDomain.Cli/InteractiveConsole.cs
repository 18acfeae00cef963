using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BorderDomain.Query.Syntax;
using Spectre.Console;

namespace BorderDomain.Cli;

/// <summary>
/// The interactive console: <see cref="LineEditor"/> (editing, history, Tab completion from the schema), Spectre.Console's
/// markup, statements that may span lines and end with <c>;</c>, history kept in a file, Ctrl-C cancelling the line
/// or the running query. Each statement is run by a <see cref="Session"/>.
/// </summary>
internal sealed class InteractiveConsole
{
    /// <summary>The environment variable naming the history file (tests set it so they never touch the user's).</summary>
    public const string HistoryVariable = "BORDERQ_HISTORY";

    /// <summary>The most statements the history file keeps.</summary>
    public const int HistoryLimit = 1000;

    private const string ContinuationPrompt = "...> ";

    private readonly IAnsiConsole _console;
    private readonly string? _historyPath;
    private Task? _abandoned;
    private CancellationTokenSource? _running;

    private InteractiveConsole(IAnsiConsole console, string? historyPath)
    {
        _console = console;
        _historyPath = historyPath;
    }

    /// <summary>
    /// The history file: <c>$BORDERQ_HISTORY</c> when set (empty: no history file), else <c>borderq/history</c> under
    /// the user's local data folder (<c>~/.local/share</c> on Linux).
    /// </summary>
    public static string? HistoryPath
    {
        get
        {
            if (Environment.GetEnvironmentVariable(HistoryVariable) is { } path)
            {
                return path.Length == 0 ? null : path;
            }

            var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return data.Length == 0 ? null : Path.Combine(data, "borderq", "history");
        }
    }

    /// <summary>A console on the process's terminal, or <see langword="null"/> when it cannot edit there.</summary>
    public static InteractiveConsole? Create()
    {
        var console = AnsiConsole.Console;
        return console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi ? new InteractiveConsole(console, HistoryPath) : null;
    }

    /// <summary>Reads and runs statements until <c>.quit</c> or Ctrl-D; returns the exit code (0).</summary>
    public int Run(Session session, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.SeparateResults = false;
        var history = LoadHistory();
        var completion = new SchemaCompletion(session);
        var statement = new StringBuilder();
        var editor = new LineEditor(history, (before, word) => completion.Complete(statement.Length == 0 ? before : statement + "\n" + before, word));
        _console.MarkupLine($"[bold]borderq {Markup.Escape(BorderqApp.Version)}[/]: type a query ending with [bold];[/], [bold].help[/] for help, [bold].quit[/] to leave.");
        System.Console.CancelKeyPress += OnCancelKey;
        try
        {
            Loop(session, editor, history, statement, stdout, stderr);
        }
        finally
        {
            System.Console.CancelKeyPress -= OnCancelKey;
        }

        stdout.Flush();
        return BorderqApp.ExitOk;
    }

    private void Loop(Session session, LineEditor editor, List<string> history, StringBuilder statement, TextWriter stdout, TextWriter stderr)
    {
        while (!session.QuitRequested)
        {
            var end = ReadLine(editor, statement.Length == 0 ? BorderqApp.Prompt : ContinuationPrompt, out var line);
            if (end == LineEnd.EndOfInput)
            {
                break;
            }

            if (end == LineEnd.Cancelled)
            {
                // Ctrl-C: the line, and any statement begun on earlier lines, are dropped.
                statement.Clear();
                continue;
            }

            if (statement.Length > 0)
            {
                statement.Append('\n');
            }

            statement.Append(line);
            var text = statement.ToString();
            if (!IsComplete(text, line))
            {
                continue;
            }

            statement.Clear();
            if (Session.Trim(text).Length == 0)
            {
                continue;
            }

            var entry = string.Join(' ', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
            if (history.Count == 0 || history[^1] != entry)
            {
                history.Add(entry);
                SaveHistory(entry);
            }

            RunCancellable(session, text, stdout, stderr);
        }
    }

    private static LineEnd ReadLine(LineEditor editor, string prompt, out string line)
    {
        var treatControlC = System.Console.TreatControlCAsInput;
        System.Console.TreatControlCAsInput = true;
        try
        {
            return editor.ReadLine(prompt, out line);
        }
        finally
        {
            System.Console.TreatControlCAsInput = treatControlC;
        }
    }

    /// <summary>
    /// Whether the text typed so far is a statement to run: it ends with <c>;</c> (outside strings and comments), is a
    /// meta-command, its last line is empty, or it is a whole query. Text that breaks off in the middle of a query
    /// (the parser's error is at its end) waits for more lines; any other error runs, to show the diagnostic.
    /// </summary>
    public static bool IsComplete(string text, string lastLine)
    {
        if (lastLine.Trim().Length == 0 || Session.IsCommand(text))
        {
            return true;
        }

        var last = default(QueryToken?);
        foreach (var token in QueryLexer.Tokens(text))
        {
            if (token.IsContent)
            {
                last = token;
            }
        }

        if (last is { Kind: QueryTokenKind.Symbol } end && text[end.Start] == ';')
        {
            return true;
        }

        if (last is { Kind: QueryTokenKind.String, IsTerminated: false })
        {
            return false;
        }

        var trimmed = Session.Trim(text);
        if (trimmed.StartsWith("explain", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[7..];
        }

        var parsed = QueryParser.Parse(trimmed);
        if (parsed.Query is not null)
        {
            return true;
        }

        // An error before the end is a mistake to show now; one at the end means the query goes on.
        return parsed.Diagnostics.Count == 0 || parsed.Diagnostics[0].Span.Start < trimmed.TrimEnd().Length;
    }

    // Runs the statement on another thread so that Ctrl-C (SIGINT) cancels it without ending borderq: its token is
    // cancelled (a database stops the command; a query waiting in the test-only delay stops waiting), its output is
    // dropped, "cancelled" is printed and the prompt comes back. A cancelled query still finishing is waited for before
    // the next statement, which may use the same database connection.
    private void RunCancellable(Session session, string text, TextWriter stdout, TextWriter stderr)
    {
        _abandoned?.Wait();
        _abandoned = null;
        var output = new GateWriter(stdout);
        var errors = new GateWriter(stderr);
        var cancel = new CancellationTokenSource();
        Volatile.Write(ref _running, cancel);
        Task<int> run;
        try
        {
            run = Task.Run(() => session.Execute(text, output, errors, cancel.Token));
            WaitHandle.WaitAny([((IAsyncResult)run).AsyncWaitHandle, cancel.Token.WaitHandle]);

            // Cancelled unless it had already answered: the run may have ended by now, with the token's exception.
            if (cancel.IsCancellationRequested && !run.IsCompletedSuccessfully)
            {
                output.Close();
                errors.Close();
                _abandoned = run.ContinueWith(_ => cancel.Dispose(), TaskScheduler.Default);
                stderr.WriteLine(CliMessages.Cancelled);
            }
            else
            {
                run.GetAwaiter().GetResult();
                cancel.Dispose();
            }
        }
        finally
        {
            Volatile.Write(ref _running, null);
        }

        stdout.Flush();
        stderr.Flush();
    }

    // Ctrl-C while a statement runs (the line editor reads Ctrl-C as a key): cancel it; never end the process.
    private void OnCancelKey(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        try
        {
            Volatile.Read(ref _running)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The statement ended as the key came.
        }
    }

    private List<string> LoadHistory()
    {
        if (_historyPath is null || !File.Exists(_historyPath))
        {
            return [];
        }

        try
        {
            var lines = File.ReadAllLines(_historyPath).Where(l => l.Length > 0).ToList();
            return lines.Count > HistoryLimit ? lines[^HistoryLimit..] : lines;
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private void SaveHistory(string entry)
    {
        if (_historyPath is null)
        {
            return;
        }

        try
        {
            if (Path.GetDirectoryName(_historyPath) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            File.AppendAllText(_historyPath, entry + "\n");
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            // A history that cannot be written is not a reason to stop the console.
        }
    }

    /// <summary>A writer that passes writes on until <see cref="Close"/>, then drops them (a cancelled query's output).</summary>
    private sealed class GateWriter(TextWriter inner) : TextWriter
    {
        private volatile bool _closed;

        public override Encoding Encoding => inner.Encoding;

        public override void Close() => _closed = true;

        public override void Write(char value)
        {
            if (!_closed)
            {
                inner.Write(value);
            }
        }

        public override void Write(string? value)
        {
            if (!_closed)
            {
                inner.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            if (!_closed)
            {
                inner.Write(buffer, index, count);
            }
        }

        public override void WriteLine(string? value)
        {
            if (!_closed)
            {
                inner.WriteLine(value);
            }
        }

        public override void Flush()
        {
            if (!_closed)
            {
                inner.Flush();
            }
        }

        protected override void Dispose(bool disposing) => _closed = true;
    }
}
