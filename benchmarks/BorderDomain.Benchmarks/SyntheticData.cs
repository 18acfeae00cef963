using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using BorderDomain.Model;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks;

/// <summary>
/// A deterministic synthetic dataset of <c>n</c> accords, <c>n</c> statistics and <c>n</c> agencies (plus every ISO
/// nation and a few dozen sources they cite), with the skew real data has: a few nations are party to most accords
/// (Zipf over nations, Peru, Ecuador and Colombia first), topics and places are Zipf-distributed, accords are signed
/// between 1990 and 2026 at day, month or year precision, and about one title in two hundred is long. One seeded
/// <see cref="Random"/> draws everything in a fixed order, so the same <c>n</c> and seed give the same records.
/// </summary>
public sealed class SyntheticData
{
    /// <summary>The seed every benchmark uses.</summary>
    public const int DefaultSeed = 20_260_101;

    private static readonly ConcurrentDictionary<int, Lazy<SyntheticData>> SharedData = new();
    private static readonly ConcurrentDictionary<int, Lazy<BorderStore>> SharedStores = new();

    // The nations real accords in this domain are about, most frequent first; the rest of ISO 3166-1 follows.
    private static readonly string[] HotNations = ["PER", "ECU", "COL", "USA", "BRA", "BOL", "VEN", "CHL", "ARG", "PAN", "MEX", "PRY", "URY", "ESP", "CHN"];

    private static readonly Dictionary<string, string> SpanishNames = new(StringComparer.Ordinal)
    {
        ["PER"] = "Perú", ["ECU"] = "Ecuador", ["COL"] = "Colombia", ["USA"] = "Estados Unidos", ["BRA"] = "Brasil",
        ["BOL"] = "Bolivia", ["VEN"] = "Venezuela", ["CHL"] = "Chile", ["ARG"] = "Argentina", ["PAN"] = "Panamá",
        ["MEX"] = "México", ["PRY"] = "Paraguay", ["URY"] = "Uruguay", ["ESP"] = "España", ["CHN"] = "China",
    };

    private static readonly string[] Regions = ["Africa", "Asia", "Europe", "Oceania", "Caribbean", "Middle East"];

    private static readonly Dictionary<Topic, string> TopicPhrases = new()
    {
        [Topic.DrugTrafficking] = "narcotráfico",
        [Topic.OrganizedCrime] = "crimen organizado transnacional",
        [Topic.IllegalMining] = "minería ilegal",
        [Topic.IllegalLogging] = "tala ilegal",
        [Topic.HumanTrafficking] = "trata de personas",
        [Topic.FuelSmuggling] = "contrabando de combustible",
        [Topic.Smuggling] = "contrabando de mercancías",
        [Topic.MoneyLaundering] = "lavado de activos",
        [Topic.WildlifeTrafficking] = "tráfico de fauna silvestre",
        [Topic.Migration] = "migración",
        [Topic.Terrorism] = "terrorismo",
        [Topic.InformationSharing] = "intercambio de información",
        [Topic.JointBorderControl] = "control fronterizo conjunto",
        [Topic.JointOperations] = "operaciones conjuntas",
        [Topic.MaritimeSecurity] = "seguridad marítima y fluvial",
        [Topic.EnergySecurity] = "seguridad energética",
        [Topic.Trade] = "comercio fronterizo",
        [Topic.DefenceIndustry] = "industria de defensa",
        [Topic.TerritorialDispute] = "delimitación territorial",
        [Topic.Education] = "educación policial",
        [Topic.Health] = "salud en frontera",
        [Topic.Insurgency] = "grupos armados ilegales",
        [Topic.PublicSafety] = "seguridad ciudadana",
    };

    private static readonly Dictionary<AccordKind, string> KindTitles = new()
    {
        [AccordKind.PeaceAccord] = "Acuerdo de paz",
        [AccordKind.Treaty] = "Tratado",
        [AccordKind.Agreement] = "Acuerdo de cooperación",
        [AccordKind.MemorandumOfUnderstanding] = "Memorando de entendimiento",
        [AccordKind.Pledge] = "Compromiso presidencial",
        [AccordKind.JointDeclaration] = "Declaración conjunta",
        [AccordKind.ExchangeProgram] = "Programa de intercambio",
        [AccordKind.NationalPlan] = "Plan nacional",
    };

