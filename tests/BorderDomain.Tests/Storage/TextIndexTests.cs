using System;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Storage;

public sealed class TextIndexTests
{
    private static readonly string?[] Titles =
    [
        "Peru and Ecuador Pledge to Combat Organized Crime and Illegal Mining",
        "Lucha contra la minería ilegal",
        null,
        "José Jerí sworn in as president",
        "MINERÍA Y TALA: acuerdo Perú–Ecuador",
        "Jerusalem",
        "Straße und Æther",
        "Ecuador",
    ];

    private static TextIndex Index(string?[] titles)
    {
        var sources = titles.Select((title, row) => new Source { Id = $"src-{row:D6}", Title = title, Kind = SourceKind.NewsSite });
        var table = new EntityTable<Source>(QuerySets.For<Source>(), sources);
        return table.GetTextIndex(table.Schema.IndexOfField("title"))
            ?? throw new InvalidOperationException("sources.title has no text index.");
    }

    [Fact]
    public void Contains_UnaccentedLowerCaseQuery_FindsAccentedUpperCaseText()
    {
        var index = Index(Titles);

        Assert.Equal([1, 4], index.Contains("mineria"));
        Assert.Equal([1, 4], index.Contains("MINERÍA"));
        Assert.Equal([1, 4], index.Contains("Minería"));
        Assert.Equal([4], index.Contains("acuerdo peru"));
    }

    [Fact]
    public void MatchWordPrefix_UnaccentedPrefix_FindsAccentedWordButNotMidWord()
    {
        var index = Index(Titles);

        Assert.Equal([3, 5], index.MatchWordPrefix("Jer"));
        Assert.Equal([3], index.MatchWordPrefix("Jeri"));
        Assert.Equal([3], index.MatchWordPrefix("jerí"));
        Assert.Equal([0, 1, 4], index.MatchWordPrefix("min"));
        Assert.Empty(index.MatchWordPrefix("ineria"));
        Assert.Equal([0, 4, 7], index.MatchWordPrefix("ecuador"));
    }

    [Fact]
    public void StartsWithAndEndsWith_FoldedQuery_MatchTheWholeTextsEnds()
    {
        var index = Index(Titles);

        Assert.Equal([0], index.StartsWith("peru and"));
        Assert.Equal([4], index.StartsWith("mineria y"));
        Assert.Equal([1], index.EndsWith("MINERIA ILEGAL"));
        Assert.Equal([4, 7], index.EndsWith("ecuador"));
        Assert.Equal([6], index.EndsWith("aether"));
        Assert.Equal([6], index.Contains("strasse"));
    }

    [Fact]
    public void Contains_EmptyOrPunctuationQuery_ScansEveryNonNullText()
    {
        var index = Index(Titles);

        Assert.Equal([0, 1, 3, 4, 5, 6, 7], index.Contains(string.Empty));
        Assert.Equal([4], index.Contains(":"));
        Assert.Equal([4], index.Contains("–"));
        Assert.Null(index.FoldedText(2));
        Assert.Equal("jose jeri sworn in as president", index.FoldedText(3));
    }

