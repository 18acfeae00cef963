using System.IO;
using BorderDomain.Cli;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using Xunit;

namespace BorderDomain.Tests.Query;

/// <summary>How <see cref="VisibleText"/> shows control characters, one visible character each.</summary>
public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("plain ÁÉ text", "plain ÁÉ text")]
    [InlineData("\u001b]0;owned\u0007", "␛]0;owned␇")]
    [InlineData("\0\u001f\u007f", "␀␟␡")]
    [InlineData("a\r\nb\nc\rd", "a␍␊b␊c␍d")]
    [InlineData("\u0080\u009f\u202a\u202e\u2066\u2069\u2065\u206a", "������\u2065\u206a")]
    public void Escape_ControlCharacters_BecomeOneVisibleCharacterEach(string text, string expected)
    {
        Assert.Equal(expected, VisibleText.Escape(text));
        Assert.Equal(text.Length, VisibleText.Escape(text).Length);
    }

    [Fact]
    public void Escape_KeepingLineBreaks_KeepsLfAndCrLfOnly()
    {
        Assert.Equal("a\r\nb\nc␍d␍", VisibleText.Escape("a\r\nb\nc\rd\r", keepLineBreaks: true));
    }

    [Fact]
    public void TerminalTextWriter_CarriageReturnSplitAcrossWrites_IsKeptOnlyBeforeALineFeed()
    {
        using var inner = new StringWriter();
        using (var writer = new TerminalTextWriter(inner))
        {
            writer.Write("x\r");
            writer.Write("\ny\u001b\r");
            writer.Write('z');
            writer.Write("\r");
        }

        Assert.Equal("x\r\ny␛␍z␍", inner.ToString());
    }
}
