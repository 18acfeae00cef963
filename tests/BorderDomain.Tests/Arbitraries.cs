using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.CompilerServices;
using BorderDomain.Model;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;
using BorderDomain.Tests.Query.Syntax;
using BorderDomain.Tests.Storage;
using BorderDomain.Query.Language;
using FsCheck;
using FsCheck.Fluent;

namespace BorderDomain.Tests;

/// <summary>
/// The FsCheck arbitraries of the test project, in one place. <see cref="BdqPropertyAttribute"/> registers them, so a
/// property takes a scenario record as a parameter and FsCheck draws it from the matching member here.
/// </summary>
public static class Arbitraries
{
    // ---- Query: trees over a user-shaped record type ----

    /// <summary>Random inspections, posts and queries over them, drawn from one seed (shown on failure, to replay).</summary>
    public static Arbitrary<BorderDomain.Tests.Query.Trees.InspectionWorld> InspectionWorld() => Arb.From(
        Gen.Choose(0, int.MaxValue).Select(BorderDomain.Tests.Query.Trees.InspectionWorld.From));

    // ---- Storage: posting lists ----

    /// <summary>Sorted distinct row ids: sometimes dense, sometimes sparse, sometimes long, so galloping is exercised.</summary>
    internal static readonly Gen<int[]> SortedRows = Gen.OneOf(
        Gen.ListOf(Gen.Choose(0, 40)).Select(Normalise),
        Gen.ListOf(Gen.Choose(0, 2000)).Select(Normalise),
        Gen.Choose(0, 600).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 1500), n)).Select(Normalise),
        Gen.Constant(Array.Empty<int>()));

    public static Arbitrary<SortedRowPair> SortedRowPair() => Arb.From(
        Gen.Two(SortedRows).Select(pair => new SortedRowPair(pair.Item1, pair.Item2)),
        pair => Smaller(pair.Left).Select(left => pair with { Left = left })
            .Concat(Smaller(pair.Right).Select(right => pair with { Right = right })));

    public static Arbitrary<ShuffledRowPair> ShuffledRowPair() => Arb.From(
        from pair in Gen.Two(SortedRows)
        from seed in Gen.Choose(0, int.MaxValue)
        from spare in Gen.Choose(1, 3000)
        select new ShuffledRowPair(Shuffle(pair.Item1, seed), Shuffle(pair.Item2, seed + 1), 2001 + spare % 2),
        pair => Smaller(pair.First).Select(first => pair with { First = first })
            .Concat(Smaller(pair.Second).Select(second => pair with { Second = second })));

    public static Arbitrary<SortedRowLists> SortedRowLists() => Arb.From(
        Gen.ListOf(SortedRows).Select(lists => new SortedRowLists([.. lists])),
        lists => Smaller(lists.Lists).Select(smaller => new SortedRowLists(smaller)));

    public static Arbitrary<ComplementCase> ComplementCase() => Arb.From(
        from rows in SortedRows
        from extra in Gen.Choose(0, 30)
        select new ComplementCase(rows, (rows.Length == 0 ? 0 : rows[^1] + 1) + extra),
        c => Smaller(c.Rows).Select(rows => c with { Rows = rows }));

    public static Arbitrary<ShuffledRows> ShuffledRows() => Arb.From(
        SortedRows.SelectMany(rows => Gen.Shuffle(rows).Select(shuffled => new ShuffledRows(rows, shuffled))),
        c => Smaller(c.Rows).Select(rows => new ShuffledRows(rows, [.. c.Shuffled.Where(row => Array.BinarySearch(rows, row) >= 0)])));

    // ---- Storage: tables and their indexes ----

    internal static readonly int MinDay = new DateOnly(1997, 12, 1).DayNumber;
    internal static readonly int MaxDay = new DateOnly(2027, 1, 31).DayNumber;

    private static readonly Gen<int> Day = Gen.Choose(MinDay, MaxDay);

    public static Arbitrary<AccordRows> AccordRows() => Arb.From(
        RandomRecords.Rows(RandomRecords.Accord, 80).Select(rows => new AccordRows(rows)),
        c => Prefixes(c.Rows).Select(rows => new AccordRows(rows)));

    public static Arbitrary<StatisticRows> StatisticRows() => Arb.From(
        RandomRecords.Rows(RandomRecords.Statistic, 80).Select(rows => new StatisticRows(rows)),
        c => Prefixes(c.Rows).Select(rows => new StatisticRows(rows)));

    public static Arbitrary<AccordDates> AccordDates() => Arb.From(
        from accords in RandomRecords.Rows(RandomRecords.Accord, 80)
        from probes in Gen.ArrayOf(Day, 6)
        select new AccordDates(accords, probes),
        c => Prefixes(c.Accords).Select(accords => c with { Accords = accords }));

    public static Arbitrary<StatisticDates> StatisticDates() => Arb.From(
        from statistics in RandomRecords.Rows(RandomRecords.Statistic, 80)
        from probes in Gen.ArrayOf(Day, 6)
        select new StatisticDates(statistics, probes),
        c => Prefixes(c.Statistics).Select(statistics => c with { Statistics = statistics }));

    public static Arbitrary<StatisticValues> StatisticValues() => Arb.From(
        from statistics in RandomRecords.Rows(RandomRecords.Statistic, 80)
        from probes in Gen.ArrayOf(RandomRecords.Value, 6)
        select new StatisticValues(statistics, probes),
        c => Prefixes(c.Statistics).Select(statistics => c with { Statistics = statistics }));

    public static Arbitrary<AccordTitles> AccordTitles() => Arb.From(
        from accords in RandomRecords.Rows(RandomRecords.Accord, 60)
        from probes in Gen.ArrayOf(RandomRecords.TextProbe, 8)
        select new AccordTitles(accords, probes),
        c => Prefixes(c.Accords).Select(accords => c with { Accords = accords })
            .Concat(Smaller(c.Probes).Select(probes => c with { Probes = probes })));

    public static Arbitrary<BuiltAccords> BuiltAccords() => Arb.From(
        from accords in RandomRecords.Rows(RandomRecords.Accord, 40)
        from probes in Gen.ArrayOf(Day, 4)
        select new BuiltAccords(accords, probes),
        c => Prefixes(c.Accords).Select(accords => c with { Accords = accords }));

    public static Arbitrary<TitleProbes> TitleProbes() => Arb.From(
        from titles in Gen.ListOf(RandomRecords.OptionalTitle)
        from probes in Gen.ArrayOf(RandomRecords.TextProbe, 10)
        select new TitleProbes([.. titles], probes),
        c => Smaller(c.Titles).Select(titles => c with { Titles = titles })
            .Concat(Smaller(c.Probes).Select(probes => c with { Probes = probes })));

    /// <summary>Patrols with distinct ids, their values from small pools so that the queries' predicates hit often.</summary>
    public static Arbitrary<PatrolRows> PatrolRows()
    {
        var patrol =
            from id in Gen.Choose(0, 40)
            from post in Gen.Elements("p-pe", "p-ec", "p-co", "p-xx", "P-PE")
            from topic in Gen.Elements(Topic.IllegalMining, Topic.DrugTrafficking, Topic.Smuggling)
            from officers in Gen.Choose(0, 30)
            from day in RandomRecords.OptionalDate
            from nations in RandomRecords.SmallArray(Gen.Elements(RandomRecords.NationPool))
            select new Patrol { Id = "t-" + id, Post = post, Topic = topic, Officers = officers, Day = day, Nations = nations };
        return Arb.From(
            Gen.ListOf(patrol).Select(list => new PatrolRows([.. list.DistinctBy(p => p.Id)])),
            c => Smaller(c.Rows).Select(rows => new PatrolRows(rows)));
    }

    // ---- Model: partial dates ----

    public static Arbitrary<AnyPartialDate> AnyPartialDate() => Arb.From(
        Gen.Choose(1, 9999).SelectMany(
            year => Gen.Choose(1, 12).SelectMany(
                month => Gen.Choose(1, DateTime.DaysInMonth(year, month)).SelectMany(
                    day => Gen.Choose(1, 3).Select(precision => precision switch
                    {
                        1 => PartialDate.FromYear(year),
                        2 => PartialDate.FromYearMonth(year, month),
                        _ => PartialDate.FromDate(year, month, day),
                    })))).Select(date => new AnyPartialDate(date)),
        input => LessPrecise(input.Date).Select(date => new AnyPartialDate(date)));

    public static Arbitrary<NearbyPartialDates> NearbyPartialDates()
    {
        var dates = Gen.Choose(2010, 2014).SelectMany(
            year => Gen.Choose(1, 12).SelectMany(
                month => Gen.Choose(1, DateTime.DaysInMonth(year, month)).SelectMany(
                    day => Gen.Elements(PartialDate.FromYear(year), PartialDate.FromYearMonth(year, month), PartialDate.FromDate(year, month, day)))));
        return Arb.From(
            Gen.Two(dates).Select(pair => new NearbyPartialDates(pair.Item1, pair.Item2)),
            pair => LessPrecise(pair.A).Select(a => pair with { A = a }).Concat(LessPrecise(pair.B).Select(b => pair with { B = b })));
    }

    // ---- Query: row sorting ----

    private static readonly Gen<object?> SortDate = RandomRecords.OptionalDate.Select(d => (object?)d);
    private static readonly Gen<object?> SortNumber = Gen.Frequency((1, Gen.Constant<object?>(null)), (4, Gen.Choose(-5, 5).Select(v => (object?)(v / 2m))));
    private static readonly Gen<object?> SortFlag = Gen.Elements<object?>(null, true, false);
    private static readonly Gen<object?> SortKind = Gen.Elements<object?>(null, AccordKind.Treaty, AccordKind.Agreement, AccordKind.MemorandumOfUnderstanding);
    private static readonly Gen<object?> SortText = Gen.Elements<object?>(null, "a", "B", "b", "Perú", "peru");

    private static readonly (FieldKind Kind, Gen<object?> Values)[] SortKinds =
    [
        (FieldKind.Date, SortDate), (FieldKind.Number, SortNumber), (FieldKind.Boolean, SortFlag), (FieldKind.Enum, SortKind), (FieldKind.String, SortText),
    ];

    /// <summary>Rows (distinct, in random order) with values for one or two sort keys of any sortable kind, either direction.</summary>
    public static Arbitrary<SortCase> SortCase() => Arb.From(
        from first in Gen.Elements(SortKinds)
        from second in Gen.Elements(SortKinds)
        from twoKeys in Gen.Elements(true, false)
        from directions in Gen.Two(Gen.Elements(true, false))
        from count in Gen.Choose(0, 60)
        from firstValues in Gen.ArrayOf(first.Values, count)
        from secondValues in Gen.ArrayOf(second.Values, count)
        from rows in Gen.Shuffle(Enumerable.Range(0, count * 3).ToArray()).Select(all => all.Take(count).ToArray())
        select new SortCase(first.Kind, second.Kind, twoKeys, directions, firstValues, secondValues, rows),
        c => Prefixes(c.Rows).Select(rows => c with { Rows = rows, FirstValues = c.FirstValues[..rows.Length], SecondValues = c.SecondValues[..rows.Length] }));

    /// <summary>Dates (some missing, some the default date) to sort rows by, and a direction.</summary>
    public static Arbitrary<DaySortCase> DaySortCase() => Arb.From(
        from count in Gen.Choose(0, 80)
        from dates in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant<PartialDate?>(default(PartialDate))), (6, RandomRecords.OptionalDate)), count)
        from direction in Gen.Elements(true, false)
        select new DaySortCase(dates, direction),
        c => Smaller(c.Dates).Select(dates => c with { Dates = dates }));

    // ---- Query: parser input ----

    private static readonly string[] SoupPieces =
    [
        "accords", "agencies", "statistics", "where", "and", "or", "not", "in", "between", "has", "any", "all", "contains", "startswith",
        "endswith", "is", "null", "order", "by", "asc", "desc", "skip", "take", "select", "count", "group", "sum", "min", "max", "avg",
        "(", ")", ",", ".", "=", "!=", "<", "<=", ">", ">=", "-", "--", "\n", "@", "@p", "\"", "\"x\"", "\\", "2013", "2013-11", "2013-11-14",
        "1.5", "-3", "0", "kind", "parties", "nation.region", "PER", "Treaty", "é", "_", " ",
    ];

    /// <summary>FsCheck's strings, without NUL.</summary>
    private static readonly Gen<string> TextWithoutNul =
        ArbMap.Default.GeneratorFor<string>().Select(s => (s ?? string.Empty).Replace("\0", string.Empty, StringComparison.Ordinal));

    public static Arbitrary<AnyText> AnyText() => Arb.From(
        TextWithoutNul.Select(text => new AnyText(text)),
        input => ShorterTexts(input.Text).Select(text => new AnyText(text)));

    public static Arbitrary<TokenSoup> TokenSoup() => Arb.From(
        Gen.ArrayOf(Gen.Elements(SoupPieces)).SelectMany(parts => Gen.Elements(" ", string.Empty).Select(separator => new TokenSoup(parts, separator))),
        soup => Smaller(soup.Parts).Select(parts => soup with { Parts = parts }));

    public static Arbitrary<ExampleWithSuffix> ExampleWithSuffix() => Arb.From(
        Gen.Elements(QueryParserTests.DesignExamples).SelectMany(example => TextWithoutNul.Select(suffix => new ExampleWithSuffix(example, suffix))),
        input => ShorterTexts(input.Suffix).Select(suffix => input with { Suffix = suffix }));

    // ---- Query: random syntax trees ----

    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéñüÁ";

    // Names close to keywords: a keyword prefix or suffix must not be read as the keyword.
    private static readonly string[] NearKeywords =
    [
        "notes", "nothing", "inside", "order1", "bye", "isabel", "anyone", "allies", "counter", "summit", "minimum", "maxi", "avgx", "descent",
        "ascend", "selected", "groups", "skipper", "taken", "wherever", "andes", "oregon", "between_", "hasp", "nullable", "true", "false",
        "PER", "Treaty", "e1", "x_",
    ];

    private static readonly Gen<string> RandomName =
        from first in Gen.Elements(Letters.ToCharArray())
        from length in Gen.Choose(0, 7)
        from rest in Gen.ArrayOf(Gen.Elements((Letters + "0123456789_").ToCharArray()), length)
        select first + new string(rest);

    /// <summary>A set, field or bare-name literal: starts with a letter, never a reserved word.</summary>
    private static readonly Gen<string> Name =
        Gen.Frequency((4, RandomName), (1, Gen.Elements(NearKeywords)))
            .Where(name => !QueryGrammar.Reserved.Contains(name));

    // A parameter is '@' and any word, reserved or not: the '@' already tells it apart.
    private static readonly Gen<string> ParameterName = Gen.Frequency(
        (3, RandomName),
        (1, Gen.Elements(QueryGrammar.Reserved.ToArray())),
        (1, Gen.Elements("_", "_x1", "from", "to")));

    private static readonly Gen<PathSyntax> SyntaxPath =
        from length in Gen.Choose(1, 2)
        from names in Gen.ArrayOf(Name, length)
        select new PathSyntax(names.Select(n => new IdentifierSyntax(n)).ToArray());

    private static readonly string[] StringPieces =
        ["a", "Z", " ", "\"", "\\", "\\\"", "é", "ñ", "ü", "Ç", "--", "(", ")", ",", "@", "'", "\n", "\t", "mineria", "minería"];

    // Kept short so a whole random query stays well under BdqOptions.MaxQueryLength.
    private static readonly Gen<LiteralSyntax> StringLiteral =
        from length in Gen.Choose(0, 12)
        from pieces in Gen.ArrayOf(Gen.Elements(StringPieces), length)
        select (LiteralSyntax)new StringLiteralSyntax(string.Concat(pieces));

    private static readonly Gen<LiteralSyntax> NumberLiteral =
        from value in Gen.Choose(-1_000_000, 1_000_000)
        from scale in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
        select (LiteralSyntax)new NumberLiteralSyntax(new decimal(Math.Abs(value), 0, 0, value < 0, (byte)scale));

    private static readonly Gen<LiteralSyntax> DateLiteral =
        from year in Gen.Choose(1000, 2999)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(0, 31)
        select (LiteralSyntax)new DateLiteralSyntax(day == 0
            ? FormattableString.Invariant($"{year:D4}-{month:D2}")
            : FormattableString.Invariant($"{year:D4}-{month:D2}-{day:D2}"));

    private static readonly Gen<LiteralSyntax> Literal = Gen.OneOf(
        StringLiteral,
        NumberLiteral,
        DateLiteral,
        Name.Select(n => (LiteralSyntax)new NameLiteralSyntax(n)),
        ParameterName.Select(n => (LiteralSyntax)new ParameterSyntax(n)));

    private static readonly Gen<PredicateSyntax> Predicate =
        from path in SyntaxPath
        from op in Gen.Elements(Enum.GetValues<PredicateOperator>())
        from operands in Operands(op)
        from length in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new PredicateSyntax(path, op, operands) { Length = length };

    private static readonly Gen<AggregateSyntax> Aggregate = Gen.Frequency(
        (2, Gen.Constant(new AggregateSyntax(AggregateFunction.Count, null))),
        (4, from function in Gen.Elements(Enum.GetValues<AggregateFunction>()) from argument in SyntaxPath select new AggregateSyntax(function, argument)),
        (1, Gen.Elements(Enum.GetValues<AggregateFunction>()).Select(function => new AggregateSyntax(function, null))));

    private static readonly Gen<GroupBySyntax> GroupBy =
        from keyCount in Gen.Choose(1, 3)
        from keys in Gen.ArrayOf(SyntaxPath, keyCount)
        from aggregateCount in Gen.Choose(0, 3)
        from aggregates in Gen.ArrayOf(Aggregate, aggregateCount)
        select new GroupBySyntax(keys, aggregates);

    private static readonly Gen<OrderingSyntax> Ordering =
        from path in SyntaxPath
        from isDescending in Gen.Elements(false, true)
        select new OrderingSyntax(path, isDescending);

    private static readonly Gen<NumberLiteralSyntax?> Whole = Gen.Frequency(
        (1, Gen.Constant<NumberLiteralSyntax?>(null)),
        (1, Gen.Choose(0, 1_000_000).Select(n => (NumberLiteralSyntax?)new NumberLiteralSyntax(n))));

    private static readonly Gen<ExpressionSyntax?> Where = Gen.Frequency(
        (1, Gen.Constant<ExpressionSyntax?>(null)),
        (5, Expression(4).Select(e => (ExpressionSyntax?)e)));

    private static readonly Gen<GroupBySyntax?> OptionalGroupBy = Gen.Frequency(
        (2, Gen.Constant<GroupBySyntax?>(null)),
        (1, GroupBy.Select(g => (GroupBySyntax?)g)));

    private static readonly Gen<QuerySyntax> Query =
        from set in Name
        from filter in Where
        from groupBy in OptionalGroupBy
        from orderCount in Gen.Choose(0, 3)
        from orderBy in Gen.ArrayOf(Ordering, orderCount)
        from skip in Whole
        from take in Whole
        from selectCount in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
        from projection in Gen.ArrayOf(SyntaxPath, selectCount)

        // With a group by, a trailing 'count' is the group's count aggregate (the grammar reads aggregates first), so
        // 'group by k count' with Count = true is genuinely ambiguous and not generated.
        from count in groupBy is null ? Gen.Elements(false, true) : Gen.Constant(false)
        select new QuerySyntax(new IdentifierSyntax(set), filter, groupBy, orderBy, skip, take, projection, count);

    private static Gen<LiteralSyntax[]> Operands(PredicateOperator op) => op switch
    {
        PredicateOperator.IsTrue or PredicateOperator.IsNull or PredicateOperator.IsNotNull => Gen.Constant(Array.Empty<LiteralSyntax>()),
        PredicateOperator.Between => Gen.ArrayOf(Literal, 2),
        PredicateOperator.In or PredicateOperator.NotIn or PredicateOperator.HasAny or PredicateOperator.HasAll =>
            Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Literal, n)),
        PredicateOperator.Contains or PredicateOperator.StartsWith or PredicateOperator.EndsWith => Gen.ArrayOf(StringLiteral, 1),
        _ => Gen.ArrayOf(Literal, 1),
    };

    private static Gen<ExpressionSyntax> Expression(int depth)
    {
        var leaf = Predicate.Select(p => (ExpressionSyntax)p);
        if (depth == 0)
        {
            return leaf;
        }

        var inner = Expression(depth - 1);
        return Gen.Frequency(
            (3, leaf),
            (1, from left in inner from right in inner select (ExpressionSyntax)new AndSyntax(left, right)),
            (1, from left in inner from right in inner select (ExpressionSyntax)new OrSyntax(left, right)),
            (1, inner.Select(operand => (ExpressionSyntax)new NotSyntax(operand))));
    }

    /// <summary>Random queries: any set name, filter, grouping, ordering, paging, projection and count.</summary>
    public static Arbitrary<RandomQuery> RandomQuery() => Arb.From(Query.Select(query => new RandomQuery(query)));

    /// <summary>Queries of <c>accords</c> with a random filter up to four levels deep and nothing else.</summary>
    public static Arbitrary<RandomFilterQuery> RandomFilterQuery() => Arb.From(
        Expression(4).Select(e => new RandomFilterQuery(new QuerySyntax(new IdentifierSyntax("accords"), e, null, default, null, null, default, false))));

    // ---- Query and stress: random stores ----

    /// <summary>
    /// A seed for <c>System.Random</c>, from which <c>RandomStores.Create</c> and <c>QueryGenerator</c> draw a store and
    /// its queries, as the differential and every-engine tests always have. Not shrunk: a nearby seed is an unrelated
    /// store; the differential tests shrink the store itself (<c>DifferentialCheck.Shrink</c>).
    /// </summary>
    public static Arbitrary<StoreSeed> StoreSeed() => Arb.From(Gen.Choose(0, 1_000_000_000).Select(seed => new StoreSeed(seed)));

    // ---- Stress: front-end fuzzing ----

    private static readonly string[] FuzzTokens =
    [
        "accords", "agencies", "statistics", "nations", "people", "events", "sources", "participants", "places", "where", "and", "or", "not", "in",
        "between", "has", "any", "all", "contains", "startswith", "endswith", "is", "null", "order", "by", "asc", "desc",
        "skip", "take", "select", "count", "group", "sum", "min", "max", "avg", "(", ")", ",", ".", "=", "!=", "<", "<=",
        ">", ">=", "\"", "\"peru\"", "\"", "\\", "@", "@nation", "--", "\n", "PER", "ECU", "title", "signed", "parties",
        "nation.region", "value", "disputed", "2013", "2013-11", "2013-11-14", "2013-13-40", "-1", "1.5", "99999999999999999999999999999",
        "Agreement", "kind", "topics", "é", "\u0000", "\ud800", "\udc00", "\u202e", "\ufeff", "𝕏", "ß", "İ",
    ];

    // ---- Generators: string literals ----

    /// <summary>Text made of the fragments that C# literals escape or treat specially: quotes, braces, backslashes,
    /// line breaks, control and wide characters, surrogate pairs.</summary>
    public static Arbitrary<LiteralValue> LiteralValue() => Arb.From(
        Gen.ArrayOf(Gen.Elements(
                "a", "Z", "0", "x", "u", "U", " ", "  ", "'", "{", "}", "\"", "\"\"", "\"\"\"", "\\", "\\\\", "\\n",
                "\n", "\r", "\r\n", "\t", "\0", "\u0001", "\u0085", "\u2028", "\u00A0", "é", "日", "😀", "\U0002FFFE", "\U0010FFFF"))
            .Select(parts => new LiteralValue(string.Concat(parts))));

    /// <summary>One query text of each kind the front end is fuzzed with, all drawn at the same size.</summary>
    public static Arbitrary<FuzzStrings> FuzzStrings()
    {
        var anyString = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty);
        var anyChars = Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(i => (char)i)).Select(chars => new string(chars));
        var controlAndSurrogates = Gen.ArrayOf(Gen.OneOf(Gen.Choose(0, 0x1F), Gen.Choose(0xD800, 0xDFFF), Gen.Choose(0x7F, 0x9F)).Select(i => (char)i))
            .Select(chars => "accords where title contains \"" + new string(chars));
        var tokenSoup = Gen.ListOf(Gen.Elements(FuzzTokens)).Select(tokens => string.Join(" ", tokens));
        var glued = Gen.ListOf(Gen.Elements(FuzzTokens)).Select(string.Concat);
        var afterSet = Gen.ListOf(Gen.Elements(FuzzTokens)).Select(tokens => "accords where " + string.Join(" ", tokens));
        var all =
            from a in anyString
            from b in anyChars
            from c in controlAndSurrogates
            from d in tokenSoup
            from e in glued
            from f in afterSet
            select new FuzzStrings(a, b, c, d, e, f);
        return Arb.From(all, input =>
            AnyShorter(input.AnyString).Select(v => input with { AnyString = v })
                .Concat(AnyShorter(input.AnyChars).Select(v => input with { AnyChars = v }))
                .Concat(AnyShorter(input.ControlAndSurrogates).Select(v => input with { ControlAndSurrogates = v }))
                .Concat(AnyShorter(input.TokenSoup).Select(v => input with { TokenSoup = v }))
                .Concat(AnyShorter(input.Glued).Select(v => input with { Glued = v }))
                .Concat(AnyShorter(input.AfterSet).Select(v => input with { AfterSet = v })));
    }

    // ---- Shrinking and display helpers ----

    /// <summary>Smaller arrays: empty, each half, then each with one element left out. Order and distinctness are kept.</summary>
    internal static IEnumerable<T[]> Smaller<T>(T[] items)
    {
        if (items.Length == 0)
        {
            yield break;
        }

        yield return [];
        if (items.Length > 2)
        {
            yield return items[..(items.Length / 2)];
            yield return items[(items.Length / 2)..];
        }

        if (items.Length > 1)
        {
            for (var i = 0; i < items.Length; i++)
            {
                yield return [.. items[..i], .. items[(i + 1)..]];
            }
        }
    }

    /// <summary>Shorter prefixes: empty, the first half, all but the last. Records numbered by row keep their numbering.</summary>
    internal static IEnumerable<T[]> Prefixes<T>(T[] items)
    {
        if (items.Length == 0)
        {
            yield break;
        }

        yield return [];
        if (items.Length > 2)
        {
            yield return items[..(items.Length / 2)];
        }

        if (items.Length > 1)
        {
            yield return items[..^1];
        }
    }

    /// <summary>The same date known less precisely: a day to its month, a month to its year.</summary>
    private static IEnumerable<PartialDate> LessPrecise(PartialDate date)
    {
        if (date.Month is { } month)
        {
            yield return PartialDate.FromYear(date.Year);
            if (date.Day is not null)
            {
                yield return PartialDate.FromYearMonth(date.Year, month);
            }
        }
    }

    /// <summary>FsCheck's shrinks of a string, without NUL.</summary>
    private static IEnumerable<string> ShorterTexts(string text) =>
        ArbMap.Default.ArbFor<string>().Shrinker(text).Where(s => s is not null && !s.Contains('\0', StringComparison.Ordinal));

    /// <summary>FsCheck's shrinks of a string: any string is a fuzz input, NUL included.</summary>
    private static IEnumerable<string> AnyShorter(string text) => ArbMap.Default.ArbFor<string>().Shrinker(text).Where(s => s is not null);

    internal static string Show<T>(IEnumerable<T> items) => "[" + string.Join(", ", items) + "]";

    private static int[] Normalise(IEnumerable<int> rows) => [.. rows.Distinct().Order()];

    private static int[] Shuffle(int[] rows, int seed)
    {
        var copy = rows.ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }
}