    private static readonly Dictionary<AgencyKind, string> AgencyTitles = new()
    {
        [AgencyKind.Police] = "Policía Nacional",
        [AgencyKind.Customs] = "Servicio de Aduanas",
        [AgencyKind.Migration] = "Dirección de Migración",
        [AgencyKind.Military] = "Comando Conjunto de las Fuerzas Armadas",
        [AgencyKind.Ministry] = "Ministerio del Interior",
        [AgencyKind.Intelligence] = "Dirección Nacional de Inteligencia",
        [AgencyKind.Diplomatic] = "Embajada",
        [AgencyKind.Judiciary] = "Corte Suprema",
        [AgencyKind.Prosecutor] = "Fiscalía General",
        [AgencyKind.CentralBank] = "Banco Central",
        [AgencyKind.LawEnforcement] = "Unidad de Investigación Financiera",
        [AgencyKind.Bureau] = "Oficina Técnica",
        [AgencyKind.Presidency] = "Presidencia de la República",
        [AgencyKind.Ombudsman] = "Defensoría del Pueblo",
        [AgencyKind.Academic] = "Instituto de Estudios Estratégicos",
        [AgencyKind.CivilSociety] = "Observatorio Ciudadano",
        [AgencyKind.Intergovernmental] = "Secretaría Andina",
    };

    private static readonly string[] Units = ["Norte", "Sur", "Este", "Oeste", "Amazonía", "Costa", "Sierra", "Frontera", "Central", "Fluvial"];

    private static readonly string[] Places =
    [
        "Tumbes", "Huaquillas", "Lima", "Quito", "Bogotá", "Leticia", "Tabatinga", "Iquitos", "Puerto Asís", "Nueva Loja",
        "Ipiales", "Tulcán", "Aguas Verdes", "Zarumilla", "Macará", "La Tina", "Cúcuta", "San Antonio del Táchira", "Arica",
        "Tacna", "Desaguadero", "Puno", "Santa Rosa", "Manaos", "Cobija", "Guayaquil", "Cali", "Washington", "Panamá", "Madrid",
    ];

    private static readonly (Metric Metric, string Unit, decimal Scale)[] MetricUnits =
    [
        (Metric.IllegalCrossings, "crossings", 50_000m),
        (Metric.BilateralTrade, "USD", 5_000_000_000m),
        (Metric.HumanTraffickingCases, "cases", 2_000m),
        (Metric.BorderPoliceAgents, "agents", 10_000m),
        (Metric.FuelPrice, "PEN", 30m),
        (Metric.BorderLength, "km", 3_000m),
        (Metric.BorderPatrolPersonnel, "people", 20_000m),
        (Metric.HumanTraffickingMinorVictimCases, "cases", 500m),
        (Metric.FuelContainerVolume, "gal", 60m),
        (Metric.ArmedGroupShareAbroad, "%", 100m),
        (Metric.CocaineProductionRank, "rank", 10m),
    ];

    private readonly Random _random;

    private SyntheticData(int size, int seed)
    {
        if (size < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The dataset needs at least one record of each kind.");
        }

        Size = size;
        Seed = seed;
        _random = new Random(seed);
        NationOrder = [.. HotNations.Select(NationCode.Parse), .. NationCode.All.Where(code => !HotNations.Contains(code.Alpha3))];
        Sources = CreateSources();
        Nations = CreateNations();
        Agencies = CreateAgencies();
        Accords = CreateAccords();
        Statistics = CreateStatistics();
        PlaceRecords = [.. Places.Select(name => new Place { Id = name, Name = name, Kind = PlaceKind.City })];
    }

    /// <summary>How many accords, statistics and agencies there are (each).</summary>
    public int Size { get; }

    /// <summary>The seed the records were drawn with.</summary>
    public int Seed { get; }

    /// <summary>Every ISO nation, most frequent first: the order the Zipf draws rank them in.</summary>
    public ImmutableArray<NationCode> NationOrder { get; }

    /// <summary>The sources the records cite.</summary>
    public List<Source> Sources { get; }

    /// <summary>One record per ISO 3166-1 nation, so every party and agency nation resolves.</summary>
    public List<Nation> Nations { get; }

