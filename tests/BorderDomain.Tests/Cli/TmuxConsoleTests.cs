using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Xunit;

namespace BorderDomain.Tests.Cli;

/// <summary>
/// The real <c>borderq</c> prompt on a real terminal: tmux runs it, <c>send-keys</c> types, <c>capture-pane</c> reads
/// the screen. Each step waits (polling, up to <see cref="Patience"/>) for the text it expects; not seeing it in time
/// is a failure, not a timing measurement. tmux is installed by <c>.ci/run</c>.
/// </summary>
public sealed class TmuxConsoleTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _socket = "bdq-test-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bdq-tmux-" + Guid.NewGuid().ToString("N")[..12]);

    public TmuxConsoleTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Console_EditsRecallsCompletesDescribesCancels_AndQuits()
    {
        var history = Path.Combine(_folder, "history");
        var borderq = Path.Combine(AppContext.BaseDirectory, "BorderDomain.Cli.dll");
        Tmux("new-session", "-d", "-s", "bdq", "-x", "150", "-y", "50",
            $"env {InteractiveConsoleHistoryVariable}='{history}' TERM=xterm '{Dotnet}' '{borderq}'; sleep 600");
        WaitFor("bdq>");

        // A two-line statement: the first line is not a whole query, so the prompt continues; ';' ends it.
        Type("accords where parties has PER and");
        Keys("Enter");
        WaitFor("...>");
        Type("parties has ECU count");
        Semicolon();
        Keys("Enter");
        var screen = WaitFor(line => line.Trim() == "6");

        // Up recalls the whole statement, on one line; Enter runs it again.
        Keys("Up");
        WaitFor("bdq> accords where parties has PER and parties has ECU count;");
        Keys("C-c");
        WaitFor("^C");

        // (capture-pane drops the spaces at the end of a line: the space a completion adds is not on the screen.)
        // Tab completes a set's name from the schema, then a field of that set.
        Type("stati");
        Keys("Tab");
        WaitFor(line => line.EndsWith("bdq> statistics", StringComparison.Ordinal));
        Type("where met");
        Keys("Tab");
        WaitFor(line => line.EndsWith("bdq> statistics where metric", StringComparison.Ordinal));
        Type("= BorderLe");
        Keys("Tab");
        WaitFor(line => line.EndsWith("bdq> statistics where metric = BorderLength", StringComparison.Ordinal));
        Type("count");
        Semicolon();
        Keys("Enter");
        WaitFor(line => line.Trim() == "2");

        // Discovery: the fields of a set, with their types and indexes.
        Type(".fields accords");
        Keys("Enter");
        screen = WaitFor("fields of accords");
        Assert.Contains("parties", screen);
        Assert.Contains("list of nation", screen);

        // A typo: the diagnostic points at it with carets.
        Type("accords whre kind = Pledge");
        Keys("Enter");
        screen = WaitFor("BDQ0001");
        Assert.Contains("        ^^^^", screen);

        // Ctrl-C drops the line being typed, and the console goes on.
        Type("accords where");
        Keys("C-c");
        WaitFor("bdq> accords where^C");
        Type("nations count");
        Keys("Enter");
        WaitFor(line => line.Trim() == "7");

        Type(".quit");
        Keys("Enter");
        WaitUntil(IsBorderqGone);
        Assert.Contains("accords where parties has PER and parties has ECU count;", File.ReadAllText(history));
    }

    [Fact]
    public void Console_CtrlCWhileAQueryRuns_CancelsIt_AndThePromptComesBack()
    {
        // The query waits ten minutes before it runs (the test-only slow path), far longer than this test's patience:
        // its end is Ctrl-C's doing. bash runs borderq, so the shell outlives the SIGINT the terminal sends them both.
        var script = Path.Combine(_folder, "run.sh");
        var borderq = Path.Combine(AppContext.BaseDirectory, "BorderDomain.Cli.dll");
        File.WriteAllText(script,
            $"env {InteractiveConsoleHistoryVariable}='' {QueryDelayVariable}=600000 TERM=xterm '{Dotnet}' '{borderq}'\necho \"borderq ended: $?\"\nsleep 600\n");
        Tmux("new-session", "-d", "-s", "bdq", "-x", "150", "-y", "50", $"exec bash '{script}'");
        WaitFor("bdq>");

        Type("accords count");
        Semicolon();
        Keys("Enter");
        WaitFor("bdq> accords count;");

        // The statement runs once its line is echoed and the console has started it; a Ctrl-C that came before that
        // (a busy machine) is pressed again until the console says it cancelled.
        Thread.Sleep(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(CancelledMessage, Tmux("capture-pane", "-p", "-t", "bdq"));
        string? screen = null;
        var clock = Stopwatch.StartNew();
        while (screen is null && clock.Elapsed < Patience)
        {
            Keys("C-c");
            screen = Poll(line => line.Contains(CancelledMessage, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        }

        if (screen is null)
        {
            throw new Xunit.Sdk.XunitException("Ctrl-C never cancelled the running query. The screen shows:\n" + Tmux("capture-pane", "-p", "-t", "bdq"));
        }

        Assert.DoesNotContain("13", screen.Split('\n').Select(l => l.Trim()));
        Assert.DoesNotContain("borderq ended", screen);

        // The console goes on at once: a cancelled query that kept running would hold the next statement back.
        WaitFor(line => line.TrimEnd() == "bdq>");
        Type(".fields accords");
        Keys("Enter");
        screen = WaitFor("fields of accords");
        Assert.Contains("parties", screen);

        // borderq was alive all along, and ends now, as asked, with exit code 0.
        Type(".quit");
        Keys("Enter");
        WaitFor("borderq ended: 0");
    }

    private const string QueryDelayVariable = BorderDomain.Cli.Session.QueryDelayVariable;

    private const string CancelledMessage = BorderDomain.Cli.CliMessages.Cancelled;

    // The dotnet that runs the tests (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    private const string InteractiveConsoleHistoryVariable = BorderDomain.Cli.InteractiveConsole.HistoryVariable;

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // The server already ended.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private void Type(string text) => Tmux("send-keys", "-t", "bdq", "-l", text);

    // tmux reads a ';' ending an argument as its own command separator: send the key by its code.
    private void Semicolon() => Tmux("send-keys", "-t", "bdq", "-H", "3b");

    private void Keys(string key) => Tmux("send-keys", "-t", "bdq", key);

    private string WaitFor(string text) => WaitFor(line => line.Contains(text, StringComparison.Ordinal));

    private static void WaitUntil(Func<bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > Patience)
            {
                throw new Xunit.Sdk.XunitException("borderq did not end after .quit.");
            }

            Thread.Sleep(200);
        }
    }

    // Polls the screen until a line matches.
    private string WaitFor(Func<string, bool> matches) =>
        Poll(matches, Patience) ?? throw new Xunit.Sdk.XunitException("The screen never showed what was expected. It shows:\n" + Tmux("capture-pane", "-p", "-t", "bdq"));

    // The screen once a line matches, or null when none did within `patience`.
    private string? Poll(Func<string, bool> matches, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            var screen = Tmux("capture-pane", "-p", "-t", "bdq");
            if (screen.Split('\n').Any(matches))
            {
                return screen;
            }

            Thread.Sleep(200);
        }

        return null;
    }

    // After borderq ends, the pane runs the "sleep" that keeps it open.
    private bool IsBorderqGone() => Tmux("display-message", "-p", "-t", "bdq", "#{pane_current_command}").Trim() == "sleep";

    private string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("tmux did not start.");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {error}");
        }

        return output;
    }
}