/// <summary>Two sorted lists of distinct row ids.</summary>
public sealed record SortedRowPair(int[] Left, int[] Right)
{
    public override string ToString() => $"{nameof(SortedRowPair)} {{ Left = {Arbitraries.Show(Left)}, Right = {Arbitraries.Show(Right)} }}";
}

/// <summary>Two lists of distinct row ids in random order, and a table size of 2001 or 2002 rows.</summary>
public sealed record ShuffledRowPair(int[] First, int[] Second, int RowCount)
{
    public override string ToString() =>
        $"{nameof(ShuffledRowPair)} {{ First = {Arbitraries.Show(First)}, Second = {Arbitraries.Show(Second)}, RowCount = {RowCount} }}";
}

/// <summary>Any number of sorted lists of distinct row ids.</summary>
public sealed record SortedRowLists(int[][] Lists)
{
    public override string ToString() => $"{nameof(SortedRowLists)} {{ {string.Join(", ", Lists.Select(Arbitraries.Show))} }}";
}

/// <summary>A sorted list of distinct row ids and a table size past its last row.</summary>
public sealed record ComplementCase(int[] Rows, int RowCount)
{
    public override string ToString() => $"{nameof(ComplementCase)} {{ Rows = {Arbitraries.Show(Rows)}, RowCount = {RowCount} }}";
}

