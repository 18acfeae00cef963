using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Model;

namespace BorderDomain.Storage;

/// <summary>
/// Collects records for the next <see cref="BorderStore"/> snapshot. Not thread-safe; the snapshot it builds is.
/// </summary>
public sealed class BorderStoreBuilder
{
    /// <summary>The sources.</summary>
    public List<Source> Sources { get; } = [];

    /// <summary>The nations.</summary>
    public List<Nation> Nations { get; } = [];

    /// <summary>The agencies.</summary>
    public List<Agency> Agencies { get; } = [];

    /// <summary>The people.</summary>
    public List<Person> People { get; } = [];

    /// <summary>The accords.</summary>
    public List<Accord> Accords { get; } = [];

    /// <summary>The statistics (their <see cref="Statistic.Disputed"/> flags are recomputed by <see cref="Build()"/>).</summary>
    public List<Statistic> Statistics { get; } = [];

    /// <summary>The events.</summary>
    public List<Event> Events { get; } = [];

    /// <summary>
    /// Checks the records (unique keys, no dangling references, no reference cycles), marks disputed statistics and
    /// builds the snapshot with all its indexes.
    /// </summary>
    /// <exception cref="Data.BorderDataException">The records are inconsistent; the first <see cref="Data.BorderDataset.DefaultMaxErrors"/> problems are listed and the rest counted.</exception>
    public BorderStore Build() => DataHooks.Required(DataHooks.BuildChecked, nameof(DataHooks.BuildChecked))(this);

    /// <summary>Builds the snapshot from records the data layer's validator found consistent.</summary>
    internal BorderStore BuildValidated() => new(StoreSets.All.Select(set => set.Build(this)).ToArray());

    /// <summary>
    /// Marks a statistic disputed when another has the same metric, nations (in any order), agency, place, period
    /// and unit but a different value. Claims in different units are not compared. Linear: one pass groups the
    /// claims by key and notes whether each group holds two different values (then every member of it has another
    /// with a different value, so every member is disputed; otherwise none is), a second pass reads the flags.
    /// </summary>
    internal static List<Statistic> MarkDisputed(IReadOnlyList<Statistic> statistics)
    {
        var groups = new Dictionary<string, Claim>(StringComparer.Ordinal);
        var keys = new string[statistics.Count];
        for (var i = 0; i < statistics.Count; i++)
        {
            var key = keys[i] = ClaimKey(statistics[i]);
            var value = statistics[i].Value;
            if (!groups.TryGetValue(key, out var claim))
            {
                groups[key] = new Claim(value, Differs: false);
            }
            else if (!claim.Differs && claim.FirstValue != value)
            {
                groups[key] = claim with { Differs = true };
            }
        }

        var result = new List<Statistic>(statistics.Count);
        for (var i = 0; i < statistics.Count; i++)
        {
            var disputed = groups[keys[i]].Differs;
            result.Add(statistics[i].Disputed == disputed ? statistics[i] : statistics[i] with { Disputed = disputed });
        }

        return result;
    }

    private static string ClaimKey(Statistic statistic) => string.Join(
        "|",
        statistic.Metric,
        string.Join(",", statistic.Nations.Select(code => code.Alpha3).Order(StringComparer.Ordinal)),
        statistic.Agency?.ToUpperInvariant(),
        statistic.Place?.ToUpperInvariant(),
        statistic.Period?.ToString(),
        statistic.Unit.Code);

    // A claim key's first value, and whether another member of the group has a different one.
    private readonly record struct Claim(decimal FirstValue, bool Differs);
}
