using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Data;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Tests.Query.Differential;

/// <summary>Runs one query three ways — the in-memory executor, the IQueryable path and the naive LINQ reading — and compares.</summary>
internal static class DifferentialCheck
{
    /// <summary>What differs, or null when all three agree (records by id, in order; or the count).</summary>
    public static string? Mismatch<T>(SetInfo<T> set, NaiveWorld world, BorderStore store, QueryCase<T> query, out IReadOnlyList<string> expected)
        where T : class
    {
        var naive = query.Evaluate(world, set.Rows(world.Spec), set.Id);
        expected = naive;
        var problems = new List<string>();
        try
        {
            var result = Bdq.Execute(store, query.Text, query.Parameters);
            if (query.Count)
            {
                if (result.Kind != BdqResultKind.Count || result.Count != naive.Count)
                {
                    problems.Add($"executor:   count {result.Count} ({result.Kind})");
                }
            }
            else
            {
                var ids = result.Records.Cast<T>().Select(set.Id).ToList();
                if (result.Kind != BdqResultKind.Records || !ids.SequenceEqual(naive, StringComparer.Ordinal))
                {
                    problems.Add($"executor:   [{string.Join(", ", ids)}] ({result.Kind})");
                }
            }
        }
        catch (Exception e)
        {
            problems.Add($"executor threw {e.GetType().Name}: {e.Message}");
        }

        try
        {
            var rows = BdqQueryable.Apply(set.Table(store).AsQueryable(), query.Text, query.Parameters, store);
            if (query.Count)
            {
                var count = rows.Count();
                if (count != naive.Count)
                {
                    problems.Add($"IQueryable: count {count}");
                }
            }
            else
            {
                var ids = rows.AsEnumerable().Select(set.Id).ToList();
                if (!ids.SequenceEqual(naive, StringComparer.Ordinal))
                {
                    problems.Add($"IQueryable: [{string.Join(", ", ids)}]");
                }
            }
        }
        catch (Exception e)
        {
            problems.Add($"IQueryable threw {e.GetType().Name}: {e.Message}");
        }

        if (problems.Count == 0)
        {
            return null;
        }

        problems.Add(query.Count ? $"naive LINQ: count {naive.Count}" : $"naive LINQ: [{string.Join(", ", naive)}]");
        return string.Join(Environment.NewLine, problems);
    }

    /// <summary>Drops records one at a time while the query still disagrees, to a locally minimal store.</summary>
    public static StoreSpec Shrink<T>(SetInfo<T> set, StoreSpec spec, QueryCase<T> query)
        where T : class
    {
        bool Fails(StoreSpec candidate)
        {
            BorderStore store;
            try
            {
                store = candidate.Build();
            }
            catch (BorderDataException)
            {
                return false; // dropped a record something else refers to
            }

            return Mismatch(set, NaiveWorld.From(candidate), store, query, out _) is not null;
        }

        var progress = true;
        while (progress)
        {
            progress = false;
            var i = 0;
            while (true)
            {
                var candidates = spec.WithOneRecordFewer().ToList();
                if (i >= candidates.Count)
                {
                    break;
                }

                if (Fails(candidates[i]))
                {
                    spec = candidates[i];
                    progress = true;
                }
                else
                {
                    i++;
                }
            }
        }

        return spec;
    }
}

/// <summary>How many cases ran, and how many had a non-empty answer (so the generator is not vacuous).</summary>
internal sealed class Tally
{
    public int Cases { get; set; }

    public int NonEmpty { get; set; }

    public int Ordered { get; set; }

    public int WithParameters { get; set; }
}
