using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

// One query compiled by the package's source generator, one run by the library's run-time parser.
var store = BorderStore.Default;
foreach (var a in Queries.PeruEcuador(store))
{
    Console.WriteLine(a.Id);
}

Console.WriteLine("count=" + Queries.DisputedCount(store));
Console.WriteLine("runtime=" + Bdq.Execute(store, "statistics where disputed count").Count);

static partial class Queries
{
    [BdqQuery("accords where parties has PER and parties has ECU order by signed desc")]
    public static partial IReadOnlyList<Accord> PeruEcuador(BorderStore store);

    [BdqQuery("statistics where disputed count")]
    public static partial int DisputedCount(BorderStore store);
}
