using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// The README's main query, <c>accords where parties has PER and parties has ECU order by signed desc</c> (about 12 %
/// of accords), three ways: generated at build time, compiled at run time (cache hit), and written by hand against the
/// indexes with the same plan (intersect two posting lists, sort the matches newest first, ties in row order).
/// </summary>
[MemoryDiagnoser]
public class ThreePathsBenchmarks : AccordScenario
{
    private static readonly object PeruKey = NationCode.Peru;
    private static readonly object EcuadorKey = NationCode.Ecuador;

    private PostingIndex _parties = null!;

    [Benchmark(Baseline = true)]
    public List<Accord> Linq() =>
        Accords.Where(a => a.Parties.Contains(NationCode.Peru) && a.Parties.Contains(NationCode.Ecuador))
            .OrderByDescending(a => a.Signed is { } signed ? signed.From.StartDayNumber : int.MinValue)
            .ToList();

    /// <summary>
    /// The run time (cache hit) answering every match: with the default options a query without <c>take</c> stops at
    /// <see cref="BdqOptions.MaxRows"/> (10,000) records, fewer than the baseline's at N = 1e6, so this one raises it
    /// (<see cref="AccordScenario.WholeAnswer"/>).
    /// </summary>
    [Benchmark]
    public BdqResult RunTimeWholeAnswer() => Bdq.Execute(Store, Queries.PeruEcuador, options: WholeAnswer);

    [Benchmark]
    public IReadOnlyList<Accord> Generated() => Queries.PeruEcuadorGenerated(Store);

    /// <summary>
    /// The same plan by hand: intersect the two posting lists, then sort on one 64-bit key per row (the start day,
    /// descending, unsigned last; then the row, ascending), read from the typed records without boxing.
    /// </summary>
    [Benchmark]
    public IReadOnlyList<Accord> HandWritten()
    {
        var rows = PostingList.Intersect(_parties.Lookup(PeruKey), _parties.Lookup(EcuadorKey));
        var keys = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var day = Table[rows[i]].Signed is { } signed ? signed.From.StartDayNumber : -1;
            // (int.MaxValue - day) needs 32 bits and a row id 31, so shift by 31: a 32-bit shift overflows the sign.
            keys[i] = (((long)int.MaxValue - day) << 31) | (uint)rows[i];
        }

        Array.Sort(keys);
        var result = new Accord[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            result[i] = Table[(int)(keys[i] & 0x7FFF_FFFF)];
        }

        return result;
    }

    protected override void SetUpScenario() => _parties = Postings("parties");
}