/// <summary>A sorted list of distinct row ids and the same rows shuffled.</summary>
public sealed record ShuffledRows(int[] Rows, int[] Shuffled)
{
    public override string ToString() => $"{nameof(ShuffledRows)} {{ Rows = {Arbitraries.Show(Rows)}, Shuffled = {Arbitraries.Show(Shuffled)} }}";
}

/// <summary>Up to 80 random accords, numbered by row (<c>acc-0</c>, <c>ACC-1</c>, ...).</summary>
public sealed record AccordRows(Accord[] Rows)
{
    public override string ToString() => $"{nameof(AccordRows)} {Arbitraries.Show(Rows)}";
}

/// <summary>Up to 80 random statistics, numbered by row (<c>stat-0</c>, ...).</summary>
public sealed record StatisticRows(Statistic[] Rows)
{
    public override string ToString() => $"{nameof(StatisticRows)} {Arbitraries.Show(Rows)}";
}

/// <summary>Up to 80 random accords and six day numbers to bound ranges of their signing dates with.</summary>
public sealed record AccordDates(Accord[] Accords, int[] Probes)
{
    public override string ToString() => $"{nameof(AccordDates)} {{ Accords = {Arbitraries.Show(Accords)}, Probes = {Arbitraries.Show(Probes)} }}";
}

