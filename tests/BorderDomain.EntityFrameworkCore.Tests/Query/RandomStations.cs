using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using BorderDomain.EntityFrameworkCore.Tests.Model;
using BorderDomain.Model;
using BorderDomain.Schema;

namespace BorderDomain.EntityFrameworkCore.Tests.Query;

/// <summary>Random stations and random well-typed BDQ queries over the fields BDQ's schema gives <see cref="Station"/>.</summary>
internal static class RandomStations
{
    private static readonly string[] Texts = ["Minería", "mineria", "MINERÍA", "Straße", "strasse", "Œuvre", "oeuvre", "Ærø", "alpha", "Alpha", "beta", "b", "z", "Zeta pass"];
    private static readonly string[] Searches = ["min", "MIN", "ería", "oe", "ss", "a", "pha", "z", "ærø", "eta p"];
    private static readonly decimal[] Numbers = [-5m, 0m, 0.5m, 1m, 2.50m, 10m, 100.25m, 1000000m];
    private static readonly NationCode[] Nations = [NationCode.Peru, NationCode.Ecuador, NationCode.Colombia, NationCode.UnitedStates];

    internal static List<Station> Records(Random random)
    {
        var count = random.Next(5, 30);
        return Enumerable.Range(0, count).Select(i => new Station
        {
            Id = $"s{random.Next(1000):D3}-{i}",
            Name = Pick(random, Texts),
            Region = random.Next(4) == 0 ? null : Pick(random, Texts),
            Tags = [.. Some(random, Texts)],
            Labels = [.. Some(random, Texts)],
            Codes = [.. Some(random, Texts)],
            Started = random.Next(5) == 0 ? null : Date(random),
            Opened = random.Next(4) == 0 ? null : DateOnly.FromDayNumber(737_000 + random.Next(2000)),
            Inspected = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(random.Next(40_000)),
            Ref = new Guid(random.Next(), (short)random.Next(short.MaxValue), (short)random.Next(short.MaxValue), 1, 2, 3, 4, 5, 6, 7, 8),
            Staff = random.Next(0, 12),
            Budget = Pick(random, Numbers),
            Kind = (StationKind)random.Next(4),
            Handles = [.. Some(random, Enum.GetValues<StationKind>())],
            Active = random.Next(2) == 0,
            Nation = random.Next(4) == 0 ? null : Pick(random, Nations),
            Neighbours = [.. Some(random, Nations)],
        }).ToList();
    }

    internal static string Query(Random random, EntitySetSchema schema)
    {
        var fields = schema.Fields.ToList();
        var text = schema.Name;
        if (random.Next(5) != 0)
        {
            text += " where " + Condition(random, fields, depth: 0);
        }

        switch (random.Next(6))
        {
            case 0:
                return text + " count";
            case 1:
                // A list groups by each element (SQLite joins json_each for it): lists of text, enums and nation codes.
                var keys = fields.Where(f => f.IsCollection
                    ? f.Kind is FieldKind.Enum or FieldKind.Nation or FieldKind.String
                    : f.Kind is FieldKind.Enum or FieldKind.Boolean or FieldKind.Nation or FieldKind.String).ToList();
                var key = Pick(random, keys);
                return text + $" group by {key.Name} count" + (random.Next(2) == 0 ? ", sum(budget), min(staff), max(budget)" : "");
            case 2:
                var shown = fields.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(f => f.Name);
                return text + OrderBy(random, fields) + " select " + string.Join(", ", shown);
            default:
                return text + OrderBy(random, fields) + (random.Next(3) == 0 ? $" skip {random.Next(4)} take {random.Next(1, 8)}" : "");
        }
    }

    private static string OrderBy(Random random, List<FieldSchema> fields)
    {
        var sortable = fields.Where(f => !f.IsCollection).ToList();
        var count = random.Next(3);
        return count == 0 ? "" : " order by " + string.Join(", ", sortable.OrderBy(_ => random.Next()).Take(count)
            .Select(f => f.Name + (random.Next(2) == 0 ? " desc" : "")));
    }

    private static string Condition(Random random, List<FieldSchema> fields, int depth)
    {
        if (depth < 2 && random.Next(3) == 0)
        {
            var left = Condition(random, fields, depth + 1);
            var right = Condition(random, fields, depth + 1);
            return random.Next(3) switch
            {
                0 => $"({left} and {right})",
                1 => $"({left} or {right})",
                _ => $"not ({left})",
            };
        }

        return Predicate(random, Pick(random, fields));
    }

    private static string Predicate(Random random, FieldSchema field)
    {
        var name = field.Name;
        if (field.IsCollection)
        {
            var values = Enumerable.Range(0, 2).Select(_ => Literal(random, field)).ToList();
            return random.Next(5) switch
            {
                0 => $"{name} has any ({values[0]}, {values[1]})",
                1 => $"{name} has all ({values[0]}, {values[1]})",
                2 => $"{name} is null",
                3 => $"{name} is not null",
                _ => $"{name} has {values[0]}",
            };
        }

        if (field.Kind == FieldKind.Boolean)
        {
            return random.Next(2) == 0 ? name : $"not {name}";
        }

        if (field.Kind == FieldKind.String && random.Next(3) == 0)
        {
            var op = Pick(random, new[] { "contains", "startswith", "endswith" });
            return $"{name} {op} \"{Pick(random, Searches)}\"";
        }

        if (field.IsNullable && random.Next(6) == 0)
        {
            return $"{name} is {(random.Next(2) == 0 ? "" : "not ")}null";
        }

        var ordered = field.Kind is FieldKind.String or FieldKind.Number or FieldKind.Date or FieldKind.Period;
        return (random.Next(ordered ? 8 : 4)) switch
        {
            0 => $"{name} != {Literal(random, field)}",
            1 => $"{name} in ({Literal(random, field)}, {Literal(random, field)})",
            2 => $"{name} not in ({Literal(random, field)})",
            3 => $"{name} = {Literal(random, field)}",
            4 => $"{name} between {Literal(random, field)} and {Literal(random, field)}",
            5 => $"{name} < {Literal(random, field)}",
            6 => $"{name} >= {Literal(random, field)}",
            _ => $"{name} > {Literal(random, field)}",
        };
    }

    private static string Literal(Random random, FieldSchema field) => field.Kind switch
    {
        FieldKind.String => $"\"{Pick(random, Texts)}\"",
        FieldKind.Number => field.PropertyName == nameof(Station.Staff)
            ? random.Next(0, 12).ToString(CultureInfo.InvariantCulture)
            : Pick(random, Numbers).ToString(CultureInfo.InvariantCulture),
        FieldKind.Enum => Pick(random, field.EnumMembers.ToArray()),
        FieldKind.Nation => Pick(random, Nations).Alpha3,
        FieldKind.Date or FieldKind.Period => Date(random).ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "No literal for this kind."),
    };

    private static PartialDate Date(Random random)
    {
        var year = random.Next(2018, 2023);
        return random.Next(3) switch
        {
            0 => PartialDate.FromYear(year),
            1 => PartialDate.FromYearMonth(year, random.Next(1, 13)),
            _ => PartialDate.FromDate(year, random.Next(1, 13), random.Next(1, 29)),
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static IEnumerable<T> Some<T>(Random random, IReadOnlyList<T> items) =>
        Enumerable.Range(0, random.Next(0, 4)).Select(_ => Pick(random, items)).Distinct();
}
