using System;
using System.IO;
using System.Linq;
using System.Text;
using BorderDomain.Data;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Loading;

/// <summary>Loads JSON text as a named stream and asserts the exact errors: kind, path, line and message.</summary>
internal static class LoadAssert
{
    public const string Name = "name.json";

    /// <summary>
    /// Loads <paramref name="json"/> into the bundled store, asserts it is rejected with exactly
    /// <paramref name="expected"/> (as a set, all in <see cref="Name"/>), and that the bundled store is unchanged.
    /// </summary>
    public static BorderDataException Rejects(string json, params (DataErrorKind Kind, string Path, int? Line, string Message)[] expected)
    {
        var store = BorderStore.Default;
        var before = StoreCounts.Of(store);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(store, stream, Name));

        Assert.Equal(
            expected.Select(e => (e.Kind, e.Path, e.Line, e.Message, (string?)Name)).OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Kind),
            error.Errors.Select(e => (e.Kind, e.Path, e.Line, e.Message, e.File)).OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Kind));
        StoreCounts.AssertDefaultUnchanged(before, store);
        return error;
    }

    /// <summary>Loads <paramref name="json"/> into the bundled store and returns the new snapshot.</summary>
    public static BorderStore Loads(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return BorderDataset.Load(BorderStore.Default, stream, Name);
    }
}
