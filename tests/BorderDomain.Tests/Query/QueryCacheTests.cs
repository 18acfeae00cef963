using BorderDomain.Query;
using Xunit;

namespace BorderDomain.Tests.Query;

/// <summary>The query cache: bounded, evicting the entry used longest ago, and never answering with an evicted entry.</summary>
public sealed class QueryCacheTests
{
    [Fact]
    public void Full_EvictsTheEntryUsedLongestAgo()
    {
        var cache = new QueryCache<int>(3);
        cache.Add("a", 1);
        cache.Add("b", 2);
        cache.Add("c", 3);
        Assert.True(cache.TryGet("a", out _)); // b is now the one used longest ago
        cache.Add("d", 4);

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a));
        Assert.True(cache.TryGet("c", out var c));
        Assert.True(cache.TryGet("d", out var d));
        Assert.Equal((1, 3, 4), (a, c, d));
    }

    [Fact]
    public void EntryFoundLast_IsNotFoundOnceEvicted()
    {
        var cache = new QueryCache<int>(1);
        cache.Add("a", 1);
        Assert.True(cache.TryGet("a", out _));
        cache.Add("b", 2);

        Assert.False(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("b", out var b));
        Assert.Equal(2, b);
    }

    [Fact]
    public void AddingAKeyAgain_ReplacesItsValue()
    {
        var cache = new QueryCache<int>(2);
        cache.Add("a", 1);
        Assert.True(cache.TryGet("a", out _));
        cache.Add("a", 5);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(5, a);
    }

    [Fact]
    public void NoCapacity_HoldsNothing()
    {
        var cache = new QueryCache<int>(0);
        cache.Add("a", 1);
        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(0, cache.Count);
    }
}