    /// <summary>The agencies.</summary>
    public List<Agency> Agencies { get; }

    /// <summary>The accords.</summary>
    public List<Accord> Accords { get; }

    /// <summary>The statistics, as drawn (the store recomputes <see cref="Statistic.Disputed"/>).</summary>
    public List<Statistic> Statistics { get; }

    /// <summary>The places accords and statistics name, each keyed by its name.</summary>
    public List<Place> PlaceRecords { get; }

    /// <summary>All records of the dataset.</summary>
    public long RecordCount => Sources.Count + Nations.Count + Agencies.Count + PlaceRecords.Count + Accords.Count + Statistics.Count;

    /// <summary>Draws a dataset of <paramref name="size"/> accords, statistics and agencies.</summary>
    public static SyntheticData Create(int size, int seed = DefaultSeed) => new(size, seed);

    /// <summary>The dataset of <paramref name="size"/> with the default seed, drawn once per process.</summary>
    public static SyntheticData Shared(int size) =>
        SharedData.GetOrAdd(size, static n => new Lazy<SyntheticData>(() => Create(n))).Value;

    /// <summary>The store built from <see cref="Shared"/>(<paramref name="size"/>), built once per process.</summary>
    public static BorderStore SharedStore(int size) =>
        SharedStores.GetOrAdd(size, static n => new Lazy<BorderStore>(() => Shared(n).BuildStore())).Value;

    /// <summary>A builder holding every record, ready to <see cref="BorderStoreBuilder.Build"/>.</summary>
    public BorderStoreBuilder ToBuilder()
    {
        var builder = new BorderStoreBuilder();
        builder.Sources.AddRange(Sources);
        builder.Nations.AddRange(Nations);
        builder.Agencies.AddRange(Agencies);
        builder.Places.AddRange(PlaceRecords);
        builder.Accords.AddRange(Accords);
        builder.Statistics.AddRange(Statistics);
        return builder;
    }

    /// <summary>Validates the records and builds a store with all its indexes.</summary>
    public BorderStore BuildStore() => ToBuilder().Build();

    private List<Source> CreateSources()
    {
        string[] publishers = ["Andina", "El Comercio", "El Universo", "Infobae", "La República", "Reuters", "EFE", "Ministerio del Interior", "InSight Crime", "Primicias"];
        var sources = new List<Source>(40);
        for (var i = 0; i < 40; i++)
        {
            var publisher = publishers[i % publishers.Length];
            sources.Add(new Source
            {
                Id = $"src-{i:D3}",
                Publisher = publisher,
                Title = $"{publisher}: informe {i} sobre seguridad fronteriza",
                Published = PartialDate.FromDate(2012 + (i % 14), 1 + (i % 12), 1 + (i % 28)),
                Kind = (SourceKind)(1 + (i % 5)),
            });
        }

        return sources;
    }

    private List<Nation> CreateNations()
    {
        var nations = new List<Nation>(NationOrder.Length);
        foreach (var code in NationOrder)
        {
            var region = code.Alpha3 switch
            {
                "USA" or "MEX" => "North America",
                "PAN" => "Central America",
                "ESP" => "Europe",
                "CHN" => "Asia",
                _ when HotNations.Contains(code.Alpha3) => "South America",
                _ => Regions[_random.Next(Regions.Length)],
            };
            nations.Add(new Nation { Code = code, Name = code.EnglishName, Region = region });
        }

        return nations;
    }

    private List<Agency> CreateAgencies()
    {
        var nationZipf = new Zipf(NationOrder.Length, 1.2);
        var kinds = Enum.GetValues<AgencyKind>();
        var kindZipf = new Zipf(kinds.Length, 1.0);
        var agencies = new List<Agency>(Size);
        for (var i = 0; i < Size; i++)
        {
            var nation = NationOrder[nationZipf.Next(_random)];
            var kind = kinds[kindZipf.Next(_random)];
            var unit = _random.Next(100) < 60 ? $" – Unidad {Units[_random.Next(Units.Length)]} {1 + _random.Next(40)}" : string.Empty;
            var name = $"{AgencyTitles[kind]} de {NationName(nation)}{unit}";
            agencies.Add(new Agency
            {
                Id = $"ag-{i:D7}",
                Name = name,
                Acronym = _random.Next(100) < 70 ? Acronym(name) : null,
                Nation = nation,
                Kind = kind,
                Parent = i > 0 && _random.Next(100) < 20 ? $"ag-{_random.Next(i):D7}" : null, // earlier agencies only: no cycles
                Sources = [SourceId()],
            });
        }

        return agencies;
    }

