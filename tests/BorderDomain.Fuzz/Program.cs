using System;
using System.IO;
using System.Linq;
using BorderDomain.Fuzz;
using SharpFuzz;

// borderdomain-fuzz query|load: under afl-fuzz, the fork server feeds one input after another to the target; run by
// hand, it reads one input from standard input (to reproduce a finding: borderdomain-fuzz query < crash-file).
// Any exception that escapes the target is a crash, by design.
if (args.Length != 1 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: BorderDomain.Fuzz {string.Join("|", FuzzTargets.Names)}   (input on standard input, or from afl-fuzz)");
    return 2;
}

var target = args[0];
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    FuzzTargets.Run(target, buffer.ToArray());
});
return 0;
