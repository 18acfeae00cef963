using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Embedding;

// 1. Your own records, indexed: an EntityTable per record type, built from your collection with the metadata the
//    generator emitted for [QuerySet("…")] (or, without the generator, read once from the attributes), and a
//    QueryStore holding the tables, so queries can name every set and follow references between them.
var crossings = new EntityTable<Crossing>(QuerySets.For<Crossing>(), Crossing.SampleData);
var stations = new EntityTable<Station>(QuerySets.For<Station>(), Station.SampleData);
var store = new QueryStore(crossings, stations);
Console.WriteLine("indexed lookup: " + string.Join(", ", crossings.FindAll("mode", CrossingMode.Road).Select(c => c.Id)));

// 2. A BDQ query on the store at run time, answered from its indexes, with typed parameters and your own limits.
var options = new BdqOptions { MaxQueryLength = 500, MaxTake = 100, MaxListItems = 20, MaxNestingDepth = 8 };
var peru = new Dictionary<string, object?> { ["nation"] = NationCode.Peru, ["least"] = 100m };
var recorded = Bdq.Execute(store, "crossings where station.nation = @nation and people >= @least order by people desc", peru, options);
Console.WriteLine("store: " + string.Join(", ", recorded.Records.Cast<Crossing>().Select(c => $"{c.Id} {c.People}")));
foreach (var row in Bdq.Execute(store, "crossings group by mode sum(people)", options: options).Rows)
{
    Console.WriteLine($"group: {row[0]} {row[1]}");
}

Console.WriteLine(Bdq.Explain(store, "crossings where mode = Road and people >= 500 order by people desc"));

// 3. The same language on any IQueryable<T> (here the table; a List<T> or another LINQ provider works too).
var busy = BdqQueryable.Apply(
    crossings.AsQueryable(),
    "crossings where nations has @nation and people >= @least order by people desc",
    peru,
    options: options);
foreach (var crossing in busy)
{
    Console.WriteLine($"run time: {crossing.Id} {crossing.Checkpoint} {crossing.People}");
}

// 4. A query typed by one of your users: diagnostics ready to show (the query, a caret line, code and message).
var userQuery = "crossings where chekpoint contains \"bridge\"";
if (!Bdq.TryExecute(store, userQuery, out _, out var diagnostics, options: options))
{
    foreach (var diagnostic in diagnostics)
    {
        Console.WriteLine(diagnostic.Format(userQuery));
    }
}

// 5. Your limits fail closed, before anything is built.
var tooLong = "crossings where " + string.Join(" or ", Enumerable.Repeat("people > 1", 60));
if (!Bdq.TryExecute(store, tooLong, out _, out var limited, options: options))
{
    Console.WriteLine("limit: " + limited[0]);
}

// 6. Compile-time queries on your records: the generator turns [BdqQuery] methods into index calls, and a typo in
//    one is a build error at its column.
Console.WriteLine("generated busy roads: " + string.Join(", ", CrossingQueries.BusyRoads(crossings, 500m).Select(c => c.Id)));
Console.WriteLine("generated seizures: " + CrossingQueries.Seizures(crossings));
Console.WriteLine("generated recorded by Peru: " + string.Join(", ", CrossingQueries.RecordedBy(store, NationCode.Peru).Select(c => c.Id)));

// 7. The bundled dataset is a store too: the same generator and engine answer on it.
Console.WriteLine("generated: " + string.Join(", ", BundledQueries.PeruEcuador(BorderStore.Default).Select(a => a.Id)));
Console.WriteLine("generated count: " + BundledQueries.Disputed(BorderStore.Default));
