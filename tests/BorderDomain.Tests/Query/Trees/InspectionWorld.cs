using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BorderDomain.Model;

namespace BorderDomain.Tests.Query.Trees;

/// <summary>Random inspections and posts, and random well-typed queries over them, drawn from one seed.</summary>
/// <param name="Inspections">The inspections, in no particular order.</param>
/// <param name="Posts">The posts.</param>
/// <param name="Queries">Queries over inspections: records, select, group by and count.</param>
/// <param name="Seed">The seed that drew them.</param>
public sealed record InspectionWorld(Inspection[] Inspections, Post[] Posts, string[] Queries, int Seed)
{
    private static readonly string[] TagWords = ["fuel", "Fuel", "FUÉL", "drugs", "Drugs", "gold", "mining", "Minería", "straße", "Æther"];
    private static readonly string?[] Notes = ["Café", "cafe", "CAFÉ", "Straße", "strasse", "x-ray", null, "mañana", "Manana", "zebra", "", "Ærø"];
    private static readonly string?[] Regions = ["north", "North", "south", "Sur", null];
    private static readonly NationCode[] Nations = [NationCode.Peru, NationCode.Ecuador, NationCode.Colombia];
    private static readonly Guid[] Batches = [new("0f8fad5b-d9cb-469f-a165-70867728950e"), new("7c9e6679-7425-40de-944b-e07fc1f90ae7"), new("00000000-0000-0000-0000-000000000001")];

    /// <summary>Displays the seed and sizes, so a failure says how to replay it.</summary>
    public override string ToString() => $"seed {Seed}: {Inspections.Length} inspections, {Posts.Length} posts";