/// <summary>Up to 80 random statistics and six day numbers to bound ranges of their periods with.</summary>
public sealed record StatisticDates(Statistic[] Statistics, int[] Probes)
{
    public override string ToString() => $"{nameof(StatisticDates)} {{ Statistics = {Arbitraries.Show(Statistics)}, Probes = {Arbitraries.Show(Probes)} }}";
}

/// <summary>Up to 80 random statistics and six values to bound ranges of their values with.</summary>
public sealed record StatisticValues(Statistic[] Statistics, decimal[] Probes)
{
    public override string ToString() => $"{nameof(StatisticValues)} {{ Statistics = {Arbitraries.Show(Statistics)}, Probes = {Arbitraries.Show(Probes)} }}";
}

/// <summary>Up to 60 random accords and eight texts to search their titles for.</summary>
public sealed record AccordTitles(Accord[] Accords, string[] Probes)
{
    public override string ToString() => $"{nameof(AccordTitles)} {{ Accords = {Arbitraries.Show(Accords)}, Probes = {Arbitraries.Show(Probes)} }}";
}

/// <summary>Up to 40 random accords for a store built by <c>BorderStoreBuilder</c>, and four day numbers for ranges.</summary>
public sealed record BuiltAccords(Accord[] Accords, int[] Probes)
{
    public override string ToString() => $"{nameof(BuiltAccords)} {{ Accords = {Arbitraries.Show(Accords)}, Probes = {Arbitraries.Show(Probes)} }}";
}

