using System.Linq;
using BorderDomain.Query.Syntax;
using Xunit;

namespace BorderDomain.Tests.Query.Syntax;

/// <summary>The one tokenizer the parser's limit scan, its error text and the cache key read BDQ through.</summary>
public sealed class QueryLexerTests
{
    [Theory]
    [InlineData("accords where", "Word:accords Space Word:where")]
    [InlineData("@nation,(x)", "Word:@nation Symbol:, Symbol:( Word:x Symbol:)")]
    [InlineData("a--b\nc", "Word:a Comment:--b Space Word:c")]
    [InlineData("title contains \"a \\\" b\" -- note", "Word:title Space Word:contains Space String:\"a \\\" b\" Space Comment:-- note")]
    [InlineData("nation.region >= 2013-11", "Word:nation Symbol:. Word:region Space Symbol:> Symbol:= Space Word:2013 Symbol:- Word:11")]
    [InlineData("not_x notá", "Word:not_x Space Word:notá")]
    public void Tokens_CoverTheTextInOrder(string text, string expected)
    {
        var tokens = QueryLexer.Tokens(text).ToList();

        Assert.Equal(expected, string.Join(" ", tokens.Select(t => t.Kind is QueryTokenKind.Space ? "Space" : $"{t.Kind}:{text.Substring(t.Start, t.Length)}")));
        Assert.Equal(text.Length, tokens.Sum(t => t.Length));
        Assert.All(tokens.Zip(tokens.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
    }

    [Theory]
    [InlineData("\"abc", 4)]
    [InlineData("\"ab\\", 4)]
    [InlineData("x \"ab\\\"", 5)]
    public void UnterminatedString_RunsToTheEnd(string text, int length)
    {
        var token = QueryLexer.Tokens(text).Last();

        Assert.Equal(QueryTokenKind.String, token.Kind);
        Assert.False(token.IsTerminated);
        Assert.Equal(length, token.Length);
        Assert.Equal(text.Length, token.End);
    }

    [Theory]
    [InlineData("where nation.region hs PER", new[] { "where", "nation.region", "hs", "PER" })]
    [InlineData("id = pe-ec-2025-pledge and signed = 2013-11-14", new[] { "id", "=", "pe-ec-2025-pledge", "and", "signed", "=", "2013-11-14" })]
    [InlineData("parties--comment\n has @p.q", new[] { "parties", "has", "@p.q" })]
    [InlineData("a.@x (\"s\")", new[] { "a.", "@x", "(", "\"s\"", ")" })]
    public void Words_JoinDottedAndHyphenatedWords_AndSkipTrivia(string text, string[] expected)
    {
        Assert.Equal(expected, QueryLexer.Words(text));
    }

    [Fact]
    public void IsWord_IgnoresCase_AndMatchesWholeWordsOnly()
    {
        const string text = "NOT nothing @not";
        var words = QueryLexer.Tokens(text).Where(t => t.IsContent).ToList();

        Assert.Equal([true, false, false], words.Select(w => w.IsWord(text, "not")));
    }
}
