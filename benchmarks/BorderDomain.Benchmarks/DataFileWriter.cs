using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using BorderDomain.Model;

namespace BorderDomain.Benchmarks;

/// <summary>Writes records as a data file in the bundled dataset's JSON schema, indented like it, for the load benchmarks.</summary>
public static class DataFileWriter
{
    /// <summary>The UTF-8 bytes of a data file holding the records.</summary>
    public static byte[] Write(
        IReadOnlyList<Source> sources,
        IReadOnlyList<Nation> nations,
        IReadOnlyList<Agency> agencies,
        IReadOnlyList<Accord> accords,
        IReadOnlyList<Statistic> statistics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            Set(json, "sources", sources, (w, s) =>
            {
                w.WriteString("id", s.Id);
                Optional(w, "publisher", s.Publisher);
                Optional(w, "dateline", s.Dateline);
                Optional(w, "title", s.Title);
                Optional(w, "published", s.Published?.ToString());
                Optional(w, "author", s.Author);
                w.WriteString("kind", s.Kind.ToString());
                Optional(w, "note", s.Note);
            });
            Set(json, "nations", nations, (w, n) =>
            {
                w.WriteString("code", n.Code.Alpha3);
                w.WriteString("name", n.Name);
                w.WriteString("region", n.Region);
                Strings(w, "neighbours", n.Neighbours, c => c.Alpha3);
            });
            Set(json, "agencies", agencies, (w, a) =>
            {
                w.WriteString("id", a.Id);
                w.WriteString("name", a.Name);
                Optional(w, "officialName", a.OfficialName);
                Optional(w, "acronym", a.Acronym);
                w.WriteString("nation", a.Nation.Alpha3);
                w.WriteString("kind", a.Kind.ToString());
                Optional(w, "parent", a.Parent);
                Strings(w, "sources", a.Sources, s => s);
            });
            Set(json, "accords", accords, (w, a) =>
            {
                w.WriteString("id", a.Id);
                w.WriteString("title", a.Title);
                w.WriteString("kind", a.Kind.ToString());
                Strings(w, "parties", a.Parties, c => c.Alpha3);
                Strings(w, "signatories", a.Signatories, s => s);
                Optional(w, "signed", a.Signed?.ToString());
                Optional(w, "place", a.Place);
                Strings(w, "topics", a.Topics, t => t.ToString());
                w.WriteString("status", a.Status.ToString());
                Strings(w, "buildsOn", a.BuildsOn, s => s);
                Strings(w, "sources", a.Sources, s => s);
                Optional(w, "note", a.Note);
            });
            Set(json, "statistics", statistics, (w, s) =>
            {
                w.WriteString("id", s.Id);
                w.WriteString("metric", s.Metric.ToString());
                Strings(w, "nations", s.Nations, c => c.Alpha3);
                Optional(w, "agency", s.Agency);
                Optional(w, "place", s.Place);
                w.WriteNumber("value", s.Value);
                w.WriteString("unit", s.Unit.Code);
                Optional(w, "period", s.Period?.ToString());
                w.WriteString("source", s.Source);
                Optional(w, "note", s.Note);
            });
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Set<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> records, System.Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartArray(name);
        foreach (var record in records)
        {
            json.WriteStartObject();
            write(json, record);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Strings<T>(Utf8JsonWriter json, string name, IEnumerable<T> values, System.Func<T, string> text)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(text(value));
        }

        json.WriteEndArray();
    }
}