/// <summary>Any number of titles (some missing) and ten texts to search them for.</summary>
public sealed record TitleProbes(string?[] Titles, string[] Probes)
{
    public override string ToString() => $"{nameof(TitleProbes)} {{ Titles = {Arbitraries.Show(Titles)}, Probes = {Arbitraries.Show(Probes)} }}";
}

/// <summary>Random patrols with distinct ids.</summary>
public sealed record PatrolRows(Patrol[] Rows)
{
    public override string ToString() => $"{nameof(PatrolRows)} {Arbitraries.Show(Rows)}";
}

/// <summary>Any date from year 1 to 9999, known to the year, the month or the day.</summary>
public sealed record AnyPartialDate(PartialDate Date);

/// <summary>Two dates of 2010 to 2014, each known to the year, the month or the day, so that they often overlap.</summary>
public sealed record NearbyPartialDates(PartialDate A, PartialDate B);

/// <summary>
/// Distinct rows in random order with the values of one or two sort keys (<see cref="FirstValues"/>[i] belongs to
/// <see cref="Rows"/>[i]), the keys' kinds and directions (<c>true</c> is descending).
/// </summary>
public sealed record SortCase(FieldKind FirstKind, FieldKind SecondKind, bool TwoKeys, (bool, bool) Directions, object?[] FirstValues, object?[] SecondValues, int[] Rows)
{
    public override string ToString() =>
        $"{nameof(SortCase)} {{ FirstKind = {FirstKind}, SecondKind = {SecondKind}, TwoKeys = {TwoKeys}, Directions = {Directions}, " +
        $"FirstValues = {Arbitraries.Show(FirstValues)}, SecondValues = {Arbitraries.Show(SecondValues)}, Rows = {Arbitraries.Show(Rows)} }}";
}

