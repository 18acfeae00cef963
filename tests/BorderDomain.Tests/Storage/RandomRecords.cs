using System;
using System.Collections.Immutable;
using System.Linq;
using BorderDomain.Model;
using FsCheck;
using FsCheck.Fluent;

namespace BorderDomain.Tests.Storage;

/// <summary>FsCheck generators for records with values drawn from small pools, so that keys, dates and words collide often.</summary>
internal static class RandomRecords
{
    internal static readonly NationCode[] NationPool =
        [NationCode.Peru, NationCode.Ecuador, NationCode.Colombia, NationCode.UnitedStates, NationCode.Parse("BRA")];

    internal static readonly string[] IdPool = ["pe-pnp", "PE-PNP", "ec-pne", "us-cbp", "src-000", "SRC-000", "Src-001"];

    internal static readonly string[] PlacePool = ["Lima", "LIMA", "lima", "Quito", "Tumbes", "Aguas Verdes"];

    internal static readonly string[] UnitPool = ["km", "USD", "people", "%", "PEN"];

    internal static readonly string[] WordPool =
    [
        "Minería", "mineria", "MINERÍA", "Jerí", "jeri", "José", "Acuerdo", "acuerdo", "Perú", "peru", "Ñandú", "Łódź",
        "border", "Border-Pact", "2025", "co-operación", "Ilegal", "ÆRØ", "straße", "Quito", "a", "é", "e\u0301xito",
    ];

    internal static readonly string[] SeparatorPool = [" ", " ", "-", ", ", " / ", ".", "  "];

    internal static readonly string[] SpecialProbes =
    [
        "", " ", "-", "mineria", "MINERÍA", "jeri", "Jerí", "ría ile", "perú-", ", ", "ae", "ss", "lodz", "xyz", "a", "E",
        "2025", "co-op", "exito", "acuerdo peru", "ÑAND", "ro",
    ];

