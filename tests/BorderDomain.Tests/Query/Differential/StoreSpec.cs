using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;

namespace BorderDomain.Tests.Query.Differential;

/// <summary>The records of a store, as plain lists: what the store is built from and what the naive side reads.</summary>
internal sealed record StoreSpec(
    ImmutableArray<Source> Sources,
    ImmutableArray<Nation> Nations,
    ImmutableArray<Agency> Agencies,
    ImmutableArray<Accord> Accords,
    ImmutableArray<Statistic> Statistics,
    ImmutableArray<Event> Events)
{
    /// <summary>A store holding exactly these records, in this order.</summary>
    public BorderStore Build()
    {
        var builder = new BorderStoreBuilder();
        builder.Sources.AddRange(Sources);
        builder.Nations.AddRange(Nations);
        builder.Agencies.AddRange(Agencies);
        builder.Accords.AddRange(Accords);
        builder.Statistics.AddRange(Statistics);
        builder.Events.AddRange(Events);

        // Places are references: one place record for each id the records use (ids match in any case).
        builder.Places.AddRange(Accords.Select(a => a.Place).Concat(Statistics.Select(s => s.Place))
            .Concat(Events.Select(e => e.Place)).Concat(Events.SelectMany(e => e.Sites)).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).Select(id => new Place { Id = id, Name = id, Kind = PlaceKind.City }));
        return builder.Build();
    }

    /// <summary>
    /// The records of an existing store. Its events are left out: they refer to people and organizations, which a spec
    /// does not hold, so a spec with them could not be built again when a counterexample is shrunk.
    /// </summary>
    public static StoreSpec From(BorderStore store) =>
        new([.. store.Sources], [.. store.Nations], [.. store.Agencies], [.. store.Accords], [.. store.Statistics], []);

    /// <summary>Every way of dropping one record, for shrinking a counterexample.</summary>
    public IEnumerable<StoreSpec> WithOneRecordFewer()
    {
        for (var i = Events.Length - 1; i >= 0; i--)
        {
            yield return this with { Events = Events.RemoveAt(i) };
        }

        for (var i = Statistics.Length - 1; i >= 0; i--)
        {
            yield return this with { Statistics = Statistics.RemoveAt(i) };
        }

        for (var i = Accords.Length - 1; i >= 0; i--)
        {
            yield return this with { Accords = Accords.RemoveAt(i) };
        }

        for (var i = Agencies.Length - 1; i >= 0; i--)
        {
            yield return this with { Agencies = Agencies.RemoveAt(i) };
        }

        for (var i = Sources.Length - 1; i >= 0; i--)
        {
            yield return this with { Sources = Sources.RemoveAt(i) };
        }

        for (var i = Nations.Length - 1; i >= 0; i--)
        {
            yield return this with { Nations = Nations.RemoveAt(i) };
        }
    }

    /// <summary>The records as readable lines, for failure messages.</summary>
    public string Describe()
    {
        var lines = new List<string>();
        lines.AddRange(Nations.Select(n => $"  nation {n.Code} name=\"{n.Name}\" region=\"{n.Region}\" neighbours=[{Join(n.Neighbours)}]"));
        lines.AddRange(Sources.Select(s => $"  source {s.Id}"));
        lines.AddRange(Agencies.Select(a =>
            $"  agency {a.Id} name=\"{a.Name}\" acronym={Text(a.Acronym)} nation={a.Nation} kind={a.Kind} parent={Text(a.Parent)} sources=[{Join(a.Sources)}]"));
        lines.AddRange(Accords.Select(a =>
            $"  accord {a.Id} title=\"{a.Title}\" kind={a.Kind} status={a.Status} signed={a.Signed?.ToString() ?? "null"} place={Text(a.Place)} " +
            $"parties=[{Join(a.Parties)}] topics=[{Join(a.Topics)}] signatories=[{Join(a.Signatories)}] buildsOn=[{Join(a.BuildsOn)}] sources=[{Join(a.Sources)}]"));
        lines.AddRange(Statistics.Select(s =>
            $"  statistic {s.Id} metric={s.Metric} nations=[{Join(s.Nations)}] agency={Text(s.Agency)} place={Text(s.Place)} " +
            $"value={s.Value.ToString(CultureInfo.InvariantCulture)} unit={s.Unit} period={s.Period?.ToString() ?? "null"} source={s.Source}"));
        lines.AddRange(Events.Select(e =>
            $"  event {e.Id} title=\"{e.Title}\" kind={e.Kind} status={e.Status} date={e.Date?.ToString() ?? "null"} dateBasis={e.DateBasis?.ToString() ?? "null"} " +
            $"place={Text(e.Place)} partOf={Text(e.PartOf)} sites=[{Join(e.Sites)}] nations=[{Join(e.Nations)}] agencies=[{Join(e.Agencies)}] " +
            $"accords=[{Join(e.Accords)}] outcomes=[{Join(e.Outcomes)}] topics=[{Join(e.Topics)}] sources=[{Join(e.Sources)}]"));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Text(string? value) => value is null ? "null" : $"\"{value}\"";

    private static string Join<T>(ImmutableArray<T> values) => string.Join(", ", values);
}

