using System.Linq;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Loading;

/// <summary>The row counts of every table of a store, to show a failed or successful load left it as it was.</summary>
internal sealed record StoreCounts(
    int Sources, int Nations, int Agencies, int People, int Accords, int Statistics, int Events,
    int Organizations = 0, int Places = 0, int Statements = 0, int Participants = 0, int Affiliations = 0)
{
    public static StoreCounts Of(BorderStore store) => new(
        store.Sources.Count, store.Nations.Count, store.Agencies.Count, store.People.Count,
        store.Accords.Count, store.Statistics.Count, store.Events.Count,
        store.Organizations.Count, store.Places.Count, store.Statements.Count, store.Participants.Count, store.Affiliations.Count);

    /// <summary>Asserts the bundled store is the same object with the same counts and none of the test ids.</summary>
    public static void AssertDefaultUnchanged(StoreCounts before, BorderStore store)
    {
        Assert.Same(BorderStore.Default, store);
        Assert.Equal(before, Of(store));
        Assert.DoesNotContain(store.Accords, a => a.Id.StartsWith("t-", System.StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(store.Agencies, a => a.Id.StartsWith("t-", System.StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(store.Statistics, s => s.Id.StartsWith("t-", System.StringComparison.OrdinalIgnoreCase));
        Assert.Equal(
            store.Statistics.Where(s => s.Id.StartsWith("pe-ec-border-length", System.StringComparison.Ordinal)).Select(s => s.Disputed),
            [true, true]);
        Assert.False(store.Statistics.Find("pe-border-patrol-personnel-2025")!.Disputed);
    }
}