    private List<Accord> CreateAccords()
    {
        var nationZipf = new Zipf(NationOrder.Length, 1.2);
        var topics = Enum.GetValues<Topic>();
        var topicZipf = new Zipf(topics.Length, 1.0);
        var placeZipf = new Zipf(Places.Length, 1.1);
        var accords = new List<Accord>(Size);
        var parties = new List<NationCode>(6);
        var accordTopics = new List<Topic>(4);
        for (var i = 0; i < Size; i++)
        {
            var kind = Weighted(_random, AccordKindWeights);
            var partyCount = _random.Next(100) switch { < 70 => 2, < 90 => 3, _ => 4 + _random.Next(3) };
            Distinct(parties, partyCount, () => NationOrder[nationZipf.Next(_random)]);
            var topicCount = _random.Next(100) switch { < 2 => 0, < 45 => 1, < 85 => 2, _ => 3 };
            Distinct(accordTopics, topicCount, () => topics[topicZipf.Next(_random)]);
            var signed = SignedDate();
            var title = Title(kind, parties, accordTopics, signed);
            accords.Add(new Accord
            {
                Id = $"acc-{i:D7}",
                Title = title,
                Kind = kind,
                Parties = [.. parties],
                Signatories = _random.Next(100) < 30 ? [$"ag-{_random.Next(Size):D7}"] : [],
                Signed = signed is { } day ? Period.Of(day) : null,
                Place = _random.Next(100) < 65 ? Places[placeZipf.Next(_random)] : null,
                Topics = [.. accordTopics],
                Status = Weighted(_random, AccordStatusWeights),
                BuildsOn = i > 0 && _random.Next(100) < 10 ? [$"acc-{_random.Next(i):D7}"] : [], // earlier accords only: no cycles
                Sources = [SourceId()],
            });
        }

        return accords;
    }

    private List<Statistic> CreateStatistics()
    {
        var nationZipf = new Zipf(NationOrder.Length, 1.2);
        var metricZipf = new Zipf(MetricUnits.Length, 1.0);
        var placeZipf = new Zipf(Places.Length, 1.1);
        var statistics = new List<Statistic>(Size);
        var nations = new List<NationCode>(2);
        for (var i = 0; i < Size; i++)
        {
            var (metric, unit, scale) = MetricUnits[metricZipf.Next(_random)];
            Distinct(nations, _random.Next(100) < 60 ? 2 : 1, () => NationOrder[nationZipf.Next(_random)]);
            var value = metric == Metric.CocaineProductionRank
                ? 1 + _random.Next(10)
                : Math.Round((decimal)_random.NextDouble() * scale, 2);
            statistics.Add(new Statistic
            {
                Id = $"st-{i:D7}",
                Metric = metric,
                Nations = [.. nations],
                Agency = _random.Next(100) < 25 ? $"ag-{_random.Next(Size):D7}" : null,
                Place = _random.Next(100) < 20 ? Places[placeZipf.Next(_random)] : null,
                Value = value,
                Unit = Unit.Parse(unit),
                Period = metric == Metric.BorderLength ? null : StatisticPeriod(),
                Source = SourceId(),
            });
        }

        return statistics;
    }

    // About 3 % unsigned; otherwise 1990–2026, recent years more often, at day (70 %), month (20 %) or year precision.
    private PartialDate? SignedDate()
    {
        if (_random.Next(100) < 3)
        {
            return null;
        }

        var year = 1990 + (int)(37 * Math.Sqrt(_random.NextDouble()));
        var month = 1 + _random.Next(12);
        return _random.Next(100) switch
        {
            < 70 => PartialDate.FromDate(year, month, 1 + _random.Next(DateTime.DaysInMonth(year, month))),
            < 90 => PartialDate.FromYearMonth(year, month),
            _ => PartialDate.FromYear(year),
        };
    }