    [Theory]
    [InlineData("Minería", "mineria")]
    [InlineData("MINERÍA ILEGAL", "mineria ilegal")]
    [InlineData("José Jerí", "jose jeri")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Straße", "strasse")]
    [InlineData("ÆRØ", "aero")]
    [InlineData("Œuvre cœur", "oeuvre coeur")]
    [InlineData("ĲSSEL ĳs", "ijssel ijs")]
    [InlineData("GROẞE", "grosse")]
    [InlineData("Ñandú", "nandu")]
    [InlineData("e\u0301xito", "exito")]
    [InlineData("Perú–Ecuador", "peru–ecuador")]
    [InlineData("already plain", "already plain")]
    public void Normalize_Text_LowerCasesAndStripsAccents(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Words_FoldedText_AreRunsOfLettersAndDigits()
    {
        Assert.Equal(["jose", "jeri", "2025", "pe", "ec"], TextNormalizer.Words("jose-jeri, 2025 (pe/ec)"));
        Assert.Empty(TextNormalizer.Words(" - "));
    }

    [BdqProperty(MaxTest = 200)]
    public void Matches_RandomTitlesAndQueries_EqualANaiveScanOfFoldedTexts(TitleProbes input)
    {
        var (titles, probes) = input;
        var index = Index(titles);
        var folded = titles.Select(t => t is null ? null : TextNormalizer.Normalize(t)).ToArray();
        foreach (var probe in probes)
        {
            var query = TextNormalizer.Normalize(probe);
            Assert.Equal(Scan(folded, f => f.Contains(query, StringComparison.Ordinal)), index.Contains(probe));
            Assert.Equal(Scan(folded, f => f.StartsWith(query, StringComparison.Ordinal)), index.StartsWith(probe));
            Assert.Equal(Scan(folded, f => f.EndsWith(query, StringComparison.Ordinal)), index.EndsWith(probe));
        }
    }

    [BdqProperty(MaxTest = 200)]
    public void TryMatch_RandomTitlesAndQueries_RefusesExactlyWhenAWordIsPartOfTooManyIndexedWords(TitleProbes input)
    {
        var (titles, probes) = input;
        var index = Index(titles);
        var folded = titles.Select(t => t is null ? null : TextNormalizer.Normalize(t)).ToArray();
        var vocabulary = folded.Where(text => text is not null).SelectMany(text => TextNormalizer.Words(text!)).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var probe in probes)
        {
            var query = TextNormalizer.Normalize(probe);
            foreach (var limit in new[] { 0, 1, 2, 5 })
            {
                Assert.Equal(Naive(query, limit), index.TryMatch(probe, TextMatch.Contains, limit));
            }
        }

        // The search as specified, naively: its distinct words in order; one part of more than 'limit' indexed words
        // refuses it (null); the rows having a word that holds each are ANDed, and no row left answers at once;
        // otherwise the rows whose folded text holds the whole search.
        int[]? Naive(string query, int limit)
        {
            var rows = Enumerable.Range(0, folded.Length).Where(row => folded[row] is not null).ToHashSet();
            foreach (var word in TextNormalizer.Words(query).Distinct(StringComparer.Ordinal))
            {
                if (vocabulary.Count(indexed => indexed.Contains(word, StringComparison.Ordinal)) > limit)
                {
                    return null;
                }

                rows.RemoveWhere(row => !TextNormalizer.Words(folded[row]!).Any(indexed => indexed.Contains(word, StringComparison.Ordinal)));
                if (rows.Count == 0)
                {
                    return [];
                }
            }

            return Scan(folded, f => f.Contains(query, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Contains_HundredThousandDistinctWords_EqualsScanAndAllocatesProportionally()
    {
        // Each row's text ends in its own number, so one search digit is part of tens of thousands of words.
        const int Large = 100_000;
        var large = Numbered(Large);
        var small = Numbered(Large / 8);
        Assert.True(large.Index.WordCount > Large);
        string[] searches = ["1", "acuerdo 1", "7 acuerdo", "99999", string.Join(" ", Enumerable.Repeat("1", 2_000))];
        foreach (var search in searches)
        {
            var folded = TextNormalizer.Normalize(search);
            Assert.Equal(Scan(large.Folded, text => text.Contains(folded, StringComparison.Ordinal)), large.Index.Contains(search));
        }

        small.Index.Contains("1");
        var smallBytes = Allocated(small.Index, "1");
        var largeBytes = Allocated(large.Index, "1");
        Assert.True(largeBytes <= 12 * smallBytes, $"{Large:N0} rows allocated {largeBytes:N0} B against {smallBytes:N0} B for {Large / 8:N0}.");

        static (TextIndex Index, string?[] Folded) Numbered(int rows)
        {
            var texts = Enumerable.Range(0, rows).Select(row => $"Acuerdo {row}").ToArray();
            return (TextIndex.Build(rows, row => texts[row]), [.. texts.Select(TextNormalizer.Normalize)]);
        }

        static long Allocated(TextIndex index, string search)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var rows = index.Contains(search);
            var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(rows);
            return bytes;
        }
    }

    [Fact]
    public void TryMatch_MatchedWordLimit_CountsEachWordHoldingThePartOnceAndNoneAcrossTwoWords()
    {
        // The sorted words: ab, abab, ay, cab, xa, xyz, zzz. "ab" is in three ("abab" twice, one word); "yc" is in
        // none, and would be found only if "ay" and "cab", next to each other, ran together.
        var index = Index(["ab abab", "cab xyz", "xa ay", "zzz"]);

        Assert.Equal(7, index.WordCount);
        Assert.Equal(new int[] { 0, 1 }, index.TryMatch("ab", TextMatch.Contains, maxMatchedWords: 3));
        Assert.Null(index.TryMatch("ab", TextMatch.Contains, maxMatchedWords: 2));
        Assert.Equal(new int[] { 0 }, index.TryMatch("abab", TextMatch.Contains, maxMatchedWords: 1));
        Assert.Equal(Array.Empty<int>(), index.TryMatch("yc", TextMatch.Contains, maxMatchedWords: 0));
        Assert.Equal(new int[] { 2 }, index.TryMatch("xa ay", TextMatch.Contains, maxMatchedWords: 1));
        Assert.Null(index.TryMatch("a", TextMatch.Contains, maxMatchedWords: 4)); // ab, abab, ay, cab, xa: five words
        Assert.Equal(new int[] { 0, 1, 2 }, index.TryMatch("a", TextMatch.Contains, maxMatchedWords: 5));
        Assert.Equal([1, 2], index.MatchWordPrefix("x"));
        Assert.Equal([3], index.MatchWordPrefix("zz"));
        Assert.Empty(index.MatchWordPrefix("b"));
    }

    [Fact]
    public void TryMatch_SearchOfManyWords_LooksUpEachNewWordPastTheSixteenthToo()
    {
        var words = Enumerable.Range(0, 20).Select(i => $"w{i}").ToArray();
        var index = Index([string.Join(" ", words), string.Join(" ", words.Take(18)), "w1 w2"]);

        // Sixteen words each part of one indexed word (w1 would be part of eleven); then "w", part of all twenty,
        // first met as the 17th or, after a repeat, the 19th word: past the limit of one, so the search is refused.
        var sixteen = string.Join(" ", words.Where(word => word != "w1" && word != "w17" && word != "w18" && word != "w19"));
        Assert.NotNull(index.TryMatch(sixteen, TextMatch.Contains, maxMatchedWords: 1));
        Assert.Null(index.TryMatch(sixteen + " w", TextMatch.Contains, maxMatchedWords: 1));
        Assert.Null(index.TryMatch(sixteen + " w0 w2 w", TextMatch.Contains, maxMatchedWords: 1));
        Assert.NotNull(index.TryMatch(sixteen + " w0 w2 w16", TextMatch.Contains, maxMatchedWords: 1));

        // And the answers: every word of row 0 in order is row 0; past the 16th word, an absent one still ends it.
        Assert.Equal(new int[] { 0 }, index.TryMatch(string.Join(" ", words), TextMatch.Contains, int.MaxValue));
        Assert.Equal(Array.Empty<int>(), index.TryMatch(string.Join(" ", words) + " w3 absent w4", TextMatch.Contains, int.MaxValue));
        Assert.Equal(new int[] { 0, 1 }, index.TryMatch(string.Join(" ", words.Take(17)), TextMatch.StartsWith, int.MaxValue));
    }

    private static int[] Scan(string?[] folded, Func<string, bool> matches) =>
        [.. Enumerable.Range(0, folded.Length).Where(row => folded[row] is { } text && matches(text))];
}
