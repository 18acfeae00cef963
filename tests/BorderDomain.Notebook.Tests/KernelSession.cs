using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace BorderDomain.Notebook.Tests;

/// <summary>
/// One <c>dotnet-interactive stdio</c> process: each command goes in as one JSON envelope line
/// (<c>{"token":…,"commandType":"SubmitCode","command":{"code":…,"targetKernelName":"csharp"}}</c>), and every event
/// comes out as one line (<c>{"event":…,"eventType":…,"command":{"token":…}}</c>). A command's own events carry its
/// token; the commands it causes (a <c>#r</c>'s extension script, a <c>#!share</c>'s value request) carry
/// <c>token.N</c>. Non-JSON lines (the banner) are ignored.
/// </summary>
public sealed class KernelSession : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly Channel<JsonObject> _events = Channel.CreateUnbounded<JsonObject>();
    private readonly List<string> _stderr = [];
    private int _next;

    private KernelSession(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _events.Writer.TryComplete();
            }
            else if (e.Data.StartsWith('{') && JsonNode.Parse(e.Data) is JsonObject evt)
            {
                _events.Writer.TryWrite(evt);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.Add(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts the kernel with C# as the default kernel and <paramref name="workingDirectory"/> as the notebook's folder (as VS Code does).</summary>
    public static KernelSession Start(string tool, string workingDirectory)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in new[] { "stdio", "--default-kernel", "csharp", "--working-dir", workingDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new KernelSession(Process.Start(start) ?? throw new InvalidOperationException("could not start " + tool));
    }

    /// <summary>Submits <paramref name="code"/> to <paramref name="kernel"/> and returns every event of the command and its children.</summary>
    public Task<CommandRun> SubmitCodeAsync(string code, string kernel) =>
        SendAsync("SubmitCode", new JsonObject { ["code"] = code, ["targetKernelName"] = kernel });

    /// <summary>Asks <paramref name="kernel"/> for completions at <paramref name="line"/>, <paramref name="character"/> (0-based) of <paramref name="code"/>.</summary>
    public Task<CommandRun> RequestCompletionsAsync(string code, int line, int character, string kernel) =>
        SendAsync("RequestCompletions", new JsonObject
        {
            ["code"] = code,
            ["linePosition"] = new JsonObject { ["line"] = line, ["character"] = character },
            ["targetKernelName"] = kernel,
        });

    /// <summary>Asks <paramref name="kernel"/> which values it can share.</summary>
    public Task<CommandRun> RequestValueInfosAsync(string kernel) =>
        SendAsync("RequestValueInfos", new JsonObject { ["mimeType"] = "text/plain", ["targetKernelName"] = kernel });

    private async Task<CommandRun> SendAsync(string commandType, JsonObject command)
    {
        var token = $"test-{++_next}";
        var envelope = new JsonObject { ["token"] = token, ["commandType"] = commandType, ["command"] = command };
        await _process.StandardInput.WriteLineAsync(envelope.ToJsonString());
        await _process.StandardInput.FlushAsync();

        var events = new List<KernelEvent>();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            while (true)
            {
                var evt = await _events.Reader.ReadAsync(timeout.Token);
                var eventToken = evt["command"]?["token"]?.GetValue<string>() ?? string.Empty;
                if (eventToken != token && !eventToken.StartsWith(token + ".", StringComparison.Ordinal))
                {
                    continue;
                }

                var kernelEvent = new KernelEvent(evt["eventType"]!.GetValue<string>(), eventToken, (JsonObject)evt["event"]!);
                events.Add(kernelEvent);
                if (eventToken == token && kernelEvent.Type is "CommandSucceeded" or "CommandFailed")
                {
                    return new CommandRun(commandType, command["code"]?.GetValue<string>() ?? string.Empty, events);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            throw new TimeoutException($"the kernel sent no CommandSucceeded/CommandFailed for {commandType} within {CommandTimeout} (it {(_process.HasExited ? "exited" : "is still running")}); events:\n"
                + string.Join('\n', events.Select(x => x.ToString())) + "\nstderr:\n" + Stderr());
        }
    }

    private string Stderr()
    {
        lock (_stderr)
        {
            return string.Join('\n', _stderr.TakeLast(40));
        }
    }

    /// <summary>Closes the kernel's input (it exits) and kills it if it has not gone within 10 seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }
}

/// <summary>One event the kernel published: its type, the token of the command it belongs to, and its JSON body.</summary>
public sealed record KernelEvent(string Type, string Token, JsonObject Body)
{
    /// <summary>The value of each formatted value of the given MIME type (display, return value, standard output).</summary>
    public IEnumerable<string> Formatted(string mimeType) =>
        (Body["formattedValues"] as JsonArray ?? [])
            .Where(v => v?["mimeType"]?.GetValue<string>() == mimeType)
            .Select(v => v!["value"]!.GetValue<string>());

    public override string ToString() => $"{Token} {Type}: {Shorten(Body.ToJsonString(), 600)}";

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}

/// <summary>The events of one command and of every command it caused.</summary>
public sealed record CommandRun(string CommandType, string Code, IReadOnlyList<KernelEvent> Events)
{
    /// <summary>
    /// Every failure the kernel reported for the command or any of its children: <c>CommandFailed</c>,
    /// <c>ErrorProduced</c>, and error- or warning-level diagnostics (the kernel compiles with nullable off, so a stray
    /// <c>?</c> annotation warns). A broken extension script leaves the <c>#r</c> cell successful and only fails its
    /// child command, so this looks at every event.
    /// </summary>
    public IReadOnlyList<string> Failures =>
        Events.SelectMany(e => e.Type switch
        {
            "CommandFailed" or "ErrorProduced" => [$"{e.Token} {e.Type}: {e.Body["message"]?.GetValue<string>()}"],
            "DiagnosticsProduced" => (e.Body["diagnostics"] as JsonArray ?? [])
                .Where(d => d?["severity"]?.GetValue<string>() is "error" or "warning")
                .Select(d => $"{e.Token} {d!["severity"]} {d["code"]}: {d["message"]}"),
            _ => Array.Empty<string>(),
        }).Distinct().ToList();

    /// <summary>Whether the command itself (not a child) failed.</summary>
    public bool Failed => Events.Any(e => e.Type == "CommandFailed" && !e.Token.Contains('.', StringComparison.Ordinal));

    /// <summary>The message of the command's own <c>CommandFailed</c>, or null.</summary>
    public string? FailureMessage => Events.LastOrDefault(e => e.Type == "CommandFailed" && !e.Token.Contains('.', StringComparison.Ordinal))?.Body["message"]?.GetValue<string>();

    /// <summary>Every formatted value of <paramref name="mimeType"/> the command displayed or returned.</summary>
    public IReadOnlyList<string> Outputs(string mimeType) =>
        Events.Where(e => e.Type is "DisplayedValueProduced" or "ReturnValueProduced" or "StandardOutputValueProduced")
            .SelectMany(e => e.Formatted(mimeType)).ToList();

    /// <summary>The cell's return value as text/plain, or null when it returned nothing.</summary>
    public string? ReturnedText => Events.Where(e => e.Type == "ReturnValueProduced").SelectMany(e => e.Formatted("text/plain")).LastOrDefault();

    /// <summary>The completion items' display texts.</summary>
    public IReadOnlyList<string> Completions =>
        Events.Where(e => e.Type == "CompletionsProduced")
            .SelectMany(e => e.Body["completions"] as JsonArray ?? [])
            .Select(c => c!["displayText"]!.GetValue<string>()).ToList();

    public override string ToString() => $"{CommandType} of:\n{Code}\nevents:\n{string.Join('\n', Events)}";
}
