using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

// The query misspells "parties": the build must fail with BDQ0102 at the misspelt name.
Console.WriteLine(Queries.Misspelt(BorderStore.Default).Count);

static partial class Queries
{
    [BdqQuery("accords where parites has PER")]
    public static partial IReadOnlyList<Accord> Misspelt(BorderStore store);
}
