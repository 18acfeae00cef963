using System;
using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks;

/// <summary>
/// What the synthetic records and the store built from them hold on the managed heap, per record, measured as the
/// growth of <see cref="GC.GetTotalMemory(bool)"/> (after full collections) when the records are drawn and when the
/// store is built from them while they stay alive. The store's part is its row arrays, key maps and indexes, plus its
/// own copies of the statistics it marks disputed.
/// </summary>
/// <param name="Size">Accords, statistics and agencies (each).</param>
/// <param name="Records">All records of the dataset (with nations and sources).</param>
/// <param name="RecordBytes">Heap bytes the records hold.</param>
/// <param name="StoreBytes">Heap bytes the store adds on top of the records.</param>
/// <param name="EstimatedIndexBytes">The tables' own estimate of their index bytes (<see cref="EntityTable{T}.EstimatedIndexBytes"/>).</param>
public sealed record MemoryFootprint(int Size, long Records, long RecordBytes, long StoreBytes, long EstimatedIndexBytes)
{
    private static readonly ConcurrentDictionary<int, Lazy<MemoryFootprint>> Measured = new();

    /// <summary>Record bytes per record.</summary>
    public double RecordBytesPerRecord => (double)RecordBytes / Records;

    /// <summary>Store (index) bytes per record.</summary>
    public double StoreBytesPerRecord => (double)StoreBytes / Records;

    /// <summary>Store bytes over record bytes: at most 1 when the indexes cost no more than the records.</summary>
    public double StoreToRecords => (double)StoreBytes / RecordBytes;

    /// <summary>Measures the dataset of <paramref name="size"/> (once per process and size).</summary>
    public static MemoryFootprint Of(int size) =>
        Measured.GetOrAdd(size, static n => new Lazy<MemoryFootprint>(() => Measure(n))).Value;

    private static MemoryFootprint Measure(int size)
    {
        // Type initialisers and schema metadata first, so they are not counted.
        GC.KeepAlive(SyntheticData.Create(1).BuildStore());
        var start = GC.GetTotalMemory(forceFullCollection: true);
        var data = SyntheticData.Create(size);
        var afterRecords = GC.GetTotalMemory(forceFullCollection: true);
        var store = data.BuildStore();
        var afterStore = GC.GetTotalMemory(forceFullCollection: true);
        long estimated = 0;
        foreach (var table in new object[] { store.Sources, store.Nations, store.Agencies, store.Accords, store.Statistics })
        {
            estimated += table switch
            {
                EntityTable<Model.Source> t => t.EstimatedIndexBytes,
                EntityTable<Model.Nation> t => t.EstimatedIndexBytes,
                EntityTable<Model.Agency> t => t.EstimatedIndexBytes,
                EntityTable<Model.Accord> t => t.EstimatedIndexBytes,
                EntityTable<Model.Statistic> t => t.EstimatedIndexBytes,
                _ => 0,
            };
        }

        var footprint = new MemoryFootprint(size, data.RecordCount, afterRecords - start, afterStore - afterRecords, estimated);
        GC.KeepAlive(data);
        GC.KeepAlive(store);
        return footprint;
    }

    /// <summary>A summary column showing one figure of the footprint of the benchmark's <c>N</c>.</summary>
    public sealed class Column(string name, string legend, Func<MemoryFootprint, string> value) : IColumn
    {
        /// <summary>Records' heap bytes per record.</summary>
        public static Column RecordBytes { get; } = new("Records B/rec", "Heap bytes the records hold, per record", f => f.RecordBytesPerRecord.ToString("N0", CultureInfo.InvariantCulture));

        /// <summary>Store heap bytes per record.</summary>
        public static Column StoreBytes { get; } = new("Store B/rec", "Heap bytes the store (row arrays, key maps, indexes) adds, per record", f => f.StoreBytesPerRecord.ToString("N0", CultureInfo.InvariantCulture));

        /// <summary>Store bytes over record bytes.</summary>
        public static Column StoreToRecords { get; } = new("Store/Records", "Store bytes over record bytes (target: at most 1)", f => f.StoreToRecords.ToString("N2", CultureInfo.InvariantCulture));

        public string Id => name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            benchmarkCase.Parameters["N"] is int n ? value(Of(n)) : "-";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
