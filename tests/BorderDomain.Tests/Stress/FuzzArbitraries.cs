using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace BorderDomain.Tests.Stress;

/// <summary>A text meant as a BDQ query: mostly BDQ-like, sometimes anything at all.</summary>
public sealed record BdqText(string Value)
{
    public override string ToString() => EntryPoints.Show(Value);
}

/// <summary>A text meant as a data file: mostly the dataset's JSON shape, broken in places, sometimes anything.</summary>
public sealed record DataText(string Value)
{
    public override string ToString() => EntryPoints.Show(Value);
}

/// <summary>What one <c>borderq</c> run is given: options, perhaps a query argument, and standard input.</summary>
public sealed record CliInput(IReadOnlyList<string> Args, string Stdin)
{
    public override string ToString() => $"args [{string.Join(", ", Args.Select(EntryPoints.Show))}], stdin {EntryPoints.Show(Stdin)}";
}

/// <summary>
/// FsCheck arbitraries for the fuzz properties (<see cref="FuzzPropertyTests"/>): BDQ-ish query text built from keywords,
/// set and field names, operators, literals of every kind, stray characters and long runs of any of them; JSON-ish data
/// files; and <c>borderq</c> command lines. Registered with <c>[Property(Arbitrary = [typeof(FuzzArbitraries)])]</c>.
/// </summary>
public static class FuzzArbitraries
{
    private static readonly string[] Sets =
        ["accords", "agencies", "statistics", "nations", "people", "events", "sources", "organizations", "places", "statements", "participants", "affiliations"];

    private static readonly string[] Fields =
    [
        "id", "title", "kind", "parties", "signatories", "signed", "place", "topics", "status", "buildsOn", "sources", "name",
        "acronym", "nation", "parent", "officialName", "metric", "nations", "value", "unit", "period", "source", "disputed",
        "date", "agencies", "people", "region", "neighbours", "code", "published", "author", "roles", "nation.region",
        "nation.name", "parent.name", "source.published", "colour", "x", "nation.nation",
        "speaker", "speakerAgency", "summary", "dateBasis", "signedBasis", "agreed", "agreedBy", "approvedBy", "plannedFor", "targets",
        "participants", "role", "event", "person", "agency", "organization", "partOf", "outcomes", "sites", "aliases", "reportedBy",
        "relays", "valueTo", "valueBasis", "per", "equivalentTo", "periodBasis", "within", "borders", "leaders", "worksFor",
        "place.name", "partOf.title", "speaker.name", "event.date", "predecessor", "from", "to",
    ];

    private static readonly string[] Keywords =
    [
        "where", "and", "or", "not", "in", "between", "has", "any", "all", "contains", "startswith", "endswith", "is", "null",
        "order", "by", "asc", "desc", "skip", "take", "select", "count", "group", "sum", "min", "max", "avg", "explain",
    ];

    private static readonly string[] Operators = ["=", "!=", "<", "<=", ">", ">=", "==", "<>", "!", "=>", "in", "not in", "has", "has any", "has all", "contains", "startswith", "endswith", "between", "is", "is not"];

    private static readonly string[] Literals =
    [
        "PER", "ECU", "COL", "USA", "per", "ZZZ", "Agreement", "Treaty", "PeaceAccord", "InForce", "Planned", "IllegalMining",
        "DrugTrafficking", "BorderLength", "Police", "true", "false", "null", "0", "1", "-1", "1.5", "-0.0", "1e3", "1e400",
        "99999999999999999999999999999", "2013", "2013-11", "2013-11-14", "2013-13-40", "0000", "9999-12-31", "2013-02-29",
        "2012-02-29", "\"peru\"", "\"\"", "\"a\\\"b\"", "\"\\\\\"", "\"src-000\"", "\"pe-ec-1998-peace\"", "\"South America\"",
        "\"unterminated", "@nation", "@from", "@", "@1", "(PER, ECU)", "()", "(,)", "(PER,)",
        "Captor", "Signer", "Held", "UpperBound", "Stated", "Range", "Year", "CriminalGroup", "Checkpoint", "\"aguas-verdes\"",
        "..2013-11-25", "2022-10..", "\"..\"",
    ];