/// <summary>The dates of rows 0, 1, ... (some missing, some the default date) and a direction.</summary>
public sealed record DaySortCase(PartialDate?[] Dates, bool Descending)
{
    public override string ToString() => $"{nameof(DaySortCase)} {{ Dates = {Arbitraries.Show(Dates)}, Descending = {Descending} }}";
}

/// <summary>Any string FsCheck makes, without NUL.</summary>
public sealed record AnyText(string Text);

/// <summary>Query keywords, names, literals and punctuation in random order, joined by spaces or by nothing.</summary>
public sealed record TokenSoup(string[] Parts, string Separator)
{
    public string Text => string.Join(Separator, Parts);

    public override string ToString() => $"{nameof(TokenSoup)} {{ Text = {Text} }}";
}

/// <summary>An example query of DESIGN.md followed by any string without NUL.</summary>
public sealed record ExampleWithSuffix(string Example, string Suffix)
{
    public string Text => Example + Suffix;
}

/// <summary>A random syntax tree of a whole query.</summary>
/// <remarks>The tree's types are the library's internals, so the wrapper is public and its tree internal.</remarks>
public sealed record RandomQuery
{
    internal RandomQuery(QuerySyntax query) => Query = query;

    internal QuerySyntax Query { get; }

    public override string ToString() => $"{nameof(RandomQuery)} {{ {QueryPrinter.Print(Query)} }}";
}

