using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace BorderDomain.Tests.Rendering;

/// <summary>Builds and runs samples/Embedding (its own records in a QueryStore, queried at run time and through the generator) and checks what it prints.</summary>
[Collection(ProcessTestCollection.Name)]
public class EmbeddingSampleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_embedding_sample_builds_runs_and_prints_its_answers()
    {
        var root = RepositoryRoot();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var arg in new[] { "run", "--project", Path.Combine("samples", "Embedding"), "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the sample did not finish in time");
            }
        }

        var output = (await stdout).Replace("\r\n", "\n", StringComparison.Ordinal);
        var errors = await stderr;
        Assert.True(process.ExitCode == 0, $"dotnet run exited with {process.ExitCode}:\n{output}\n{errors}");
        Assert.Contains("indexed lookup: c-1, c-4, c-5\n", output);
        Assert.Contains("store: c-4 640, c-2 300\n", output);
        Assert.Contains("group: Road 3940\ngroup: Foot 300\ngroup: River 45\n", output);
        Assert.Contains("crossings (5 rows)\n  ", output);
        Assert.Contains("posting list of mode: mode = Road -> ", output);
        Assert.Contains("run time: c-1 Huaquillas bridge 1200\nrun time: c-4 Macará 640\nrun time: c-2 Aguas Verdes 300\n", output);
        Assert.Contains(
            "crossings where chekpoint contains \"bridge\"\n                ^^^^^^^^^\nBDQ0102 (1,17): Unknown field 'chekpoint' on crossings; did you mean 'checkpoint'?\n",
            output);
        Assert.Contains("limit: BDQ0003", output);
        Assert.Contains("generated busy roads: c-5, c-1, c-4\n", output);
        Assert.Contains("generated seizures: 2\n", output);
        Assert.Contains("generated recorded by Peru: c-4, c-2, c-3\n", output);
        Assert.Contains("generated: pe-ec-2013-fuel, ", output);
        Assert.Matches("generated count: [0-9]+\n", output);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BorderDomain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BorderDomain.sln not found above " + AppContext.BaseDirectory);
    }
}
