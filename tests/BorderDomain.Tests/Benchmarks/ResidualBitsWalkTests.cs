using System.Collections.Generic;
using System.Linq;
using BorderDomain.Benchmarks;
using BorderDomain.CompilerServices;
using BorderDomain.Model;
using BorderDomain.Query;
using Xunit;

namespace BorderDomain.Tests.Benchmarks;

/// <summary>
/// A top-k walk whose residual is an AND of several predicates, some with parameters, some a posting index answers
/// and some not: the run time tests the posting-indexed ones by their lists' bits in the walk's loop (one test made per
/// call's values) and answers as a LINQ ordering of the records says, for one parameter value after another.
/// </summary>
public sealed class ResidualBitsWalkTests
{
    private const int Size = 20_000;

    [Theory]
    [InlineData("accords where kind in (Agreement, Treaty) and parties has PER order by signed desc take 25")]
    [InlineData("accords where kind in (Agreement, Treaty) and parties has PER and topics has any (IllegalMining, FuelSmuggling) order by signed take 40")]
    [InlineData("accords where kind in (Agreement, Treaty) and not (parties has ECU) order by signed desc take 30")]
    public void FixedResidual_AnswersAsTheRecordsSay(string query)
    {
        var store = SyntheticData.SharedStore(Size);
        var expected = Expected(store.Accords, query);
        Assert.Equal(expected, Bdq.Execute(store, query).Records);
        Assert.Equal(expected, Bdq.Execute(store, query).Records);
    }

    [Fact]
    public void ParameterisedResidual_AnswersAsTheRecordsSay_ForEachCallsValues()
    {
        var store = SyntheticData.SharedStore(Size);
        const string query = "accords where kind = @kind and parties has @nation and topics has any (IllegalMining, FuelSmuggling) order by signed desc take 20";
        foreach (var (kind, nation) in new[] { (AccordKind.Agreement, NationCode.Peru), (AccordKind.Agreement, NationCode.Peru), (AccordKind.Treaty, NationCode.Peru), (AccordKind.Treaty, NationCode.Ecuador), (AccordKind.Agreement, NationCode.Peru) })
        {
            var parameters = new Dictionary<string, object?> { ["kind"] = kind, ["nation"] = nation };
            var expected = Ordered(store.Accords, a => a.Kind == kind && a.Parties.Contains(nation) && a.Topics.Any(t => t is Topic.IllegalMining or Topic.FuelSmuggling), descending: true).Take(20);
            Assert.Equal(expected, Bdq.Execute(store, query, parameters).Records);
        }
    }

    private static IEnumerable<Accord> Expected(global::BorderDomain.Storage.EntityTable<Accord> table, string query) => query switch
    {
        _ when query.Contains("topics") => Ordered(table, (a => a.Kind is AccordKind.Agreement or AccordKind.Treaty && a.Parties.Contains(NationCode.Peru)
            && a.Topics.Any(t => t is Topic.IllegalMining or Topic.FuelSmuggling)), descending: false).Take(40),
        _ when query.Contains("not") => Ordered(table, (a => a.Kind is AccordKind.Agreement or AccordKind.Treaty && !a.Parties.Contains(NationCode.Ecuador)), descending: true).Take(30),
        _ => Ordered(table, (a => a.Kind is AccordKind.Agreement or AccordKind.Treaty && a.Parties.Contains(NationCode.Peru)), descending: true).Take(25),
    };

    // Signed first (by first day), ties in row order, the unsigned last in row order.
    private static IEnumerable<Accord> Ordered(global::BorderDomain.Storage.EntityTable<Accord> table, System.Func<Accord, bool> matches, bool descending) =>
        Enumerable.Range(0, table.Count).Where(row => matches(table[row]))
            .OrderBy(row => table[row].Signed is null)
            .ThenBy(row => RowSort.Day(table[row].Signed) is { } day ? (descending ? -day : day) : 0)
            .ThenBy(row => row)
            .Select(row => table[row]);
}