    private Period StatisticPeriod()
    {
        var year = 1990 + _random.Next(37);
        return _random.Next(100) switch
        {
            < 70 => Period.Of(PartialDate.FromYear(year)),
            < 90 => Period.Of(PartialDate.FromYearMonth(year, 1 + _random.Next(12))),
            _ => Period.Between(PartialDate.FromYear(year), PartialDate.FromYear(Math.Min(2026, year + 1 + _random.Next(4)))),
        };
    }

    private string Title(AccordKind kind, List<NationCode> parties, List<Topic> topics, PartialDate? signed)
    {
        var text = new StringBuilder(96);
        text.Append(KindTitles[kind]);
        text.Append(topics.Count == 0 ? " de seguridad fronteriza" : " sobre " + TopicPhrases[topics[0]]);
        for (var i = 1; i < topics.Count; i++)
        {
            text.Append(i == topics.Count - 1 ? " y " : ", ").Append(TopicPhrases[topics[i]]);
        }

        text.Append(" entre ");
        for (var i = 0; i < parties.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : i == parties.Count - 1 ? " y " : ", ").Append(NationName(parties[i]));
        }

        if (signed is { } date)
        {
            text.Append(" (").Append(date.Year).Append(')');
        }

        // A few long titles: the full text of a preamble, as some sources give it.
        if (_random.Next(200) == 0)
        {
            var clauses = 10 + _random.Next(30);
            for (var i = 0; i < clauses; i++)
            {
                var topic = TopicPhrases[(Topic)(1 + _random.Next(TopicPhrases.Count))];
                text.Append(i == 0 ? ": " : "; ").Append("considerando la lucha común contra el ").Append(topic)
                    .Append(" en la zona de integración fronteriza de ").Append(Places[_random.Next(Places.Length)]);
            }
        }

        return text.ToString();
    }

    private string SourceId() => $"src-{_random.Next(Sources.Count):D3}";

    private static string NationName(NationCode code) => SpanishNames.TryGetValue(code.Alpha3, out var name) ? name : code.EnglishName;

    private static string Acronym(string name)
    {
        var letters = new StringBuilder(8);
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > 3 && char.IsUpper(word[0]))
            {
                letters.Append(word[0]);
            }
        }

        return letters.Length == 0 ? "AG" : letters.ToString();
    }

    private static void Distinct<T>(List<T> into, int count, Func<T> draw)
    {
        into.Clear();
        while (into.Count < count)
        {
            var next = draw();
            if (!into.Contains(next))
            {
                into.Add(next);
            }
        }
    }

    private static T Weighted<T>(Random random, (T Value, int Weight)[] weights)
    {
        var total = 0;
        foreach (var (_, weight) in weights)
        {
            total += weight;
        }

        var pick = random.Next(total);
        foreach (var (value, weight) in weights)
        {
            if (pick < weight)
            {
                return value;
            }

            pick -= weight;
        }

        return weights[^1].Value;
    }

    private static readonly (AccordKind, int)[] AccordKindWeights =
    [
        (AccordKind.Agreement, 30), (AccordKind.MemorandumOfUnderstanding, 25), (AccordKind.JointDeclaration, 12), (AccordKind.Treaty, 10),
        (AccordKind.Pledge, 8), (AccordKind.NationalPlan, 6), (AccordKind.ExchangeProgram, 5), (AccordKind.PeaceAccord, 4),
    ];

    private static readonly (AccordStatus, int)[] AccordStatusWeights =
    [
        (AccordStatus.InForce, 35), (AccordStatus.Signed, 30), (AccordStatus.Unknown, 10), (AccordStatus.Announced, 10),
        (AccordStatus.Planned, 8), (AccordStatus.Superseded, 7),
    ];

    /// <summary>Draws ranks 0 … n-1 with probability proportional to 1 / (rank + 1)^s.</summary>
    private sealed class Zipf
    {
        private readonly double[] _cumulative;

        public Zipf(int count, double exponent)
        {
            _cumulative = new double[count];
            var sum = 0.0;
            for (var rank = 0; rank < count; rank++)
            {
                sum += 1.0 / Math.Pow(rank + 1, exponent);
                _cumulative[rank] = sum;
            }

            for (var rank = 0; rank < count; rank++)
            {
                _cumulative[rank] /= sum;
            }
        }

        public int Next(Random random)
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble());
            return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
        }
    }
}
