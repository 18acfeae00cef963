return new BorderDomain.Cli.BorderqApp().Run(args, System.Console.In, System.Console.Out, System.Console.Error);
