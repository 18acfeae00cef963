using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace BorderDomain.Data;

/// <summary>
/// The 1-based line of every value in a JSON document, found by JSON path (<c>$.accords[3].parties[1]</c>), so errors
/// found after reading can still name their line. Kept as a tree shaped like the document, with the lines of array
/// elements in a plain list, so a file of a million values costs a few bytes per value, not a string per path.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Node _root;

    private JsonLineMap(Node root) => _root = root;

    /// <summary>The line of the value at <paramref name="path"/>, or of its nearest enclosing value.</summary>
    public int? LineOf(string path)
    {
        if (!path.StartsWith('$'))
        {
            return null;
        }

        var node = _root;
        var line = _root.Line;
        var at = 1;
        while (at < path.Length && node is not null)
        {
            if (path[at] == '.')
            {
                var end = path.IndexOfAny(['.', '['], at + 1);
                end = end < 0 ? path.Length : end;
                if (node.Properties?.TryGetValue(path[(at + 1)..end], out var child) != true)
                {
                    break;
                }

                node = child;
                line = child!.Line;
                at = end;
            }
            else if (path[at] == '[')
            {
                var end = path.IndexOf(']', at);
                if (end < 0 || !int.TryParse(path.AsSpan(at + 1, end - at - 1), out var index) || node.ItemLines is not { } items || index < 0 || index >= items.Count)
                {
                    break;
                }

                line = items[index];
                node = node.ItemNodes?.GetValueOrDefault(index);
                at = end + 1;
            }
            else
            {
                break;
            }
        }

        return line;
    }

    /// <summary>
    /// Walks the document, reporting properties written twice and strings or names holding lone surrogate escapes
    /// to <paramref name="errors"/>; throws <see cref="JsonException"/> (with line and path) when it is malformed.
    /// </summary>
    public static JsonLineMap Build(ReadOnlySpan<byte> utf8, JsonReaderOptions options, string? file, DataErrorSink errors)
    {
        var reader = new Utf8JsonReader(utf8, options);
        var path = new List<Frame>();
        Node? root = null;
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
                    pendingProperty = PropertyName(ref reader, path, line, file, errors);
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    continue;
                case JsonTokenType.String when reader.ValueIsEscaped && JsonText.LoneSurrogate(reader.ValueSpan) is { } escape:
                    Report(errors, DataErrorKind.MalformedJson, path, pendingProperty, line, file, DataMessages.LoneSurrogateInString(escape));
                    break;
            }

            // A value: an element of the enclosing array, or the value of the pending property.
            var isContainer = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
            var node = isContainer || path.Count == 0 || !path[^1].IsArray ? new Node(line) : null;
            if (path.Count == 0)
            {
                root = node;
            }
            else if (path[^1].IsArray)
            {
                var parent = path[^1];
                parent.Node.ItemLines!.Add(line);
                path[^1] = parent with { Index = parent.Index + 1 };
                if (node is not null)
                {
                    (parent.Node.ItemNodes ??= []).Add(parent.Index + 1, node);
                }
            }
            else
            {
                var properties = path[^1].Node.Properties ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                if (properties.ContainsKey(pendingProperty!))
                {
                    Report(errors, DataErrorKind.DuplicateProperty, path, pendingProperty, line, file, DataMessages.DuplicateProperty);
                }

                properties[pendingProperty!] = node!; // readers keep the last of a repeated property; so does the map
            }

            if (isContainer)
            {
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    node!.ItemLines = [];
                }

                path.Add(new Frame(node!, pendingProperty, reader.TokenType == JsonTokenType.StartArray, -1));
            }

            pendingProperty = null;
        }

        return new JsonLineMap(root ?? new Node(1));
    }

    /// <summary>The property's name; one holding a lone surrogate is reported, and known by its text as written.</summary>
    private static string PropertyName(ref Utf8JsonReader reader, List<Frame> path, int line, string? file, DataErrorSink errors)
    {
        if (reader.ValueIsEscaped && JsonText.LoneSurrogate(reader.ValueSpan) is { } escape)
        {
            var raw = Encoding.UTF8.GetString(reader.ValueSpan);
            Report(errors, DataErrorKind.MalformedJson, path, raw, line, file, DataMessages.LoneSurrogateInName(raw, escape));
            return raw;
        }

        return reader.GetString()!;
    }

    private static void Report(DataErrorSink errors, DataErrorKind kind, List<Frame> path, string? property, int line, string? file, string message)
    {
        if (!errors.HasRoom)
        {
            errors.Omit();
            return;
        }

        errors.Add(new DataError { Kind = kind, Path = Format(path, property), File = file, Line = line, Message = message });
    }

    /// <summary>The path of the value about to be read: the next element of an enclosing array, or <paramref name="property"/>.</summary>
    private static string Format(List<Frame> path, string? property)
    {
        var text = new StringBuilder("$");
        for (var i = 0; i < path.Count; i++)
        {
            if (path[i].Property is { } name)
            {
                text.Append('.').Append(name);
            }

            if (path[i].IsArray)
            {
                var index = path[i].Index + (i == path.Count - 1 ? 1 : 0);
                if (index >= 0)
                {
                    text.Append('[').Append(index).Append(']');
                }
            }
        }

        if (property is not null)
        {
            text.Append('.').Append(property);
        }

        return text.ToString();
    }

    /// <summary>A value's line, and for a container the lines of what it holds.</summary>
    private sealed class Node(int line)
    {
        public int Line { get; } = line;

        public Dictionary<string, Node>? Properties { get; set; }

        public List<int>? ItemLines { get; set; }

        public Dictionary<int, Node>? ItemNodes { get; set; }
    }

    private readonly record struct Frame(Node Node, string? Property, bool IsArray, int Index);
}
