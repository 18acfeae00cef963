using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace BorderDomain.Data.Json;

/// <summary>
/// The 1-based line of every value in a JSON document, by JSON path (<c>$.accords[3].parties[1]</c>), so errors
/// found after deserialising can still name their line.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines;

    private JsonLineMap(Dictionary<string, int> lines, List<(string Path, int Line)> duplicates)
    {
        _lines = lines;
        Duplicates = duplicates;
    }

    /// <summary>Properties written twice in one object (JSON readers keep only the last), with their second line.</summary>
    public IReadOnlyList<(string Path, int Line)> Duplicates { get; }

    /// <summary>The line of the value at <paramref name="path"/>, or of its nearest enclosing value.</summary>
    public int? LineOf(string path)
    {
        while (true)
        {
            if (_lines.TryGetValue(path, out var line))
            {
                return line;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return null;
            }

            path = path[..cut];
        }
    }

    /// <summary>Walks the document; throws <see cref="JsonException"/> (with line and path) when it is malformed.</summary>
    public static JsonLineMap Build(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = new List<(string Path, int Line)>();
        var reader = new Utf8JsonReader(utf8, options);
        var path = new List<Segment>();
        var line = 1;
        var scanned = 0;
        string? pendingProperty = null;
        while (reader.Read())
        {
            var position = (int)reader.TokenStartIndex;
            line += utf8[scanned..position].Count((byte)'\n');
            scanned = position;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = reader.GetString();
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    continue;
            }

            // A value: an element of the enclosing array, or the value of the pending property.
            if (path.Count > 0 && path[^1].IsArray)
            {
                path[^1] = path[^1] with { Index = path[^1].Index + 1 };
            }

            var here = Format(path, pendingProperty);
            if (!lines.TryAdd(here, line))
            {
                duplicates.Add((here, line)); // array elements have distinct indexes, so only a repeated property lands here
            }
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                path.Add(new Segment(pendingProperty, reader.TokenType == JsonTokenType.StartArray, -1));
            }

            pendingProperty = null;
        }

        return new JsonLineMap(lines, duplicates);
    }

    private static string Format(List<Segment> path, string? property)
    {
        var text = new StringBuilder("$");
        for (var i = 0; i < path.Count; i++)
        {
            if (path[i].Property is { } name)
            {
                text.Append('.').Append(name);
            }

            if (path[i].IsArray && path[i].Index >= 0 && i < path.Count)
            {
                text.Append('[').Append(path[i].Index).Append(']');
            }
        }

        if (property is not null)
        {
            text.Append('.').Append(property);
        }

        return text.ToString();
    }

    private readonly record struct Segment(string? Property, bool IsArray, int Index);
}
