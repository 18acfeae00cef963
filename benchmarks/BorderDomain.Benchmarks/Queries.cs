using System.Collections.Generic;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks;

/// <summary>
/// The benchmark queries, twice: as text for the run-time path (<see cref="Bdq.Execute"/>), and compiled at build time
/// by the BDQ source generator into the bodies of the <c>[BdqQuery]</c> methods. The generator needs a literal in
/// the attribute, so each text is written twice; the agreement tests check that the two copies are the same.
/// </summary>
public static partial class Queries
{
    /// <summary>A selective AND: about 0.06 % of accords match.</summary>
    public const string SelectiveAnd = "accords where parties has BOL and kind = Treaty and status = Planned";

    /// <summary><c>has any</c> over a Zipf-distributed collection, with a date range.</summary>
    public const string TopicsInDateRange = "accords where topics has any (IllegalMining, FuelSmuggling) and signed between 2015 and 2018";

    /// <summary>The same query's count: the rows found as a set (a union and a date range), counted from its words.</summary>
    public const string TopicsInDateRangeCount = TopicsInDateRange + " count";

    /// <summary>Top-k under a broad filter (about 65 % of accords).</summary>
    public const string TopK = "accords where kind in (Agreement, MemorandumOfUnderstanding, Treaty) order by signed desc take 10";

    /// <summary>Case- and accent-insensitive text search (about 16 % of titles).</summary>
    public const string TitleContains = "accords where title contains \"mineria\"";

    /// <summary>A count of a search whose one word is part of most words of a large vocabulary (<see cref="Scenarios.ManyWordsContainsBenchmarks"/>).</summary>
    public const string ManyWordsCount = "accords where title contains \"1\" count";

    /// <summary>A count of a search given as a parameter (<see cref="Scenarios.LongSearchBenchmarks"/>: a whole long title).</summary>
    public const string LongSearch = "accords where title contains @text count";

    /// <summary>A count answered from one posting list (about half the accords).</summary>
    public const string Count = "accords where parties has PER count";

    /// <summary>Group every accord by kind and count.</summary>
    public const string GroupByCount = "accords group by kind count";

    /// <summary>The README's main query: Peru–Ecuador accords, newest first (about 12 % of accords).</summary>
    public const string PeruEcuador = "accords where parties has PER and parties has ECU order by signed desc";

    /// <summary>A key lookup: the cheapest query, so the run-time path's own overhead shows.</summary>
    public const string ById = "accords where id = \"acc-0000042\"";

    /// <summary>The key the <see cref="ById"/> query looks up.</summary>
    public const string ByIdKey = "acc-0000042";

    [BdqQuery("accords where parties has BOL and kind = Treaty and status = Planned")]
    public static partial IReadOnlyList<Accord> SelectiveAndGenerated(BorderStore store);

    [BdqQuery("accords where topics has any (IllegalMining, FuelSmuggling) and signed between 2015 and 2018")]
    public static partial IReadOnlyList<Accord> TopicsInDateRangeGenerated(BorderStore store);

    [BdqQuery("accords where topics has any (IllegalMining, FuelSmuggling) and signed between 2015 and 2018 count")]
    public static partial int TopicsInDateRangeCountGenerated(BorderStore store);

    [BdqQuery("accords where kind in (Agreement, MemorandumOfUnderstanding, Treaty) order by signed desc take 10")]
    public static partial IReadOnlyList<Accord> TopKGenerated(BorderStore store);

    [BdqQuery("accords where title contains \"mineria\"")]
    public static partial IReadOnlyList<Accord> TitleContainsGenerated(BorderStore store);

    [BdqQuery("accords where title contains \"1\" count")]
    public static partial int ManyWordsCountGenerated(BorderStore store);

    [BdqQuery("accords where title contains @text count")]
    public static partial int LongSearchGenerated(BorderStore store, string text);

    [BdqQuery("accords where parties has PER count")]
    public static partial int CountGenerated(BorderStore store);

    [BdqQuery("accords group by kind count")]
    public static partial IReadOnlyList<IReadOnlyList<object?>> GroupByCountGenerated(BorderStore store);

    [BdqQuery("accords where parties has PER and parties has ECU order by signed desc")]
    public static partial IReadOnlyList<Accord> PeruEcuadorGenerated(BorderStore store);

    [BdqQuery("accords where id = \"acc-0000042\"")]
    public static partial IReadOnlyList<Accord> ByIdGenerated(BorderStore store);
}