/// <summary>Random stores skewed so that queries meet collisions: few nations in many records, small pools of topics, places and values.</summary>
internal static class RandomStores
{
    internal static readonly Nation[] NationPool =
    [
        new() { Code = NationCode.Peru, Name = "Peru", Region = "South America", Neighbours = [NationCode.Ecuador, NationCode.Colombia, NationCode.Parse("BRA")] },
        new() { Code = NationCode.Ecuador, Name = "Ecuador", Region = "South America", Neighbours = [NationCode.Peru, NationCode.Colombia] },
        new() { Code = NationCode.Colombia, Name = "Colombia", Region = "South America", Neighbours = [NationCode.Peru, NationCode.Ecuador, NationCode.Parse("BRA")] },
        new() { Code = NationCode.UnitedStates, Name = "United States", Region = "North America", Neighbours = [] },
        new() { Code = NationCode.Parse("BRA"), Name = "Brasil", Region = "South America", Neighbours = [NationCode.Peru, NationCode.Colombia] },
        new() { Code = NationCode.Parse("ESP"), Name = "España", Region = "Europe", Neighbours = [] },
    ];

    // Weights of the nations above: Peru and Ecuador are in most records.
    private static readonly int[] NationWeights = [8, 6, 3, 2, 1, 1];

    internal static readonly string[] TitleWords =
    [
        "Minería", "ilegal", "Jerí", "Acuerdo", "binacional", "Perú", "Ecuador", "frontera", "Narcotráfico", "Plan",
        "MINERÍA", "mineria", "Combustible", "Educación", "Seguridad", "Amazonía", "Río", "Putumayo", "Pledge", "Border",
    ];

    internal static readonly string[] NameWords =
    [
        "Policía", "Nacional", "del", "Perú", "Dirección", "Aduanas", "Migración", "Ministerio", "Defensa", "Frontera",
        "Jerí", "Ejército", "Customs", "Border", "Protection", "Fiscalía",
    ];

    private static readonly string[] Separators = [" ", " ", " ", " ", " - ", ", ", "/"];

    internal static readonly string[] PlacePool = ["Lima", "LIMA", "lima", "Quito", "Tumbes", "Bogotá", "Aguas Verdes", "Leticia"];

    internal static readonly string[] AcronymPool = ["PNP", "pnp", "PNE", "CBP", "DEA", "Sunat", "DIAN"];

    internal static readonly string[] UnitPool = ["km", "USD", "people", "%", "PEN"];

    internal static readonly Topic[] TopicPool = [Topic.DrugTrafficking, Topic.IllegalMining, Topic.FuelSmuggling, Topic.HumanTrafficking, Topic.Smuggling];

    internal static readonly Metric[] MetricPool = [Metric.BorderLength, Metric.IllegalCrossings, Metric.BilateralTrade, Metric.FuelPrice];

    internal static readonly AgencyKind[] AgencyKindPool = [AgencyKind.Police, AgencyKind.Customs, AgencyKind.Migration, AgencyKind.Military, AgencyKind.Ministry];

