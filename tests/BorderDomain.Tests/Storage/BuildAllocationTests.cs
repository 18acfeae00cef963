using System;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Storage;

/// <summary>
/// The build side of issue 13: folding without intermediate strings, key maps that fold without allocating, and a key
/// field's posting index answering from its table's key map (no posting array per row) with the same answers.
/// </summary>
public sealed class BuildAllocationTests
{
    [Fact]
    public void Normalize_EveryCharacterOfTheFirstPlanes_FoldsAsEachCharacterAlone()
    {
        // The folded text is the concatenation of its characters' folded forms, and its length is counted exactly.
        var text = new string(Enumerable.Range(0x20, 0x2100 - 0x20).Select(c => (char)c).ToArray());
        var folded = TextNormalizer.Normalize(text);
        var byCharacter = string.Concat(text.Select(c => TextNormalizer.Normalize(c.ToString())));
        Assert.Equal(byCharacter, folded);
        Assert.Equal(folded.Length, TextNormalizer.FoldedLength(text));
        Assert.Equal("aether oeuvre ijssel strasse thorn mineria peru", TextNormalizer.Normalize("Æther Œuvre Ĳssel Straẞe Þorn Minería PERÚ"));
        Assert.Equal("e", TextNormalizer.Normalize("e\u0301")); // a combining accent is dropped
    }

    [Fact]
    public void Normalize_TextToFold_AllocatesOnlyTheResult()
    {
        const string text = "Acuerdo de Cooperación Fronteriza entre Perú y Ecuador";
        TextNormalizer.Normalize(text); // warm
        var before = GC.GetAllocatedBytesForCurrentThread();
        var folded = TextNormalizer.Normalize(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("acuerdo de cooperacion fronteriza entre peru y ecuador", folded);
        Assert.InRange(allocated, 1, 32 + (2 * folded.Length)); // one string: header, length, characters
    }

    [Fact]
    public void FoldedTextComparer_KeysToFold_HashAndCompareWithoutAllocating()
    {
        var comparer = FoldedTextComparer.Instance;
        const string left = "Policía Nacional del PERÚ";
        const string right = "policia nacional del peru";
        for (var warm = 0; warm < 2; warm++)
        {
            // First calls compile the methods and fill the buffer pool.
            _ = comparer.Equals(left, right) && comparer.GetHashCode(left) == comparer.Compare(left, "Policia Nacional del Peru ");
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var equal = comparer.Equals(left, right);
        var sameHash = comparer.GetHashCode(left) == comparer.GetHashCode(right);
        var order = comparer.Compare(left, "Policia Nacional del Peru ");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(equal);
        Assert.True(sameHash);
        Assert.True(order < 0);
        Assert.Equal(0, allocated);
        Assert.False(comparer.Equals("Perú", "Peri"));
        Assert.Equal(StringComparer.Ordinal.GetHashCode("peru"), comparer.GetHashCode("PERÚ"));
    }

    [Fact]
    public void KeyPostingIndex_TextKeys_AnswersFromTheKeyMapAsAPostingIndexWould()
    {
        var accords = Enumerable.Range(0, 50).Select(i => new Accord
        {
            Id = $"Accord-{49 - i:D2}",
            Title = $"Accord {i}",
            Kind = AccordKind.Treaty,
        }).ToList();
        var table = new EntityTable<Accord>(QuerySets.For<Accord>(), accords);
        var index = table.GetPostingIndex(table.Schema.IndexOfField("id"))!;

        Assert.Equal(50, index.KeyCount);
        Assert.Equal(50, index.Keys.Count());
        Assert.True(index.NullRows.IsEmpty);
        for (var row = 0; row < table.Count; row++)
        {
            // Rows are in key order; a key is found ignoring case and accents, as every text key is.
            Assert.Equal([row], index.Lookup(table[row].Id.ToUpperInvariant()).ToArray());
            Assert.Equal([row], index.LookupArray(table[row].Id));
            Assert.Equal(1, index.Count(table[row].Id.ToLowerInvariant()));
        }

        Assert.Equal("Accord-00", table[0].Id);
        Assert.True(index.Lookup("accord-50").IsEmpty);
        Assert.Empty(index.LookupArray("accord-50"));
        Assert.True(index.Lookup(42).IsEmpty);
        Assert.Equal("Accord-07", index.KeyNamed("Accord-07"));
        Assert.Null(index.KeyNamed("accord-07"));
    }

    [Fact]
    public void EntityTable_RowsGivenOutOfKeyOrder_AreKeptInKeyOrder_AndDuplicateKeysAreRefused()
    {
        var accords = new[] { "b", "a", "c" }.Select(id => new Accord { Id = id, Title = id, Kind = AccordKind.Treaty }).ToList();
        var table = new EntityTable<Accord>(QuerySets.For<Accord>(), accords);
        Assert.Equal(["a", "b", "c"], table.Select(a => a.Id));
        Assert.Equal(2, table.GetPostingIndex(table.Schema.IndexOfField("id"))!.Lookup("C")[0]);

        accords.Add(new Accord { Id = "B", Title = "x", Kind = AccordKind.Treaty });
        Assert.Throws<ArgumentException>(() => new EntityTable<Accord>(QuerySets.For<Accord>(), accords));
    }
}
