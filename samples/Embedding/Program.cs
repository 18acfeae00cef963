using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Embedding;

// 1. Your own records, indexed: an EntityTable built from your collection with the metadata the generator emitted
//    for [QuerySet("crossings")] (or, without the generator, read once from the attributes).
var crossings = new EntityTable<Crossing>(QuerySets.For<Crossing>(), Crossing.SampleData);
Console.WriteLine("indexed lookup: " + string.Join(", ", crossings.FindAll("mode", CrossingMode.Road).Select(c => c.Id)));

// 2. A BDQ query over them at run time, with typed parameters and your own limits.
var options = new BdqOptions { MaxQueryLength = 500, MaxTake = 100, MaxListItems = 20, MaxNestingDepth = 8 };
var parameters = new Dictionary<string, object?> { ["nation"] = NationCode.Peru, ["least"] = 100m };
var busy = BdqQueryable.Apply(
    crossings.AsQueryable(),
    "crossings where nations has @nation and people >= @least order by people desc",
    parameters,
    options: options);
foreach (var crossing in busy)
{
    Console.WriteLine($"run time: {crossing.Id} {crossing.Checkpoint} {crossing.People}");
}

// 3. A query typed by one of your users: diagnostics ready to show (the query, a caret line, code and message).
var userQuery = "crossings where chekpoint contains \"bridge\"";
if (!BdqQueryable.TryApply(crossings.AsQueryable(), userQuery, out _, out var diagnostics, options: options))
{
    foreach (var diagnostic in diagnostics)
    {
        Console.WriteLine(diagnostic.Format(userQuery));
    }
}

// 4. Your limits fail closed, before anything is built.
var tooLong = "crossings where " + string.Join(" or ", Enumerable.Repeat("people > 1", 60));
if (!BdqQueryable.TryApply(crossings.AsQueryable(), tooLong, out _, out var limited, options: options))
{
    Console.WriteLine("limit: " + limited[0]);
}

// 5. Compile-time queries: the generator turns [BdqQuery] methods into index calls, and a typo is a build error.
Console.WriteLine("generated: " + string.Join(", ", BundledQueries.PeruEcuador(BorderStore.Default).Select(a => a.Id)));
Console.WriteLine("generated count: " + BundledQueries.Disputed(BorderStore.Default));