    internal static Gen<PartialDate> Date { get; } =
        from year in Gen.Choose(1998, 2026)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, DateTime.DaysInMonth(year, month))
        from precision in Gen.Choose(1, 3)
        select precision switch
        {
            1 => PartialDate.FromYear(year),
            2 => PartialDate.FromYearMonth(year, month),
            _ => PartialDate.FromDate(year, month, day),
        };

    internal static Gen<PartialDate?> OptionalDate { get; } =
        Gen.Frequency((1, Gen.Constant<PartialDate?>(null)), (4, Date.Select(d => (PartialDate?)d)));

    internal static Gen<Period?> OptionalPeriod { get; } = Gen.Frequency(
        (1, Gen.Constant<Period?>(null)),
        (2, Date.Select(d => (Period?)Period.Of(d))),
        (3, Gen.Two(Date).Select(pair => (Period?)(pair.Item2.End < pair.Item1.Start
            ? Period.Between(pair.Item2, pair.Item1)
            : Period.Between(pair.Item1, pair.Item2)))),
        (1, Date.Select(d => (Period?)Period.Before(d))),
        (1, Date.Select(d => (Period?)Period.After(d))));

    internal static Gen<decimal> Value { get; } =
        from number in Gen.Choose(-300, 300)
        from scale in Gen.Choose(0, 3)
        select new decimal(Math.Abs(number), 0, 0, number < 0, (byte)scale);

    internal static Gen<string> Title { get; } =
        from count in Gen.Choose(1, 5)
        from words in Gen.ArrayOf(Gen.Elements(WordPool), count)
        from separators in Gen.ArrayOf(Gen.Elements(SeparatorPool), count)
        select string.Concat(words.Select((word, i) => i == 0 ? word : separators[i] + word));

    internal static Gen<string?> OptionalTitle { get; } =
        Gen.Frequency((1, Gen.Constant<string?>(null)), (5, Title.Select(t => (string?)t)));

    /// <summary>Search text: special cases, or a piece of a pool word in a random case.</summary>
    internal static Gen<string> TextProbe { get; } = Gen.OneOf(
        Gen.Elements(SpecialProbes),
        from word in Gen.Elements(WordPool)
        from start in Gen.Choose(0, word.Length - 1)
        from length in Gen.Choose(1, word.Length - start)
        from upper in Gen.Elements(true, false)
        let piece = word.Substring(start, length)
        select upper ? piece.ToUpperInvariant() : piece,
        Title);

    internal static Gen<ImmutableArray<T>> SmallArray<T>(Gen<T> element) =>
        Gen.Choose(0, 4).SelectMany(count => Gen.ArrayOf(element, count)).Select(items => items.ToImmutableArray());

    internal static Gen<T?> Optional<T>(T[] pool)
        where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, Gen.Elements(pool).Select(v => (T?)v)));

    internal static Gen<Accord> Accord(int row) =>
        from title in Title
        from kind in Gen.Elements(Enum.GetValues<AccordKind>())
        from parties in SmallArray(Gen.Elements(NationPool))
        from signatories in SmallArray(Gen.Elements(IdPool))
        from signed in OptionalDate
        from agreed in OptionalPeriod
        from basis in Gen.Elements<DateBasis?>(null, DateBasis.Stated, DateBasis.Inferred, DateBasis.Approximate)
        from targets in SmallArray(Gen.Elements(IdPool))
        from place in Optional(PlacePool)
        from topics in SmallArray(Gen.Elements(Enum.GetValues<Topic>()))
        from status in Gen.Elements(Enum.GetValues<AccordStatus>())
        from buildsOn in SmallArray(Gen.Elements(IdPool))
        from sources in SmallArray(Gen.Elements(IdPool))
        from upperId in Gen.Elements(true, false)
        select new Accord
        {
            Id = upperId ? $"ACC-{row}" : $"acc-{row}",
            Title = title,
            Kind = kind,
            Parties = parties,
            Signatories = signatories,
            Signed = signed is { } day ? Period.Of(day) : null,
            SignedBasis = signed is null ? null : basis,
            Agreed = agreed,
            AgreedBasis = agreed is { } a ? (!a.HasStart ? DateBasis.UpperBound : !a.HasEnd ? DateBasis.LowerBound : basis) : null,
            Targets = targets,
            Place = place,
            Topics = topics,
            Status = status,
            BuildsOn = buildsOn,
            Sources = sources,
        };

    internal static Gen<Statistic> Statistic(int row) =>
        from metric in Gen.Elements(Enum.GetValues<Metric>())
        from nations in SmallArray(Gen.Elements(NationPool))
        from agency in Optional(IdPool)
        from reportedBy in Optional(IdPool)
        from organizations in SmallArray(Gen.Elements(IdPool))
        from place in Optional(PlacePool)
        from value in Value
        from range in Gen.Elements(true, false)
        from per in Gen.Elements<TimeUnit?>(null, TimeUnit.Year, TimeUnit.Month)
        from unit in Gen.Elements(UnitPool)
        from period in OptionalPeriod
        from source in Gen.Elements(IdPool)
        from disputed in Gen.Elements(true, false)
        select new Statistic
        {
            Id = $"stat-{row}",
            Metric = metric,
            Nations = nations,
            Agency = agency,
            ReportedBy = reportedBy,
            Organizations = organizations,
            Place = place,
            Value = value,
            ValueTo = range ? value + 10 : null,
            ValueBasis = range ? ValueBasis.Range : ValueBasis.Exact,
            Per = per,
            Unit = BorderDomain.Model.Unit.Parse(unit),
            Period = period,
            PeriodBasis = period is { } p ? (!p.HasStart ? DateBasis.UpperBound : !p.HasEnd ? DateBasis.LowerBound : DateBasis.Stated) : null,
            Source = source,
            Disputed = disputed,
        };

    internal static Gen<Source> Source(int row) =>
        from title in OptionalTitle
        from kind in Gen.Elements(Enum.GetValues<SourceKind>())
        from published in OptionalDate
        select new Source { Id = $"src-{row}", Title = title, Kind = kind, Published = published };

    internal static Gen<Place> Place(int row) =>
        from name in Title
        from kind in Gen.Elements(Enum.GetValues<PlaceKind>())
        from nation in Gen.Frequency((1, Gen.Constant<NationCode?>(null)), (3, Gen.Elements(NationPool).Select(n => (NationCode?)n)))
        from within in Optional(IdPool)
        from sources in SmallArray(Gen.Elements(IdPool))
        select new Place { Id = $"place-{row}", Name = name, Kind = kind, Nation = nation, Within = within, Sources = sources };

    internal static Gen<Statement> Statement(int row) =>
        from summary in Title
        from speaker in Optional(IdPool)
        from speakerAgency in Optional(IdPool)
        from date in OptionalPeriod
        from topics in SmallArray(Gen.Elements(Enum.GetValues<Topic>()))
        from source in Gen.Elements(IdPool)
        select new Statement
        {
            Id = $"st-{row}",
            Speaker = speaker,
            SpeakerAgency = speakerAgency,
            Date = date,
            DateBasis = date is { } d ? (!d.HasStart ? DateBasis.UpperBound : !d.HasEnd ? DateBasis.LowerBound : DateBasis.Stated) : null,
            Topics = topics,
            Summary = summary,
            Source = source,
        };

    /// <summary>Up to <paramref name="max"/> records, each made by <paramref name="record"/> from its row number.</summary>
    internal static Gen<T[]> Rows<T>(Func<int, Gen<T>> record, int max) =>
        Gen.Choose(0, max).SelectMany(count => Gen.CollectToArray(Enumerable.Range(0, count), record));
}
