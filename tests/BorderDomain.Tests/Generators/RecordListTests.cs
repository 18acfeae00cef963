using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.CompilerServices;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Generators;

/// <summary>
/// The lists generated code returns for a read-only list of records: the table's records at the rows found, and a key
/// lookup's one record.
/// </summary>
public sealed class RecordListTests
{
    private static EntityTable<Accord> Table => BorderStore.Default.Accords;

    [Fact]
    public void RecordList_ReadsTheRecordsAtItsRows_InTheRowsOrder()
    {
        int[] rows = [5, 0, 3, 1];
        var list = new RecordList<Accord>(Table, rows, 1, 4);

        Assert.Equal(3, list.Count);
        Assert.Same(Table[0], list[0]);
        Assert.Same(Table[3], list[1]);
        Assert.Same(Table[1], list[2]);
        Assert.Equal(new[] { Table[0], Table[3], Table[1] }, list.ToList());
    }

    [Fact]
    public void RecordList_OutsideItsRange_Throws()
    {
        var list = new RecordList<Accord>(Table, [2, 4, 6], 1, 3);

        Assert.Throws<ArgumentOutOfRangeException>(() => list[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordList<Accord>(Table, [1, 2], 1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordList<Accord>(Table, [1, 2], 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordList<Accord>(Table, [1, 2], -1, 1));
    }

    [Fact]
    public void RecordList_OfAnotherList_CopiesIt()
    {
        var rows = new List<int> { 7, 8, 9 };
        var list = new RecordList<Accord>(Table, rows, 0, 3);
        rows[0] = 0;

        Assert.Same(Table[7], list[0]);
    }

    [Fact]
    public void RecordList_OfAShortPageOfALongArray_DoesNotKeepTheArray()
    {
        var rows = Enumerable.Range(0, Table.Count).ToArray();
        var page = new RecordList<Accord>(Table, rows, 10, 13);
        var most = new RecordList<Accord>(Table, rows, 0, rows.Length - 1);
        rows[10] = 0;
        rows[0] = 1;

        // The page was copied when it was made; the list that is most of the array reads the array itself.
        Assert.Same(Table[10], page[0]);
        Assert.Same(Table[1], most[0]);
    }

    [Fact]
    public void RecordList_Empty_HasNoRecords()
    {
        var list = new RecordList<Accord>(Table, Array.Empty<int>(), 0, 0);

        Assert.Empty(list);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[0]);
    }

    [Fact]
    public void SingleRecordList_HoldsItsOneRecord()
    {
        var list = new SingleRecordList<Accord>(Table[3]);

        Assert.Single(list);
        Assert.Same(Table[3], list[0]);
        Assert.Same(Table[3], list.Single());
        Assert.Throws<ArgumentOutOfRangeException>(() => list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        Assert.Throws<ArgumentNullException>(() => new SingleRecordList<Accord>(null!));
    }

    [Fact]
    public void GeneratedKeyLookup_ReturnsItsRecordInTheDeclaredShape()
    {
        const string Source = """
            using System.Collections.Generic;
            using BorderDomain.Model;
            using BorderDomain.Query;
            using BorderDomain.Storage;
            namespace Lookups;
            public static partial class Queries
            {
                [BdqQuery("accords where id = \"pe-ec-2025-pledge\"")]
                public static partial IReadOnlyList<Accord> AsReadOnlyList(BorderStore store);
                [BdqQuery("accords where id = \"pe-ec-2025-pledge\"")]
                public static partial IEnumerable<Accord> AsSequence(BorderStore store);
                [BdqQuery("accords where id = \"pe-ec-2025-pledge\"")]
                public static partial Accord[] AsArray(BorderStore store);
                [BdqQuery("accords where id = \"pe-ec-2025-pledge\"")]
                public static partial List<Accord> AsList(BorderStore store);
                [BdqQuery("accords where id = \"no-such-accord\"")]
                public static partial IReadOnlyList<Accord> Missing(BorderStore store);
            }
            """;
        var (compilation, diagnostics, _) = GeneratorHarness.Run(Source);
        Assert.Empty(diagnostics);
        var assembly = GeneratorHarness.Load(compilation);
        var expected = BorderStore.Default.Accords.Find("pe-ec-2025-pledge");
        Assert.NotNull(expected);

        object? Call(string method) => GeneratorHarness.Invoke(assembly, "Lookups.Queries", method);

        // Read-only lists and sequences get the one-record list; arrays and List<T> what they declare.
        Assert.Same(expected, Assert.IsType<SingleRecordList<Accord>>(Call("AsReadOnlyList")).Single());
        Assert.Same(expected, Assert.IsType<SingleRecordList<Accord>>(Call("AsSequence")).Single());
        Assert.Same(expected, Assert.Single(Assert.IsType<Accord[]>(Call("AsArray"))));
        Assert.Same(expected, Assert.Single(Assert.IsType<List<Accord>>(Call("AsList"))));
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<Accord>>(Call("Missing")));
    }
}