    private static readonly string[] Punctuation = ["(", ")", ",", ".", "\"", "\\", "--", "-- comment\n", "\n", "\t", "\r\n", " ", "  ", "'", ";", "*", "[", "]", "{", "}"];

    // Options without --help and --version, which answer before reading anything; some are broken on purpose.
    private static readonly string[][] CliOptions =
    [
        ["--explain"], ["--format", "json"], ["--format", "csv"], ["--format", "html"], ["--format", "table"], ["--param", "nation=PER"],
        ["--param", "from=2010"], ["--param", "="], ["--format"], ["--format", "xml"], ["--bogus"], ["--"],
    ];

    private static readonly string[] Strange = ["\u0000", "\ud800", "\udc00", "\udbff\udfff", "\u202e", "\u200b", "\ufeff", "é", "e\u0301", "𝕏", "İ", "ı", "ß", "\u0085", "\u2028", "\uff30\uff25\uff32", "ЕСU"];

    /// <summary>BDQ-ish query text.</summary>
    public static Arbitrary<BdqText> BdqText() => Arb.From(QueryText.Select(text => new BdqText(text)), text => ShrinkText(text.Value).Select(s => new BdqText(s)));

    /// <summary>JSON-ish data file text.</summary>
    public static Arbitrary<DataText> DataText() => Arb.From(DataFile.Select(text => new DataText(text)), text => ShrinkText(text.Value).Select(s => new DataText(s)));

    /// <summary>A <c>borderq</c> command line and its standard input.</summary>
    public static Arbitrary<CliInput> CliInput() => Arb.From(CliRun);

