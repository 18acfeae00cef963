using System.Collections;
using BorderDomain.Benchmarks;
using BorderDomain.CompilerServices;
using BorderDomain.Query;
using Xunit;

namespace BorderDomain.Tests.Benchmarks;

/// <summary>
/// An order without a take, planned by the generator without statistics (it guesses a small answer and sorts): the
/// generated code counts its matches and applies the planner's own rule (<see cref="OrderCosts"/>), so on a store
/// where it finds enough matches to walk the sorted index it walks it, as the run time does, and both answer alike
/// either way.
/// </summary>
public sealed class GeneratedOrderChoiceTests
{
    private const string Matches = "accords where parties has PER and parties has ECU count";

    [Theory]
    [InlineData(5_000, false)]
    [InlineData(20_000, true)]
    public void PeruEcuador_GeneratedCodeOrdersAsTheRunTimePlans_AndAnswersAlike(int size, bool walks)
    {
        var store = SyntheticData.SharedStore(size);
        var found = Bdq.Execute(store, Matches).Count!.Value;

        Assert.Equal(walks, OrderCosts.WalkAllIsCheaper(found, store.Accords.Count));

        // The run time weighs the smaller posting list's size, an upper bound of the matches the generated code
        // counts, and the rule only favours walking as matches grow: where the generated code walks, so does the run
        // time (at 5,000 the run time walks on its estimate while the generated code sorts the fewer matches it counts).
        Assert.True(!walks || Bdq.Explain(store, Queries.PeruEcuador).Contains("order the rows found by the sorted index on signed", System.StringComparison.Ordinal));
        var generated = Queries.PeruEcuadorGenerated(store);
        Assert.Equal(found, generated.Count);
        Assert.Equal(Bdq.Execute(store, Queries.PeruEcuador).Records, (IEnumerable)generated);
    }
}