    /// <summary>Draws a world from <paramref name="seed"/>.</summary>
    public static InspectionWorld From(int seed)
    {
        var random = new Random(seed);
        var posts = Enumerable.Range(0, random.Next(0, 5)).Select(i => new Post
        {
            Code = $"p-{i}",
            Region = Pick(random, Regions),
            Nation = Pick(random, Nations),
        }).ToArray();
        var inspections = Enumerable.Range(0, random.Next(0, 40)).Select(i => new Inspection
        {
            Id = (random.Next(4) == 0 ? "I-" : "i-") + i.ToString("D2", CultureInfo.InvariantCulture),
            Batch = Pick(random, Batches),
            Tags = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => Pick(random, TagWords))],
            Codes = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pick(random, new[] { "ab", "AB", "cd" }))],
            Nations = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pick(random, Nations)).Distinct()],
            Day = DateOnly.FromDayNumber(new DateOnly(2024, 1, 1).DayNumber + random.Next(0, 366)),
            Closed = random.Next(3) == 0 ? null : DateOnly.FromDayNumber(new DateOnly(2024, 1, 1).DayNumber + random.Next(0, 366)),
            Seen = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMinutes(random.Next(0, 366 * 24 * 60)),
            // Around a month's turn, with offsets up to 12 hours: the UTC date (what BDQ compares) often differs from the local one.
            Logged = new DateTimeOffset(2024, 6, 30, 0, 0, 0, TimeSpan.FromHours(random.Next(-12, 13))).AddMinutes(random.Next(0, 48 * 60)),
            Fee = random.Next(0, 6000) / 100m,
            Officers = random.Next(4) == 0 ? null : random.Next(0, 8),
            Lane = (Lane)random.Next(1, 4),
            Backup = random.Next(2) == 0 ? null : (Lane)random.Next(1, 4),
            Note = Pick(random, Notes),
            Flagged = random.Next(2) == 0,
            Post = random.Next(5) switch { 0 => null, 1 => "P-1", 2 => "p-9", _ => $"p-{random.Next(0, 4)}" },
        }).ToArray();
        var queries = Enumerable.Range(0, 12).Select(_ => Query(random)).ToArray();
        return new InspectionWorld(inspections, posts, queries, seed);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Query(Random random)
    {
        var text = "inspections";
        if (random.Next(4) != 0)
        {
            text += " where " + Condition(random, 0);
        }

        switch (random.Next(6))
        {
            case 0:
                return text + " count" + (random.Next(3) == 0 ? string.Empty : string.Empty);
            case 1:
                var keys = new[] { "lane", "note", "post.region", "day", "flagged", "batch", "post.nation" }.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
                var aggregates = new[] { "count", "sum(fee)", "avg(fee)", "min(officers)", "max(fee)", "min(day)", "max(note)", "min(seen)", "max(logged)" }
                    .OrderBy(_ => random.Next()).Take(random.Next(1, 4));
                var grouped = $"{text} group by {string.Join(", ", keys)} {string.Join(", ", aggregates)}";
                if (random.Next(2) == 0)
                {
                    grouped += $" order by {keys[0]}{(random.Next(2) == 0 ? " desc" : string.Empty)}";
                }

                return grouped + Paging(random);
            case 2:
                var fields = new[] { "id", "note", "post.region", "tags", "day", "fee", "officers", "lane", "batch", "seen" }.OrderBy(_ => random.Next()).Take(random.Next(1, 4));
                return text + Ordering(random) + Paging(random) + " select " + string.Join(", ", fields);
            default:
                return text + Ordering(random) + Paging(random);
        }
    }

    private static string Ordering(Random random)
    {
        if (random.Next(3) == 0)
        {
            return string.Empty;
        }

        var keys = new[] { "id", "day", "closed", "seen", "logged", "fee", "officers", "lane", "backup", "note", "flagged", "post.region", "batch", "post", "post.nation" };
        return " order by " + string.Join(", ", keys.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(k => k + (random.Next(2) == 0 ? " desc" : string.Empty)));
    }

    private static string Paging(Random random) => random.Next(3) switch
    {
        0 => $" skip {random.Next(0, 5)} take {random.Next(1, 8)}",
        1 => $" take {random.Next(1, 8)}",
        _ => string.Empty,
    };

    private static string Condition(Random random, int depth)
    {
        if (depth < 2 && random.Next(3) == 0)
        {
            var join = random.Next(2) == 0 ? "and" : "or";
            return $"({Condition(random, depth + 1)} {join} {Condition(random, depth + 1)})";
        }

        var atom = Pick(random, Atoms);
        return random.Next(6) == 0 ? $"not ({atom})" : atom;
    }

    private static readonly string[] Atoms =
    [
        "id = \"i-03\"", "id in (\"i-01\", \"I-02\", \"i-05\")", "id startswith \"i-0\"", "id >= \"i-10\"",
        "batch = \"0f8fad5b-d9cb-469f-a165-70867728950e\"", "batch = \"7C9E6679-7425-40DE-944B-E07FC1F90AE7\"", "batch != \"00000000-0000-0000-0000-000000000001\"",
        "tags has \"fuel\"", "tags has \"MINERIA\"", "tags has any (\"gold\", \"drugs\")", "tags has all (\"fuel\", \"drugs\")", "tags is null", "tags has \"strasse\"",
        "codes has \"ab\"", "codes is not null",
        "nations has PER", "nations has any (PER, ECU)", "nations has all (ECU, COL)", "nations is null",
        "day = 2024", "day = 2024-03", "day >= 2024-03", "day < 2024-06-15", "day between 2024-02 and 2024-05", "day > 2024-10", "day <= 2024-02-29", "day != 2024-07",
        "closed is null", "closed <= 2024-06", "closed in (2024-01, 2024-12)", "closed not in (2024-05)",
        "seen = 2024-03", "seen >= 2024-03-10", "seen < 2024-02",
        "logged >= 2024-07", "logged = 2024-06-30", "logged < 2024-07-01", "logged = 2024-06",
        "fee > 12.5", "fee between 1 and 50", "fee = 10", "fee < 3.25", "fee in (10, 20.5, 33)", "fee != 40",
        "officers >= 3", "officers = 2", "officers is null", "officers != 4", "officers in (1, 2, 3.5)", "officers < 2.5", "officers > 6.5", "officers not in (0, 7)",
        "lane = Trucks", "lane in (Cars, Foot)", "lane != Cars", "lane not in (Trucks)",
        "backup is not null", "backup = Foot", "backup != Cars",
        "note contains \"se\"", "note contains \"CAF\"", "note startswith \"ma\"", "note endswith \"ray\"", "note = \"Café\"", "note < \"m\"", "note is null", "note != \"strasse\"", "note in (\"zebra\", \"MAÑANA\")", "note = \"\"", "note contains \"aer\"",
        "flagged", "not flagged",
        "post = \"p-1\"", "post.region = \"north\"", "post.nation = ECU", "post.region is null", "post is null", "post.region != \"sur\"", "post.region contains \"or\"",
    ];
}
