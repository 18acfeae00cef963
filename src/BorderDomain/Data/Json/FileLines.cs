using System;
using System.Text.Json;

namespace BorderDomain.Data;

/// <summary>
/// The lines of a data file's values, for errors found after the file was read. The <see cref="JsonLineMap"/> is built
/// on the first question, so a file without errors never pays for one; a file with errors is walked once more.
/// </summary>
/// <param name="utf8">The file's text (well-formed JSON: a malformed file has no errors by path to place).</param>
/// <param name="options">The options the file was read with.</param>
internal sealed class FileLines(ReadOnlyMemory<byte> utf8, JsonReaderOptions options)
{
    private JsonLineMap? _map;

    /// <summary>The line of the value at <paramref name="path"/>, or of its nearest enclosing value.</summary>
    public int? LineOf(string path) =>
        (_map ??= JsonLineMap.Build(utf8.Span, options, null, new DataErrorSink(0))).LineOf(path);
}