    internal static readonly decimal[] ValuePool = [0m, 1m, 1.5m, 1.50m, -3.5m, 12.75m, 1420m, 1420.0m, 1500m, 2037000000m, 0.001m, 300m];

    internal static StoreSpec Create(Random rng)
    {
        var sources = Enumerable.Range(0, rng.Next(1, 6))
            .Select(i => new Source { Id = $"src-{i}", Kind = Pick(rng, Enum.GetValues<SourceKind>()) })
            .ToImmutableArray();
        var sourceIds = sources.Select(s => s.Id).ToArray();

        var agencies = ImmutableArray.CreateBuilder<Agency>();
        var agencyCount = Size(rng);
        for (var i = 0; i < agencyCount; i++)
        {
            agencies.Add(new Agency
            {
                Id = $"ag-{i}",
                Name = Words(rng, NameWords, rng.Next(1, 5)),
                Acronym = rng.Next(3) == 0 ? null : Pick(rng, AcronymPool),
                Nation = SkewedNation(rng),
                Kind = Pick(rng, AgencyKindPool),
                Parent = i > 0 && rng.Next(5) < 2 ? VaryCase(rng, $"ag-{rng.Next(i)}") : null,
                Sources = Subset(rng, sourceIds, 2),
            });
        }

        var agencyIds = agencies.Select(a => a.Id).ToArray();
        var accords = ImmutableArray.CreateBuilder<Accord>();
        var accordCount = Size(rng);
        for (var i = 0; i < accordCount; i++)
        {
            accords.Add(new Accord
            {
                Id = $"acc-{i}",
                Title = Words(rng, TitleWords, rng.Next(1, 6)),
                Kind = Pick(rng, Enum.GetValues<AccordKind>()),
                Status = Pick(rng, Enum.GetValues<AccordStatus>()),
                Parties = Enumerable.Range(0, rng.Next(0, 5)).Select(_ => SkewedNation(rng)).Distinct().ToImmutableArray(),
                Signatories = Subset(rng, agencyIds, 3).Select(id => VaryCase(rng, id)).ToImmutableArray(),
                Signed = rng.Next(5) == 0 ? null : Period.Of(Date(rng)),
                Place = rng.Next(5) < 2 ? null : Pick(rng, PlacePool),
                Topics = Enumerable.Range(0, rng.Next(0, 4)).Select(_ => Pick(rng, TopicPool)).Distinct().ToImmutableArray(),
                BuildsOn = i == 0 ? [] : Enumerable.Range(0, rng.Next(0, 3)).Select(_ => $"acc-{rng.Next(i)}").Distinct().ToImmutableArray(),
                Sources = Subset(rng, sourceIds, 2),
            });
        }

        // Statistics are drawn from a few claims so that several share one (disputed when their values differ).
        var claims = Enumerable.Range(0, rng.Next(1, 9)).Select(_ => new Statistic
        {
            Id = "claim",
            Metric = Pick(rng, MetricPool),
            Nations = Enumerable.Range(0, rng.Next(0, 4)).Select(_ => SkewedNation(rng)).Distinct().ToImmutableArray(),
            Agency = agencyIds.Length == 0 || rng.Next(2) == 0 ? null : VaryCase(rng, Pick(rng, agencyIds)),
            Place = rng.Next(5) < 3 ? null : Pick(rng, PlacePool),
            Value = Pick(rng, ValuePool), // the value most sources agree on
            Unit = Unit.Parse(Pick(rng, UnitPool)),
            Period = RandomPeriod(rng),
            Source = sourceIds[0],
        }).ToArray();
        var statistics = ImmutableArray.CreateBuilder<Statistic>();
        var statisticCount = Size(rng);
        for (var i = 0; i < statisticCount; i++)
        {
            var claim = Pick(rng, claims);
            statistics.Add(claim with
            {
                Id = $"stat-{i}",
                Value = rng.Next(10) switch
                {
                    < 6 => claim.Value,
                    < 8 => Pick(rng, ValuePool),
                    _ => new decimal(rng.Next(0, 100_000), 0, 0, rng.Next(4) == 0, (byte)rng.Next(0, 4)),
                },
                Source = Pick(rng, sourceIds),
                Disputed = rng.Next(2) == 0, // the store recomputes it
            });
        }

        // Events: the sub-events of earlier ones, and references to the accords, agencies and places drawn above.
        var accordIds = accords.Select(a => a.Id).ToArray();
        var events = ImmutableArray.CreateBuilder<Event>();
        var eventCount = Size(rng);
        for (var i = 0; i < eventCount; i++)
        {
            events.Add(new Event
            {
                Id = $"ev-{i}",
                Kind = Pick(rng, Enum.GetValues<EventKind>()),
                Title = Words(rng, TitleWords, rng.Next(1, 5)),
                Status = Pick(rng, Enum.GetValues<EventStatus>()),
                Date = RandomPeriod(rng),
                DateBasis = rng.Next(3) == 0 ? null : Pick(rng, Enum.GetValues<DateBasis>()),
                Place = rng.Next(3) == 0 ? null : Pick(rng, PlacePool),
                Sites = Subset(rng, PlacePool, 2),
                PartOf = i > 0 && rng.Next(3) == 0 ? VaryCase(rng, $"ev-{rng.Next(i)}") : null,
                Nations = Enumerable.Range(0, rng.Next(0, 4)).Select(_ => SkewedNation(rng)).Distinct().ToImmutableArray(),
                Agencies = Subset(rng, agencyIds, 3).Select(id => VaryCase(rng, id)).ToImmutableArray(),
                Accords = Subset(rng, accordIds, 2),
                Outcomes = Subset(rng, accordIds, 1),
                Topics = Enumerable.Range(0, rng.Next(0, 3)).Select(_ => Pick(rng, TopicPool)).Distinct().ToImmutableArray(),
                Sources = Subset(rng, sourceIds, 2),
            });
        }

        return new StoreSpec(sources, [.. NationPool], agencies.ToImmutable(), accords.ToImmutable(), statistics.ToImmutable(), events.ToImmutable());
    }