/// <summary>A random syntax tree of a query that is only a deep filter.</summary>
/// <remarks>The tree's types are the library's internals, so the wrapper is public and its tree internal.</remarks>
public sealed record RandomFilterQuery
{
    internal RandomFilterQuery(QuerySyntax query) => Query = query;

    internal QuerySyntax Query { get; }

    public override string ToString() => $"{nameof(RandomFilterQuery)} {{ {QueryPrinter.Print(Query)} }}";
}

/// <summary>A seed from which a random store (and, for the differential tests, its queries) is drawn.</summary>
public sealed record StoreSeed(int Seed)
{
    public override string ToString() => $"seed {Seed}";
}

/// <summary>
/// Six fuzz inputs: any string, any UTF-16 code units, control characters and lone surrogates in a string literal, a
/// soup of query tokens, the same tokens glued together, and tokens after <c>accords where</c>.
/// </summary>
public sealed record FuzzStrings(string AnyString, string AnyChars, string ControlAndSurrogates, string TokenSoup, string Glued, string AfterSet)
{
    public IEnumerable<string> All => [AnyString, AnyChars, ControlAndSurrogates, TokenSoup, Glued, AfterSet];
}

/// <summary>A string to write in every C# literal form.</summary>
public sealed record LiteralValue(string Value);