    /// <summary>Query text: well-formed queries, token soups, mutations, long runs and plain random text.</summary>
    public static Gen<string> QueryText => Gen.Frequency(
        (5, WellFormed()),
        (3, TokenSoup()),
        (2, WellFormed().SelectMany(Mutate)),
        (1, LongRun()),
        (1, Gen.Elements(Sets).SelectMany(set => TokenSoup().Select(soup => set + " where " + soup))),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)),
        (1, Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(i => (char)i)).Select(chars => new string(chars))));

    /// <summary>Data file text: the dataset's shape with odd values, JSON token soups and random text.</summary>
    public static Gen<string> DataFile => Gen.Frequency(
        (3, ValidDocument()),
        (5, Document()),
        (2, Document().SelectMany(Mutate)),
        (2, JsonSoup()),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)));

    private static Gen<CliInput> CliRun =>
        from options in Gen.Frequency((6, Gen.SubListOf(CliOptions)), (1, Gen.ListOf(Gen.Elements(CliOptions))))
        from query in Gen.Frequency((4, QueryText.Select(q => (string?)q)), (1, Gen.Constant<string?>(null)))
        from lines in Gen.ListOf(Gen.Frequency((6, QueryText), (1, Gen.Elements("explain accords count", "exit", "quit", "", "explain " + "x")))).Select(ls => ls.Take(8).ToList())
        select new CliInput(
            query is null ? [.. options.SelectMany(o => o)] : [.. options.SelectMany(o => o), query],
            string.Join("\n", lines));

    private static Gen<string> Token => Gen.Frequency(
        (3, Gen.Elements(Keywords)),
        (2, Gen.Elements(Fields)),
        (2, Gen.Elements(Operators)),
        (3, Gen.Elements(Literals)),
        (1, Gen.Elements(Sets)),
        (2, Gen.Elements(Punctuation)),
        (1, Gen.Elements(Strange)),
        (1, Gen.Choose(0x20, 0x7E).Select(i => ((char)i).ToString())));

    private static Gen<string> TokenSoup() =>
        Gen.ListOf(Token).SelectMany(tokens => Gen.Elements(" ", "", "  ").Select(separator => string.Join(separator, tokens)));

    private static Gen<string> Condition() => Gen.Frequency(
        (4, from field in Gen.Elements(Fields) from op in Gen.Elements(Operators) from literal in Gen.Elements(Literals) select $"{field} {op} {literal}"),
        (1, from field in Gen.Elements(Fields) from low in Gen.Elements(Literals) from high in Gen.Elements(Literals) select $"{field} between {low} and {high}"),
        (1, from field in Gen.Elements(Fields) from negation in Gen.Elements("", "not ") select $"{field} is {negation}null"),
        (1, Gen.Elements(Fields)));

    private static Gen<string> Predicate() =>
        from first in Condition()
        from rest in Gen.ListOf(Gen.Zip(Gen.Elements(" and ", " or ", " and not ", " or ("), Condition()))
        from parens in Gen.Choose(0, 3)
        select new string('(', parens) + first + string.Concat(rest.Select(pair => pair.Item1 + pair.Item2)) + new string(')', parens);

    private static Gen<string> WellFormed() =>
        from set in Gen.Elements(Sets)
        from filter in Gen.Frequency((4, Predicate().Select(p => " where " + p)), (1, Gen.Constant(string.Empty)))
        from order in Gen.Frequency((1, Gen.NonEmptyListOf(Gen.Zip(Gen.Elements(Fields), Gen.Elements("", " asc", " desc"))).Select(keys => " order by " + string.Join(", ", keys.Select(k => k.Item1 + k.Item2)))), (2, Gen.Constant(string.Empty)))
        from tail in Gen.Elements(
            "", " count", " take 3", " skip 1 take 2", " take 10001", " take -1", " select id, title", " select nothing",
            " group by kind count", " group by metric sum(value)", " group by nation avg(value)", " group by kind min(title)", " take 99999999999")
        select set + filter + order + tail;

    private static Gen<string> LongRun() =>
        from piece in Gen.Frequency((3, Condition()), (2, Token), (1, Gen.Elements(Literals)))
        from glue in Gen.Elements(" or ", " and ", ", ", " ", "")
        from count in Gen.Choose(50, 2_500)
        from set in Gen.Elements(Sets)
        from shape in Gen.Choose(0, 3)
        select shape switch
        {
            0 => $"{set} where " + string.Join(glue, Enumerable.Repeat(piece, count)),
            1 => $"{set} where kind in (" + string.Join(", ", Enumerable.Repeat(piece, count)) + ")",
            2 => $"{set} order by " + string.Join(", ", Enumerable.Repeat(piece, count)),
            _ => string.Concat(Enumerable.Repeat(piece + glue, count)),
        };

    private static Gen<string> Mutate(string text) =>
        from at in Gen.Choose(0, text.Length)
        from length in Gen.Choose(0, Math.Min(12, text.Length - at))
        from insert in Gen.Frequency((3, Token), (1, Gen.Elements(Strange)), (1, Gen.Constant(string.Empty)))
        from how in Gen.Choose(0, 3)
        select how switch
        {
            0 => text.Remove(at, length),
            1 => text.Insert(at, insert),
            2 => text.Remove(at, length).Insert(at, insert),
            _ => text[..at],
        };

    private static Gen<string> Value() => Gen.Frequency(
        (4, Gen.Elements(Literals).Select(literal => JsonSerializer.Serialize(literal.Trim('"')))),
        (1, Gen.Elements("1", "-1", "1.5", "1e400", "-0", "null", "true", "[]", "{}", "[null]", "[\"PER\", \"ECU\"]", "[\"PER\", 1]", "\"\\ud800\"", "\"\\u0000\"")),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => JsonSerializer.Serialize(s ?? string.Empty))));

    private static Gen<string> Record() =>
        from fields in Gen.SubListOf(Fields.Where(f => !f.Contains('.', StringComparison.Ordinal)).ToArray())
        from values in Gen.ArrayOf(Value(), fields.Count)
        from id in Gen.Elements("t-1", "t-2", "pe-pnp", "src-000", "pe-ec-1998-peace", "PER", "TST", "")
        select "{ \"id\": " + JsonSerializer.Serialize(id) + string.Concat(fields.Zip(values, (field, value) => $", \"{field}\": {value}")) + " }";

    private static Gen<string> Document() =>
        from sections in Gen.SubListOf(Sets.Append("treaties").ToArray())
        from bodies in Gen.ArrayOf(Gen.ListOf(Record()).Select(records => "[" + string.Join(", ", records.Take(4)) + "]"), sections.Count)
        select "{ " + string.Join(", ", sections.Zip(bodies, (section, body) => $"\"{section}\": {body}")) + " }";

    // Records that load on top of the bundled store: new ids, known codes and references, any title text.
    private static Gen<string> ValidDocument() =>
        from accords in Gen.ListOf(
            from title in ArbMap.Default.GeneratorFor<string>()
            from kind in Gen.Elements("Agreement", "Treaty", "Pledge", "MemorandumOfUnderstanding")
            from parties in Gen.SubListOf(new[] { "PER", "ECU", "COL", "USA", "BRA" })
            from signed in Gen.Elements("2013", "2013-11", "2013-11-14", "1998", "..2013-11-25\", \"signedBasis\": \"UpperBound")
            select (Title: "t" + title, Kind: kind, Parties: parties, Signed: signed))
        from events in Gen.ListOf(
            from role in Gen.Elements("Captor", "Signer", "Delegate", "Target")
            from reference in Gen.Elements("\"agency\": \"ec-pne\"", "\"person\": \"jose-jeri\"")
            from place in Gen.Elements("aguas-verdes", "tumbes", "piura")
            select (Role: role, Reference: reference, Place: place))
        from statistics in Gen.ListOf(Gen.Choose(-1_000_000, 1_000_000))
        select "{ \"accords\": [" + string.Join(", ", accords.Take(5).Select((a, i) =>
                $"{{ \"id\": \"t-gen-{i}\", \"title\": {JsonSerializer.Serialize(a.Title)}, \"kind\": \"{a.Kind}\", \"parties\": {JsonSerializer.Serialize(a.Parties.DefaultIfEmpty("PER"))}, \"signed\": \"{a.Signed}\", \"sources\": [\"src-000\"] }}"))
            + "], \"statistics\": [" + string.Join(", ", statistics.Take(5).Select((value, i) =>
                $"{{ \"id\": \"t-gen-stat-{i}\", \"metric\": \"BorderLength\", \"nations\": [\"PER\"], \"value\": {value}, \"unit\": \"km\", \"source\": \"src-000\" }}"))
            + "], \"events\": [" + string.Join(", ", events.Take(3).Select((e, i) =>
                $"{{ \"id\": \"t-gen-event-{i}\", \"kind\": \"Meeting\", \"title\": \"t\", \"place\": \"{e.Place}\", \"participants\": [{{ {e.Reference}, \"role\": \"{e.Role}\" }}], \"sources\": [\"src-000\"] }}"))
            + "], \"places\": [{ \"id\": \"t-gen-place\", \"name\": \"t\", \"kind\": \"City\", \"within\": \"tumbes\" }]"
            + ", \"statements\": [{ \"id\": \"t-gen-said\", \"speakerAgency\": \"ec-pne\", \"summary\": \"t\", \"source\": \"src-000\" }] }";

    private static Gen<string> JsonSoup() =>
        Gen.ListOf(Gen.Frequency(
            (3, Gen.Elements("{", "}", "[", "]", ":", ",", "\"", "null", "1", "\"accords\"", "\"id\"", "\"statistics\"", "\"value\"", "/*", "*/", "//", "\n")),
            (1, Value()),
            (1, Gen.Elements(Strange))))
        .Select(string.Concat);

    private static IEnumerable<string> ShrinkText(string text)
    {
        if (text.Length == 0)
        {
            yield break;
        }

        yield return string.Empty;
        if (text.Length > 1)
        {
            yield return text[..(text.Length / 2)];
            yield return text[(text.Length / 2)..];
        }

        for (var i = 0; i < Math.Min(text.Length, 16); i++)
        {
            yield return text.Remove(text.Length - 1 - i, 1);
        }
    }
}
