namespace BorderDomain.Data;

/// <summary>
/// A JSON path not yet written out: a path's text, or an array's path and an element's index
/// (<c>$.accords</c> and 3 for <c>$.accords[3]</c>). A record read from a file carries one, and its text is made only
/// when an error names it, so a file of a million valid records makes no path string at all.
/// </summary>
internal readonly struct JsonPath
{
    private readonly string _path;
    private readonly int _index;

    /// <summary>The path <paramref name="path"/>, or its element <paramref name="index"/> when that is not negative.</summary>
    public JsonPath(string path, int index = -1)
    {
        _path = path;
        _index = index;
    }

    /// <summary>The path whose text is <paramref name="path"/>.</summary>
    public static implicit operator JsonPath(string path) => new(path);

    /// <summary>The path's text: <c>$.accords[3]</c>.</summary>
    public override string ToString() =>
        _index < 0 ? _path ?? "$" : string.Concat(_path, "[", _index.ToString(System.Globalization.CultureInfo.InvariantCulture), "]");
}
