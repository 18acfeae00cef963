using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Data;

/// <summary>
/// No string in the bundled data shares a run of eight consecutive words with an article (issue 15, design 3.4). The
/// articles are not in the repository: the test reads a committed file of FNV-1a hashes of their eight-word runs.
/// </summary>
public sealed class NoCopiedProseTests
{
    private const int RunLength = 8;
    private const string HashFile = "ArticleRuns.fnv";

    /// <summary>Fields that legitimately repeat an article as a proper name or citation (set.field, camel case).</summary>
    private static readonly HashSet<string> NameFields = new(StringComparer.Ordinal)
    {
        "sources.title", "sources.author", "sources.publisher", "agencies.name", "agencies.officialName",
        "organizations.name", "places.name", "people.name", "people.aliases",
    };

    [Fact]
    public void NoStringOfTheBundledData_SharesEightWordsWithAnArticle()
    {
        var hashes = ReadCommittedHashes().ToHashSet();
        var values = CollectStrings(BorderStore.Default);
        var names = values.Where(v => NameFields.Contains(v.Field)).Select(v => Words(v.Text)).Where(w => w.Count > 0).Distinct(WordsComparer.Instance).ToList();

        var hits = values
            .Where(v => !NameFields.Contains(v.Field))
            .Where(v => Runs(Words(v.Text), names).Any(hashes.Contains))
            .Select(v => $"{v.Field} ({v.Record}): {v.Text}")
            .ToList();

        Assert.NotEmpty(values);
        Assert.Empty(hits);
    }

    [Fact]
    public void CommittedHashes_MatchTheArticles_WhereTheSharedSourcesAreFound()
    {
        var committed = ReadCommittedHashes();
        Assert.NotEmpty(committed);
        var sources = FindSharedSources();
        if (sources is null)
        {
            return; // the folder is absent here; the committed file is checked non-empty above
        }

        Assert.Equal(ArticleHashes(sources), committed);
    }

    [Fact]
    public void Cutter_FindsAPlantedRun_ThroughCaseAndPunctuation_ButNotSevenWords()
    {
        const string article = "One two three, four five six seven eight nine. Ten's end.";
        var hashes = Runs(Words(article), []).ToHashSet();

        Assert.Contains(Runs(Words("Prefix: ONE two three four (five) six seven eight suffix"), []), hashes.Contains);
        Assert.Contains(Runs(Words("two three four five six seven eight nine tens"), []), hashes.Contains);
        Assert.DoesNotContain(Runs(Words("one two three four five six seven"), []), hashes.Contains);
        Assert.DoesNotContain(Runs(Words("one two three four five six seven nine"), []), hashes.Contains);
        // A name field's value masks its words out, so a run through a masked name is not a run.
        Assert.DoesNotContain(Runs(Words("one two three four five six seven eight"), [Words("five")]), hashes.Contains);
    }

    [Fact]
    public void CommittedHashes_HoldTheOpeningRunOfEveryArticle_WhereTheSharedSourcesAreFound()
    {
        var committed = ReadCommittedHashes().ToHashSet();
        Assert.NotEmpty(committed);
        var sources = FindSharedSources();
        if (sources is null)
        {
            return;
        }

        foreach (var file in Directory.GetFiles(sources, "*.txt"))
        {
            var opening = Words(File.ReadAllText(file)).Take(RunLength).ToList();
            Assert.Equal(RunLength, opening.Count);
            Assert.Contains(Hash(opening), committed);
        }
    }

    internal static IReadOnlyList<string> ArticleHashes(string sources) =>
        Directory.GetFiles(sources, "*.txt")
            .SelectMany(file => Runs(Words(File.ReadAllText(file)), []))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IReadOnlyList<string> ReadCommittedHashes() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", HashFile))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .ToList();

    /// <summary>The shared <c>sources</c> folder beside the repository: a <c>shared/sources</c> sibling of some ancestor.</summary>
    internal static string? FindSharedSources()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir?.Parent is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.Parent.FullName, "shared", "sources");
            if (Directory.Exists(candidate) && Directory.GetFiles(candidate, "*.txt").Length > 0)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Words: runs of letters and digits, apostrophes dropped, lower case.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019' or '\u2018')
            {
                continue;
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>The hashes of every eight-word run, where no run crosses a masked name.</summary>
    internal static IEnumerable<string> Runs(List<string> words, IReadOnlyList<List<string>> masks)
    {
        var masked = new bool[words.Count];
        foreach (var mask in masks)
        {
            for (var i = 0; i + mask.Count <= words.Count; i++)
            {
                if (words.Skip(i).Take(mask.Count).SequenceEqual(mask, StringComparer.Ordinal))
                {
                    Array.Fill(masked, true, i, mask.Count);
                }
            }
        }

        for (var i = 0; i + RunLength <= words.Count; i++)
        {
            if (!masked.Skip(i).Take(RunLength).Any(m => m))
            {
                yield return Hash(words.Skip(i).Take(RunLength));
            }
        }
    }

    /// <summary>64-bit FNV-1a over the UTF-8 of the words joined by single spaces, as 16 lower-case hex digits.</summary>
    internal static string Hash(IEnumerable<string> words)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(string.Join(' ', words)))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record StringValue(string Field, string Record, string Text);

    /// <summary>Every string of every record of every set, nested records and lists included, by reflection.</summary>
    private static List<StringValue> CollectStrings(BorderStore store)
    {
        var values = new List<StringValue>();
        foreach (var table in store.Tables)
        {
            var set = table.Schema.Name;
            for (var row = 0; row < table.Count; row++)
            {
                var record = table.GetRecord(row);
                var id = record.GetType().GetProperty("Id")?.GetValue(record) as string ?? row.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Walk(record, set, id, values);
            }
        }

        return values;
    }

    private static void Walk(object record, string path, string id, List<StringValue> values)
    {
        foreach (var property in record.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            var field = path + "." + char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            Visit(property.GetValue(record), field, id, values);
        }
    }

    private static void Visit(object? value, string field, string id, List<StringValue> values)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                values.Add(new StringValue(field, id, text));
                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Visit(item, field, id, values);
                }

                return;
        }

        var type = value.GetType();
        if (!type.IsPrimitive && !type.IsEnum && type.Namespace == "BorderDomain.Model" && type.IsClass)
        {
            Walk(value, field, id, values);
        }
    }

    private sealed class WordsComparer : IEqualityComparer<List<string>>
    {
        public static readonly WordsComparer Instance = new();

        public bool Equals(List<string>? x, List<string>? y) => x is not null && y is not null && x.SequenceEqual(y, StringComparer.Ordinal);

        public int GetHashCode(List<string> obj) => string.Join(' ', obj).GetHashCode(StringComparison.Ordinal);
    }
}
