using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using BorderDomain.Data;
using BorderDomain.Query;
using BorderDomain.Storage;
using Xunit;
using Xunit.Abstractions;

namespace BorderDomain.Tests.Stress;

/// <summary>
/// Readers query the current snapshot while a writer loads users' data into new snapshots and publishes them. Every
/// read sees one consistent snapshot, no record is lost, counts never go back, nothing throws. Throughput is printed
/// with and without the writer; nothing is timed in an assertion.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private const int Readers = 3;
    private const int MaxSnapshots = 2_000;
    private static readonly TimeSpan WithoutWriter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WithWriter = TimeSpan.FromSeconds(2);

    [Fact]
    public void Readers_WhileAWriterPublishesSnapshots_SeeConsistentSnapshotsAndLoseNothing()
    {
        var baseStore = BorderStore.Default;
        var baseAccords = baseStore.Accords.Count;
        var basePeru = Bdq.Execute(baseStore, "accords where parties has PER count").Count!.Value;
        var baseMining = Bdq.Execute(baseStore, "accords where topics has IllegalMining count").Count!.Value;
        var holder = new Holder(baseStore);
        var failures = new ConcurrentQueue<string>();

        var quiet = RunReaders(holder, WithoutWriter, baseAccords, basePeru, baseMining, failures, writer: null);

        var published = 0;
        var writer = new Thread(() =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                while (clock.Elapsed < WithWriter && published < MaxSnapshots)
                {
                    var previous = holder.Current;
                    var k = previous.Accords.Count - baseAccords;
                    using var stream = new MemoryStream(Encoding.UTF8.GetBytes(AccordJson(k)));
                    var next = BorderDataset.Load(previous, stream, $"user-{k}.json");
                    if (!ReferenceEquals(Interlocked.CompareExchange(ref holder.CurrentField, next, previous), previous))
                    {
                        failures.Enqueue("the writer is the only publisher, yet the snapshot changed under it");
                    }

                    published++;
                }
            }
#pragma warning disable CA1031 // Any exception is a finding.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures.Enqueue($"writer: {exception}");
            }
        });
        var busy = RunReaders(holder, WithWriter, baseAccords, basePeru, baseMining, failures, writer);

        var last = holder.Current;
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(20)));
        Assert.Equal(baseAccords + published, last.Accords.Count);
        Assert.All(Enumerable.Range(0, published), i => Assert.NotNull(last.Accords.Find(Id(i))));
        Assert.Equal(baseAccords, BorderStore.Default.Accords.Count);
        Assert.True(published > 0);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Readers} readers without a writer: {quiet.Queries} queries in {quiet.Elapsed.TotalSeconds:F2} s = {quiet.Queries / quiet.Elapsed.TotalSeconds:F0} queries/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Readers} readers with a writer:    {busy.Queries} queries in {busy.Elapsed.TotalSeconds:F2} s = {busy.Queries / busy.Elapsed.TotalSeconds:F0} queries/s; {published} snapshots published ({published / busy.Elapsed.TotalSeconds:F0}/s), {busy.Snapshots} distinct snapshots seen by readers"));
    }

    private static (long Queries, TimeSpan Elapsed, long Snapshots) RunReaders(
        Holder holder, TimeSpan duration, int baseAccords, int basePeru, int baseMining, ConcurrentQueue<string> failures, Thread? writer)
    {
        long queries = 0;
        long snapshots = 0;
        var readers = Enumerable.Range(0, Readers).Select(r => new Thread(() =>
        {
            var random = new Random(r);
            var clock = Stopwatch.StartNew();
            var lastCount = -1;
            BorderStore? lastSnapshot = null;
            try
            {
                while (clock.Elapsed < duration && failures.IsEmpty)
                {
                    var snapshot = holder.Current; // read once; every check below is on this one snapshot
                    if (!ReferenceEquals(snapshot, lastSnapshot))
                    {
                        Interlocked.Increment(ref snapshots);
                        lastSnapshot = snapshot;
                    }

                    var count = Bdq.Execute(snapshot, "accords count").Count!.Value;
                    var k = count - baseAccords;
                    Check(count == snapshot.Accords.Count, $"'accords count' gave {count}, the snapshot holds {snapshot.Accords.Count}");
                    Check(count >= lastCount, $"the accord count went back from {lastCount} to {count}");
                    lastCount = count;
                    Check(Bdq.Execute(snapshot, "accords where parties has PER count").Count == basePeru + k, $"{k} new accords but the Peru count is off");
                    Check(Bdq.Execute(snapshot, "accords where topics has IllegalMining count").Count == baseMining + k, $"{k} new accords but the mining count is off");
                    var generated = Bdq.Execute(snapshot, "accords where id startswith \"stress-\" order by id").Records.Cast<BorderDomain.Model.Accord>().Select(a => a.Id).ToList();
                    Check(generated.SequenceEqual(Enumerable.Range(0, k).Select(Id)), $"snapshot with {k} new accords lists [{string.Join(", ", generated.Take(5))}…] ({generated.Count})");
                    if (k > 0)
                    {
                        var probe = random.Next(k);
                        Check(Bdq.Execute(snapshot, $"accords where id = \"{Id(probe)}\" and parties has ECU count").Count == 1, $"{Id(probe)} lost from a snapshot with {k} new accords");
                        var queryable = BdqQueryable.Apply(snapshot.Accords.AsQueryable(), $"accords where id = \"{Id(k - 1)}\"", store: snapshot).Count();
                        Check(queryable == 1, $"IQueryable: {Id(k - 1)} missing from a snapshot with {k} new accords");
                    }

                    Check(snapshot.Accords.Find(Id(k)) is null, $"{Id(k)} in a snapshot with only {k} new accords");
                    Interlocked.Add(ref queries, k > 0 ? 6 : 4);
                }
            }
#pragma warning disable CA1031 // Any exception is a finding.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures.Enqueue($"reader {r}: {exception}");
            }

            void Check(bool condition, string message)
            {
                if (!condition)
                {
                    failures.Enqueue($"reader {r}: {message}");
                }
            }
        })).ToList();

        var clock = Stopwatch.StartNew();
        readers.ForEach(t => t.Start());
        writer?.Start();
        writer?.Join();
        readers.ForEach(t => t.Join());
        return (queries, clock.Elapsed, snapshots);
    }

    private static string Id(int k) => string.Create(CultureInfo.InvariantCulture, $"stress-{k:D6}");

    private static string AccordJson(int k) => $$"""
        {
          "accords": [
            {
              "id": "{{Id(k)}}",
              "title": "Stress accord {{k}}",
              "kind": "Agreement",
              "parties": ["PER", "ECU"],
              "signed": "2020-01-01",
              "topics": ["IllegalMining"],
              "status": "Signed",
              "buildsOn": ["pe-ec-1998-peace"],
              "sources": ["src-000"]
            }
          ]
        }
        """;

    private sealed class Holder(BorderStore initial)
    {
        public BorderStore CurrentField = initial;

        public BorderStore Current => Volatile.Read(ref CurrentField);
    }
}
