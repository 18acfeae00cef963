// RunGuarded turns any exception the app did not handle into one line on stderr and exit code 70, never a stack trace.
return new BorderDomain.Cli.BorderqApp().RunGuarded(args, System.Console.In, System.Console.Out, System.Console.Error);
