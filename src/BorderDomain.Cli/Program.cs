// Standard input and output on a terminal: the interactive console. Otherwise standard input is read as a script.
// RunGuarded turns any exception the app did not handle into one line on stderr and exit code 70, never a stack trace.
using BorderDomain.Cli;

var terminal = !System.Console.IsInputRedirected && !System.Console.IsOutputRedirected;
var app = new BorderqApp
{
    Console = terminal ? InteractiveConsole.Create() : null,
    // One column spare: a line exactly as wide as the terminal makes some terminals add an empty line after it.
    TerminalWidth = System.Console.IsOutputRedirected ? null : System.Math.Max(20, System.Console.WindowWidth - 1),
};
return app.RunGuarded(args, System.Console.In, System.Console.Out, System.Console.Error);
