using System;
using BorderDomain.CompilerServices;
using BorderDomain.Query;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Storage;

/// <summary>BDQ's one text rule: equal when the folded forms are, ordered by the folded forms' code points.</summary>
public sealed class FoldedTextTests
{
    [Theory]
    [InlineData("Minería", "MINERIA")]
    [InlineData("Straße", "strasse")]
    [InlineData("Æther", "aether")]
    [InlineData("Perú", "peru")]
    public void AreEqual_TextsWithTheSameFoldedForm_AreEqualInEveryEngine(string left, string right)
    {
        Assert.True(FoldedTextComparer.Instance.Equals(left, right));
        Assert.Equal(FoldedTextComparer.Instance.GetHashCode(left), FoldedTextComparer.Instance.GetHashCode(right));
        Assert.True(ValueSemantics.AreEqual(FieldKind.String, left, right));
        Assert.Equal(0, ValueSemantics.Order(FieldKind.String, left, right));
    }

    [Fact]
    public void Order_Text_IsTheCodePointOrderOfTheFoldedForms()
    {
        // Folded "Banana" is "banana"; "Éclair" is "eclair", after "dune"; no culture involved.
        Assert.True(ValueSemantics.Order(FieldKind.String, "apple", "Banana") < 0);
        Assert.True(ValueSemantics.Order(FieldKind.String, "Éclair", "dune") > 0);
        Assert.True(ValueSemantics.Order(FieldKind.String, "a_b", "aab") < 0); // '_' (U+005F) before 'a' (U+0061)
        Assert.True(string.Compare("a_b", "AAB", StringComparison.OrdinalIgnoreCase) > 0); // which OrdinalIgnoreCase got wrong for SQL
    }

    [Fact]
    public void CompareCodePoints_SurrogatePairs_SortAfterTheRestOfThePlane()
    {
        const string emoji = "\U0001F600"; // U+1F600, a surrogate pair in UTF-16
        const string replacement = "\uFFFD";

        Assert.True(string.CompareOrdinal(replacement, emoji) > 0); // UTF-16 code units say otherwise
        Assert.True(TextNormalizer.CompareCodePoints(replacement, emoji) < 0); // as UTF-8 bytes (SQL's C collation) order them
        Assert.True(TextNormalizer.CompareCodePoints("abc", "abcd") < 0);
        Assert.Equal(0, TextNormalizer.CompareCodePoints("same", "same"));
        Assert.True(TextNormalizer.CompareCodePoints(null, "a") < 0);
    }

    [Fact]
    public void TextOf_Guid_IsItsLowerCaseDForm()
    {
        var id = new Guid("0F8FAD5B-D9CB-469F-A165-70867728950E");

        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", ValueSemantics.TextOf(id));
        Assert.True(ValueSemantics.AreEqual(FieldKind.String, id, "0F8FAD5B-D9CB-469F-A165-70867728950E"));
    }

    [Theory]
    [InlineData("PER", "per", true)]
    [InlineData("PER", "ECU", false)]
    [InlineData("Perú", "PERU", true)]
    [InlineData("Straße", "STRASSE", true)]
    [InlineData("ÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆ", "aeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeaeae", true)] // 32 characters folding to 64
    [InlineData("ÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆ", "ÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆ", false)] // 33 against 32
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF", "abcdefghijklmnopqrstuvwxyzabcdef", true)] // 32: folded on the stack
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFG", "abcdefghijklmnopqrstuvwxyzabcdefg", true)] // 33: in a rented buffer
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF", "abcdefghijklmnopqrstuvwxyzabcdefg", false)]
    public void Comparer_ShortAndLongTexts_EqualAndHashAsTheirFoldedForms(string left, string right, bool equal)
    {
        var comparer = FoldedTextComparer.Instance;
        var folded = string.Equals(TextNormalizer.Normalize(left), TextNormalizer.Normalize(right), StringComparison.Ordinal);

        Assert.Equal(equal, folded);
        Assert.Equal(equal, comparer.Equals(left, right));
        Assert.Equal(equal, comparer.Equals(right, left));
        Assert.Equal(TextNormalizer.Normalize(left).GetHashCode(StringComparison.Ordinal), comparer.GetHashCode(left));
        Assert.Equal(TextNormalizer.Normalize(right).GetHashCode(StringComparison.Ordinal), comparer.GetHashCode(right));
    }
}
