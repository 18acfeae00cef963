using System.Linq;
using BorderDomain.EntityFrameworkCore.Tests.Infrastructure;
using BorderDomain.EntityFrameworkCore.Tests.Model;
using BorderDomain.Storage;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace BorderDomain.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// Folding happens in .NET (TextNormalizer) on save and on the query's text, never in the database, so both sides fold
/// identically on every database: Œ to oe, Æ to ae, ß and ẞ to ss, accents stripped.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class FoldingTests(DatabaseFixture databases)
{
    private static readonly (string Id, string Title, string Folded)[] Texts =
    [
        ("oe", "Œuvre du cœur", "oeuvre du coeur"),
        ("ae", "ÆRØ Æther", "aero aether"),
        ("ss", "Straße GROẞE", "strasse grosse"),
        ("ij", "ĲSSELMEER", "ijsselmeer"),
        ("accents", "Minería Ilegal en Perú", "mineria ilegal en peru"),
        ("decomposed", "e\u0301xito", "exito"),
        ("plain", "plain text", "plain text"),
    ];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void FoldedColumn_RoundTrip_HoldsTextNormalizersFolding(Provider provider)
    {
        using var db = Seed(provider);
        var stored = db.Set<Probe>().Select(p => new { p.Id, p.Title, Folded = EF.Property<string>(p, "Title_Folded") }).ToDictionary(p => p.Id);
        foreach (var (id, title, folded) in Texts)
        {
            Assert.Equal(title, stored[id].Title);
            Assert.Equal(folded, stored[id].Folded);
            Assert.Equal(TextNormalizer.Normalize(title), stored[id].Folded);
        }

        Assert.Null(stored["missing"].Folded);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void FoldedColumn_QueryWithFoldedSearchText_MatchesLigaturesAndSharpS(Provider provider)
    {
        using var db = Seed(provider);
        foreach (var (search, expected) in new[] { ("OEUVRE", "oe"), ("cŒur", "oe"), ("aether", "ae"), ("STRASSE", "ss"), ("große", "ss"), ("ijssel", "ij"), ("MINERIA", "accents"), ("éxito", "decomposed") })
        {
            var folded = TextNormalizer.Normalize(search);
            var ids = db.Set<Probe>().Where(p => EF.Property<string>(p, "Title_Folded") != null && EF.Property<string>(p, "Title_Folded").Contains(folded)).Select(p => p.Id).ToList();
            Assert.Equal([expected], ids);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void RawColumn_IsNotFoldedByTheDatabase(Provider provider)
    {
        using var db = Seed(provider);
        // The database compares the raw column as stored: only the folded column matches the folded search text.
        Assert.Empty(db.Set<Probe>().Where(p => p.Title!.Contains("oeuvre")).Select(p => p.Id).ToList());
    }

    private ProbeContext Seed(Provider provider) => databases.Context<ProbeContext>(provider, "folding", options => new ProbeContext(options), db =>
    {
        db.AddRange(Texts.Select(t => new Probe { Id = t.Id, Title = t.Title }));
        db.Add(new Probe { Id = "missing" });
        db.SaveChanges();
    });
}
