using System;
using System.IO;
using System.Linq;
using BorderDomain.Data;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Loading;

/// <summary>
/// Paths that cannot name a file, and files or streams that fail while being read: each is a <see cref="DataError"/>,
/// never an exception other than <see cref="BorderDataException"/> from <c>Load</c>, and no exception from <c>TryLoad</c>.
/// </summary>
public sealed class InvalidPathTests
{
    public static TheoryData<string, string, string> BadPaths() => new()
    {
        { string.Empty, string.Empty, "The path is empty." },
        { "data\0.json", "data\\0.json", "The path contains a NUL character." },
        { "\0", "\\0", "The path contains a NUL character." },
    };

    [Theory]
    [MemberData(nameof(BadPaths))]
    public void Load_InvalidPath_ReportsInvalidPathNamingTheProblem(string path, string shownAs, string message)
    {
        var store = BorderStore.Default;
        var before = StoreCounts.Of(store);

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(store, path));

        var only = Assert.Single(error.Errors);
        Assert.Equal((DataErrorKind.InvalidPath, "$", (int?)null, (string?)shownAs, message), (only.Kind, only.Path, only.Line, only.File, only.Message));
        StoreCounts.AssertDefaultUnchanged(before, store);
    }

    [Theory]
    [MemberData(nameof(BadPaths))]
    public void TryLoad_InvalidPath_ReturnsFalseWithInvalidPath(string path, string shownAs, string message)
    {
        var store = BorderStore.Default;

        Assert.False(BorderDataset.TryLoad(store, [path], out var result, out var errors));

        Assert.Same(store, result);
        var only = Assert.Single(errors);
        Assert.Equal((DataErrorKind.InvalidPath, (string?)shownAs, message), (only.Kind, only.File, only.Message));
    }

    [Fact]
    public void TryLoad_NullPathInTheList_ReturnsFalseWithInvalidPath()
    {
        Assert.False(BorderDataset.TryLoad(BorderStore.Default, [null!], out _, out var errors));

        var only = Assert.Single(errors);
        Assert.Equal((DataErrorKind.InvalidPath, (string?)null, "The path is null."), (only.Kind, only.File, only.Message));
    }

    [Fact]
    public void TryLoad_Directory_ReturnsFalseWithInvalidPath()
    {
        using var files = new DataFiles();
        var directory = Path.GetDirectoryName(files.Write("a.json", "{}"))!;

        Assert.False(BorderDataset.TryLoad(BorderStore.Default, [directory], out _, out var errors));

        var only = Assert.Single(errors);
        Assert.Equal((DataErrorKind.InvalidPath, "$", (string?)directory, "The path names a directory, not a file."), (only.Kind, only.Path, only.File, only.Message));
    }

    [Fact]
    public void Load_BadPathAmongGoodFiles_ReportsItAndStillChecksTheOthers()
    {
        using var files = new DataFiles();
        var bad = files.Write("bad.json", """{ "extra": 1 }""");

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(BorderStore.Default, string.Empty, bad));

        Assert.Equal(
            [(DataErrorKind.InvalidPath, string.Empty), (DataErrorKind.UnknownProperty, bad)],
            error.Errors.Select(e => (e.Kind, e.File!)));
    }

    [Fact]
    public void Load_StreamThatFailsWhileBeingRead_ReportsUnreadable()
    {
        using var stream = new FailingStream(new InvalidOperationException("the device went away"));

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(BorderStore.Default, stream, "failing"));

        var only = Assert.Single(error.Errors);
        Assert.Equal((DataErrorKind.Unreadable, "$", (string?)"failing", "The file cannot be read: the device went away"), (only.Kind, only.Path, only.File, only.Message));
    }

    /// <summary>A stream whose every read throws the given exception.</summary>
    private sealed class FailingStream(Exception failure) : ForwardOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw failure;
    }
}