    internal static PartialDate Date(Random rng)
    {
        var year = rng.Next(1990, 2027);
        var month = rng.Next(1, 13);
        return rng.Next(3) switch
        {
            0 => PartialDate.FromYear(year),
            1 => PartialDate.FromYearMonth(year, month),
            _ => PartialDate.FromDate(year, month, rng.Next(1, DateTime.DaysInMonth(year, month) + 1)),
        };
    }

    private static Period? RandomPeriod(Random rng)
    {
        switch (rng.Next(5))
        {
            case 0:
                return null;
            case 1:
                return Period.Of(Date(rng));
            case 2:
                // Open periods: only known to end by, or to start from, a date.
                return rng.Next(2) == 0 ? Period.Before(Date(rng)) : Period.After(Date(rng));
            default:
                var (a, b) = (Date(rng), Date(rng));
                return b.End < a.Start ? Period.Between(b, a) : Period.Between(a, b);
        }
    }

    // Mostly small sets, sometimes empty, sometimes up to 60 records.
    private static int Size(Random rng) => rng.Next(10) switch
    {
        0 => 0,
        < 6 => rng.Next(1, 16),
        _ => rng.Next(16, 61),
    };

    private static NationCode SkewedNation(Random rng)
    {
        var roll = rng.Next(NationWeights.Sum());
        for (var i = 0; i < NationWeights.Length; i++)
        {
            if (roll < NationWeights[i])
            {
                return NationPool[i].Code;
            }

            roll -= NationWeights[i];
        }

        return NationPool[0].Code;
    }

    private static string Words(Random rng, string[] pool, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => (i == 0 ? string.Empty : Pick(rng, Separators)) + Pick(rng, pool)));

    private static ImmutableArray<string> Subset(Random rng, string[] pool, int max) =>
        pool.Length == 0 ? [] : Enumerable.Range(0, rng.Next(0, max + 1)).Select(_ => Pick(rng, pool)).Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();

    // Keys are case-insensitive: references may spell them differently.
    private static string VaryCase(Random rng, string id) => rng.Next(4) == 0 ? id.ToUpperInvariant() : id;

    internal static T Pick<T>(Random rng, IReadOnlyList<T> pool) => pool[rng.Next(pool.Count)];
}
