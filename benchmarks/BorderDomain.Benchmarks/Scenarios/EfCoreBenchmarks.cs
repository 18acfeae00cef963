using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Dynamic.Core;
using BenchmarkDotNet.Attributes;
using BorderDomain.EntityFrameworkCore;
using BorderDomain.EntityFrameworkCore.Query;
using BorderDomain.EntityFrameworkCore.Tests.Infrastructure;
using BorderDomain.Query;
using BorderDomain.Schema;
using Microsoft.EntityFrameworkCore;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>How people cross at a <see cref="BenchCrossing"/>.</summary>
public enum BenchMode
{
    /// <summary>By road.</summary>
    Road = 1,

    /// <summary>On foot.</summary>
    Foot,
}

/// <summary>A user's own record type, as the README's database path declares one.</summary>
[QuerySet("crossings")]
public sealed record BenchCrossing
{
    /// <summary>The key.</summary>
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    /// <summary>How.</summary>
    [Indexed]
    public required BenchMode Mode { get; init; }

    /// <summary>How many people crossed.</summary>
    [Indexed(IndexKind.Sorted)]
    public required int People { get; init; }
}

/// <summary>The benchmark's context: <see cref="BenchCrossing"/> on PostgreSQL, mapped with BDQ's conventions.</summary>
public sealed class BenchCrossingsContext(DbContextOptions<BenchCrossingsContext> options) : DbContext(options)
{
    /// <summary>The crossings.</summary>
    public DbSet<BenchCrossing> Crossings => Set<BenchCrossing>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BenchCrossing>();
        modelBuilder.ApplyBdqConventions();
    }
}

/// <summary>
/// BDQ on EF Core against PostgreSQL 15 (a throwaway cluster on a loopback port, started in the setup): the query
/// <c>crossings where mode = Road and people &gt;= 500 order by people desc take 10</c> written by hand in EF LINQ (the
/// baseline, with BDQ's tie-break by key), through BDQ warm (the text's translation cached) and cold (a new text each
/// call), and through System.Linq.Dynamic.Core's string LINQ on the same DbSet, warm and cold. Each call is one round
/// trip; the ratios are BDQ's translation overhead plus any difference in the SQL (target: warm at most 1.1).
/// </summary>
[MemoryDiagnoser]
public class EfCoreBenchmarks
{
    private const string Query = "crossings where mode = Road and people >= 500 order by people desc take 10";

    // More distinct texts than the query cache holds, cycled, so every BDQ (and Dynamic LINQ) parse is a miss.
    private const int ColdTexts = 4_096;

    private PostgresCluster? _cluster;
    private BenchCrossingsContext? _db;
    private BdqSets? _sets;
    private string[] _coldTexts = [];
    private string[] _coldDynamic = [];
    private int _next;

    /// <summary>The sizes this scenario runs at: <see cref="BenchmarkSizes"/>, at most 100,000 rows (saved through EF).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values().Select(n => Math.Min(n, 100_000)).Distinct();

    /// <summary>Rows in the table.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; } = 1_000;

    private BenchCrossingsContext Db => _db ?? throw new InvalidOperationException("Setup has not run.");

    /// <summary>Starts the cluster, creates the table and saves <see cref="N"/> crossings through EF (so BDQ's columns are filled).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _cluster = PostgresCluster.Start();
        var options = new DbContextOptionsBuilder<BenchCrossingsContext>().UseNpgsql(_cluster.ConnectionString("bench")).UseBdq().Options;
        _db = new BenchCrossingsContext(options);
        _db.Database.EnsureCreated();
        for (var start = 0; start < N; start += 10_000)
        {
            _db.Crossings.AddRange(Enumerable.Range(start, Math.Min(10_000, N - start)).Select(i => new BenchCrossing
            {
                Id = "c-" + i.ToString("D7", CultureInfo.InvariantCulture),
                Mode = i % 3 == 0 ? BenchMode.Foot : BenchMode.Road,
                People = (int)(i * 7919L % 2_000),
            }));
            _db.SaveChanges();
            _db.ChangeTracker.Clear();
        }

        _db.Database.ExecuteSqlRaw("ANALYZE \"Crossings\"");
        _sets = _db.GetBdqSets();
        _coldTexts = Enumerable.Range(1, ColdTexts)
            .Select(i => $"crossings where mode = Road and people >= 500 and people != -{i.ToString(CultureInfo.InvariantCulture)} order by people desc take 10")
            .ToArray();
        _coldDynamic = Enumerable.Range(1, ColdTexts)
            .Select(i => $"Mode == @0 && People >= @1 && People != -{i.ToString(CultureInfo.InvariantCulture)}")
            .ToArray();
        _next = 0;
    }

    /// <summary>Stops the cluster and deletes its folder.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _db?.Dispose();
        _db = null;
        _cluster?.Dispose();
        _cluster = null;
    }

    /// <summary>The query written by hand in EF LINQ, ordered as BDQ orders (ties by key).</summary>
    [Benchmark(Baseline = true)]
    public List<BenchCrossing> HandWrittenEf() => Db.Crossings.AsNoTracking()
        .Where(c => c.Mode == BenchMode.Road && c.People >= 500)
        .OrderByDescending(c => c.People).ThenBy(c => c.Id)
        .Take(10)
        .ToList();

    /// <summary>BDQ, the text's translation cached: translate, run, build the result.</summary>
    [Benchmark]
    public BdqResult BdqWarm() => BdqQueryable.Translate(Db.Crossings.AsNoTracking(), Query, sets: _sets).Execute();

    /// <summary>BDQ with a text it has not seen (parsed, bound, planned and translated on the call).</summary>
    [Benchmark]
    public BdqResult BdqCold()
    {
        var text = _coldTexts[_next];
        _next = (_next + 1) % ColdTexts;
        return BdqQueryable.Translate(Db.Crossings.AsNoTracking(), text, sets: _sets).Execute();
    }

    /// <summary>System.Linq.Dynamic.Core's string LINQ on the same DbSet, the same text every call.</summary>
    [Benchmark]
    public List<BenchCrossing> DynamicLinqWarm() => Db.Crossings.AsNoTracking()
        .Where("Mode == @0 && People >= @1", BenchMode.Road, 500)
        .OrderBy("People desc, Id")
        .Take(10)
        .ToList();

    /// <summary>System.Linq.Dynamic.Core with a text it has not seen.</summary>
    [Benchmark]
    public List<BenchCrossing> DynamicLinqCold()
    {
        var text = _coldDynamic[_next];
        _next = (_next + 1) % ColdTexts;
        return Db.Crossings.AsNoTracking().Where(text, BenchMode.Road, 500).OrderBy("People desc, Id").Take(10).ToList();
    }
}
