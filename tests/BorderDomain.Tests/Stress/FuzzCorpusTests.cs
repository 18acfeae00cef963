using System;
using System.IO;
using System.Linq;
using BorderDomain.Fuzz;
using Xunit;

namespace BorderDomain.Tests.Stress;

/// <summary>
/// The coverage-guided fuzzer's saved corpus (<c>tests/BorderDomain.Fuzz/corpus/&lt;target&gt;/</c>: seeds, hostile inputs
/// and inputs the fuzzer found, crashes included once found) run through the fuzz targets' own per-input logic, one test
/// case per file, so every input that ever mattered keeps being checked without the fuzzer.
/// </summary>
public sealed class FuzzCorpusTests
{
    private const int MaxFiles = 400;
    private const int MaxFileBytes = 64 * 1024;

    /// <summary>Every corpus file, as (target, file name).</summary>
    public static TheoryData<string, string> Files
    {
        get
        {
            var files = new TheoryData<string, string>();
            foreach (var target in FuzzTargets.Names)
            {
                foreach (var file in Directory.EnumerateFiles(CorpusFolder(target)).Select(Path.GetFileName).Order(StringComparer.Ordinal))
                {
                    files.Add(target, file!);
                }
            }

            return files;
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Run_SavedCorpusFile_GivesAnAnswerNotAnException(string target, string file) =>
        FuzzTargets.Run(target, File.ReadAllBytes(Path.Combine(CorpusFolder(target), file)));

    [Fact]
    public void Corpus_EveryTarget_HasSmallSeedFiles()
    {
        var total = 0;
        foreach (var target in FuzzTargets.Names)
        {
            var files = Directory.GetFiles(CorpusFolder(target));
            Assert.True(files.Length >= 20, $"corpus/{target} has only {files.Length} files.");
            Assert.All(files, file => Assert.True(new FileInfo(file).Length <= MaxFileBytes, $"{file} is over {MaxFileBytes} bytes."));
            total += files.Length;
        }

        Assert.True(total <= MaxFiles, $"The corpus has {total} files; minimise it (afl-cmin) to at most {MaxFiles}.");
    }

    [Fact]
    public void Load_ValidSeedFiles_LoadRecords()
    {
        var valid = Directory.GetFiles(CorpusFolder("load"), "valid-*");
        Assert.NotEmpty(valid);
        foreach (var file in valid)
        {
            using var stream = File.OpenRead(file);
            Assert.True(FuzzTargets.Load(stream), $"{Path.GetFileName(file)} was rejected.");
        }
    }

    [Fact]
    public void Load_NotJson_IsRejectedNotLoaded()
    {
        using var stream = new MemoryStream("accords where parties has PER"u8.ToArray());
        Assert.False(FuzzTargets.Load(stream));
    }

    [Fact]
    public void Run_UnknownTarget_Throws() =>
        Assert.Throws<ArgumentException>(() => FuzzTargets.Run("parse", []));

    private static string CorpusFolder(string target) => Path.Combine(RepositoryRoot(), "tests", "BorderDomain.Fuzz", "corpus", target);

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
