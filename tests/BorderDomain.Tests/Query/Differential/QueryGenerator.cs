using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BorderDomain.Model;

namespace BorderDomain.Tests.Query.Differential;

/// <summary>
/// Generates well-typed BDQ query text together with its meaning as plain C# over the record properties. The naive
/// side calls no library evaluation code: dates are intervals of <see cref="DateOnly"/>, text is folded with
/// <see cref="NaiveWorld.Fold"/>, strings compare ignoring case, and so on, as the language documents them.
/// </summary>
internal sealed class QueryGenerator(Random rng, Vocabulary vocab)
{
    private static readonly string[] SpecialProbes = ["", " ", "xyz", "a", "mineria", "MINERÍA", "jeri", "ría ile", "peru", "policia nac", "-", "ó"];

    private Dictionary<string, object?> _parameters = new(StringComparer.Ordinal);
    private int _parameterCount;

    public QueryCase<Accord> Accords() => Query(
        "accords",
        AccordAtom,
        1,
        [
            DateKey<Accord>("signed", (_, a) => a.Signed is { } d ? NaiveWorld.Days(d) : null),
            StringKey<Accord>("title", (_, a) => a.Title),
            EnumKey<Accord, AccordKind>("kind", (_, a) => a.Kind),
            EnumKey<Accord, AccordStatus>("status", (_, a) => a.Status),
            StringKey<Accord>("place", (_, a) => a.Place),
            StringKey<Accord>("id", (_, a) => a.Id),
        ]);

    public QueryCase<Statistic> Statistics() => Query(
        "statistics",
        StatisticAtom,
        2,
        [
            new OrderKey<Statistic>("value", (_, s) => s.Value, (a, b) => ((decimal)a).CompareTo((decimal)b)),
            DateKey<Statistic>("period", (_, s) => s.Period is { } p ? NaiveWorld.Days(p) : null),
            EnumKey<Statistic, Metric>("metric", (_, s) => s.Metric),
            StringKey<Statistic>("place", (_, s) => s.Place),
            StringKey<Statistic>("agency", (_, s) => s.Agency),
            new OrderKey<Statistic>("disputed", (w, s) => w.Disputed(s), (a, b) => ((bool)a).CompareTo((bool)b)),
            StringKey<Statistic>("source", (_, s) => s.Source),
            new OrderKey<Statistic>("unit", (_, s) => s.Unit.Code, (a, b) => string.CompareOrdinal((string)a, (string)b)),
            EnumKey<Statistic, AgencyKind>("agency.kind", (w, s) => w.Agency(s.Agency)?.Kind),
            StringKey<Statistic>("agency.name", (w, s) => w.Agency(s.Agency)?.Name),
        ]);

    public QueryCase<Agency> Agencies() => Query(
        "agencies",
        AgencyAtom,
        0,
        [
            StringKey<Agency>("name", (_, a) => a.Name),
            EnumKey<Agency, AgencyKind>("kind", (_, a) => a.Kind),
            new OrderKey<Agency>("nation", (_, a) => a.Nation.Alpha3, (a, b) => string.CompareOrdinal((string)a, (string)b)),
            StringKey<Agency>("acronym", (_, a) => a.Acronym),
            StringKey<Agency>("parent", (_, a) => a.Parent),
            StringKey<Agency>("nation.region", (w, a) => w.Nation(a.Nation)?.Region),
            StringKey<Agency>("nation.name", (w, a) => w.Nation(a.Nation)?.Name),
            EnumKey<Agency, AgencyKind>("parent.kind", (w, a) => w.Agency(a.Parent)?.Kind),
            StringKey<Agency>("id", (_, a) => a.Id),
        ]);

    public QueryCase<Event> Events() => Query(
        "events",
        EventAtom,
        1,
        [
            DateKey<Event>("date", (_, e) => e.Date is { } d ? NaiveWorld.Days(d) : null),
            StringKey<Event>("title", (_, e) => e.Title),
            EnumKey<Event, EventKind>("kind", (_, e) => e.Kind),
            EnumKey<Event, EventStatus>("status", (_, e) => e.Status),
            EnumKey<Event, DateBasis>("dateBasis", (_, e) => e.DateBasis),
            StringKey<Event>("place", (_, e) => e.Place),
            StringKey<Event>("partOf", (_, e) => e.PartOf),
            EnumKey<Event, EventKind>("partOf.kind", (w, e) => w.Event(e.PartOf)?.Kind),
            DateKey<Event>("partOf.date", (w, e) => w.Event(e.PartOf)?.Date is { } d ? NaiveWorld.Days(d) : null),
            StringKey<Event>("id", (_, e) => e.Id),
        ]);

    private Cond<Event> EventAtom() => OneOf(
        (5, () => DateCond<Event>("date", (_, e) => e.Date is { } d ? NaiveWorld.Days(d) : null)),
        (4, () => TextCond<Event>("title", (_, e) => e.Title)),
        (3, () => EnumCond<Event, EventKind>("kind", (_, e) => e.Kind, Enum.GetValues<EventKind>(), nullable: false)),
        (2, () => EnumCond<Event, EventStatus>("status", (_, e) => e.Status, Enum.GetValues<EventStatus>(), nullable: false)),
        (2, () => EnumCond<Event, DateBasis>("dateBasis", (_, e) => e.DateBasis, Enum.GetValues<DateBasis>(), nullable: true)),
        (2, () => StringCond<Event>("place", (_, e) => e.Place, vocab.Places, nullable: true)),
        (2, () => SetCond<Event, string>("sites", (_, e) => e.Sites, p => p && rng.Next(2) == 0 ? StringParameter(vocab.Places) : StringLiteral(vocab.Places), SameText)),
        (3, () => SetCond<Event, NationCode>("nations", (_, e) => e.Nations, NationLiteral, (x, y) => x == y)),
        (3, () => SetCond<Event, string>("agencies", (_, e) => e.Agencies, p => p && rng.Next(2) == 0 ? StringParameter(vocab.AgencyIds) : StringLiteral(vocab.AgencyIds), SameText)),
        (2, () => SetCond<Event, string>("accords", (_, e) => e.Accords, p => p && rng.Next(2) == 0 ? StringParameter(vocab.AccordIds) : StringLiteral(vocab.AccordIds), SameText)),
        (1, () => SetCond<Event, string>("outcomes", (_, e) => e.Outcomes, p => p && rng.Next(2) == 0 ? StringParameter(vocab.AccordIds) : StringLiteral(vocab.AccordIds), SameText)),
        (2, () => SetCond<Event, Topic>("topics", (_, e) => e.Topics, p => p && rng.Next(2) == 0 ? EnumParameter(vocab.Topics) : EnumLiteral(vocab.Topics), (x, y) => x == y)),
        (1, () => SetCond<Event, string>("sources", (_, e) => e.Sources, p => p && rng.Next(2) == 0 ? StringParameter(vocab.SourceIds) : StringLiteral(vocab.SourceIds), SameText)),
        (2, () => StringCond<Event>("partOf", (_, e) => e.PartOf, vocab.EventIds, nullable: true)),
        (2, () => EnumCond<Event, EventKind>("partOf.kind", (w, e) => w.Event(e.PartOf)?.Kind, Enum.GetValues<EventKind>(), nullable: true)),
        (1, () => DateCond<Event>("partOf.date", (w, e) => w.Event(e.PartOf)?.Date is { } d ? NaiveWorld.Days(d) : null)),
        (1, () => TextCond<Event>("partOf.title", (w, e) => w.Event(e.PartOf)?.Title)),
        (1, () => StringCond<Event>("id", (_, e) => e.Id, vocab.EventIds, nullable: false)));

    private Cond<Accord> AccordAtom() => OneOf(
        (5, () => DateCond<Accord>("signed", (_, a) => a.Signed is { } d ? NaiveWorld.Days(d) : null)),
        (4, () => TextCond<Accord>("title", (_, a) => a.Title)),
        (1, () => StringCond<Accord>("title", (_, a) => a.Title, vocab.Titles, nullable: false)),
        (2, () => EnumCond<Accord, AccordKind>("kind", (_, a) => a.Kind, Enum.GetValues<AccordKind>(), nullable: false)),
        (2, () => EnumCond<Accord, AccordStatus>("status", (_, a) => a.Status, Enum.GetValues<AccordStatus>(), nullable: false)),
        (4, () => SetCond<Accord, NationCode>("parties", (_, a) => a.Parties, NationLiteral, (x, y) => x == y)),
        (3, () => SetCond<Accord, Topic>("topics", (_, a) => a.Topics, p => p && rng.Next(2) == 0 ? EnumParameter(vocab.Topics) : EnumLiteral(vocab.Topics), (x, y) => x == y)),
        (2, () => StringCond<Accord>("place", (_, a) => a.Place, vocab.Places, nullable: true)),
        (1, () => TextCond<Accord>("place", (_, a) => a.Place)),
        (1, () => StringCond<Accord>("id", (_, a) => a.Id, vocab.AccordIds, nullable: false)),
        (1, () => SetCond<Accord, string>("signatories", (_, a) => a.Signatories, p => p && rng.Next(2) == 0 ? StringParameter(vocab.AgencyIds) : StringLiteral(vocab.AgencyIds), SameText)),
        (1, () => SetCond<Accord, string>("sources", (_, a) => a.Sources, p => p && rng.Next(2) == 0 ? StringParameter(vocab.SourceIds) : StringLiteral(vocab.SourceIds), SameText)),
        (1, () => SetCond<Accord, string>("buildsOn", (_, a) => a.BuildsOn, p => p && rng.Next(2) == 0 ? StringParameter(vocab.AccordIds) : StringLiteral(vocab.AccordIds), SameText)));

    private Cond<Statistic> StatisticAtom() => OneOf(
        (5, () => NumberCond<Statistic>("value", (_, s) => s.Value)),
        (4, () => DateCond<Statistic>("period", (_, s) => s.Period is { } p ? NaiveWorld.Days(p) : null)),
        (2, () => EnumCond<Statistic, Metric>("metric", (_, s) => s.Metric, vocab.Metrics, nullable: false)),
        (3, () => SetCond<Statistic, NationCode>("nations", (_, s) => s.Nations, NationLiteral, (x, y) => x == y)),
        (2, () => StringCond<Statistic>("agency", (_, s) => s.Agency, vocab.AgencyIds, nullable: true)),
        (2, () => EnumCond<Statistic, AgencyKind>("agency.kind", (w, s) => w.Agency(s.Agency)?.Kind, vocab.AgencyKinds, nullable: true)),
        (2, () => NationCond<Statistic>("agency.nation", (w, s) => w.Agency(s.Agency)?.Nation, nullable: true)),
        (1, () => TextCond<Statistic>("agency.name", (w, s) => w.Agency(s.Agency)?.Name)),
        (1, () => StringCond<Statistic>("agency.acronym", (w, s) => w.Agency(s.Agency)?.Acronym, vocab.Acronyms, nullable: true)),
        (1, () => SetCond<Statistic, string>("agency.sources", (w, s) => w.Agency(s.Agency)?.Sources, p => p && rng.Next(2) == 0 ? StringParameter(vocab.SourceIds) : StringLiteral(vocab.SourceIds), SameText)),
        (2, () => StringCond<Statistic>("place", (_, s) => s.Place, vocab.Places, nullable: true)),
        (1, () => UnitCond()),
        (3, () => DisputedCond()),
        (1, () => StringCond<Statistic>("source", (_, s) => s.Source, vocab.SourceIds, nullable: false)));

    private Cond<Agency> AgencyAtom() => OneOf(
        (4, () => TextCond<Agency>("name", (_, a) => a.Name)),
        (1, () => StringCond<Agency>("name", (_, a) => a.Name, vocab.Names, nullable: false)),
        (3, () => NationCond<Agency>("nation", (_, a) => a.Nation, nullable: false)),
        (3, () => StringCond<Agency>("nation.region", (w, a) => w.Nation(a.Nation)?.Region, vocab.Regions, nullable: false)),
        (1, () => TextCond<Agency>("nation.region", (w, a) => w.Nation(a.Nation)?.Region)),
        (1, () => TextCond<Agency>("nation.name", (w, a) => w.Nation(a.Nation)?.Name)),
        (1, () => SetCond<Agency, NationCode>("nation.neighbours", (w, a) => w.Nation(a.Nation)?.Neighbours, NationLiteral, (x, y) => x == y)),
        (2, () => EnumCond<Agency, AgencyKind>("kind", (_, a) => a.Kind, vocab.AgencyKinds, nullable: false)),
        (2, () => StringCond<Agency>("acronym", (_, a) => a.Acronym, vocab.Acronyms, nullable: true)),
        (1, () => TextCond<Agency>("acronym", (_, a) => a.Acronym)),
        (1, () => StringCond<Agency>("parent", (_, a) => a.Parent, vocab.AgencyIds, nullable: true)),
        (1, () => EnumCond<Agency, AgencyKind>("parent.kind", (w, a) => w.Agency(a.Parent)?.Kind, vocab.AgencyKinds, nullable: true)),
        (1, () => NationCond<Agency>("parent.nation", (w, a) => w.Agency(a.Parent)?.Nation, nullable: true)),
        (1, () => TextCond<Agency>("parent.name", (w, a) => w.Agency(a.Parent)?.Name)),
        (1, () => SetCond<Agency, string>("sources", (_, a) => a.Sources, p => p && rng.Next(2) == 0 ? StringParameter(vocab.SourceIds) : StringLiteral(vocab.SourceIds), SameText)),
        (1, () => StringCond<Agency>("id", (_, a) => a.Id, vocab.AgencyIds, nullable: false)));

    // The first sortedKeys keys have sorted indexes: ordering by one of them with take may walk the index.
    private QueryCase<T> Query<T>(string set, Func<Cond<T>> atom, int sortedKeys, OrderKey<T>[] keys)
    {
        _parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        _parameterCount = 0;
        var filter = rng.Next(10) switch
        {
            0 => null,
            < 4 => Conjunction(atom, rng.Next(1, 4)), // the shape indexes answer
            _ => Tree(atom, rng.Next(4)),
        };
        var order = new List<(OrderKey<T> Key, bool Descending)>();
        var keyCount = rng.Next(10) switch { < 4 => 0, < 8 => 1, _ => 2 };
        for (var i = 0; i < keyCount; i++)
        {
            var key = sortedKeys > 0 && rng.Next(5) < 2 ? keys[rng.Next(sortedKeys)] : Pick(keys);
            order.Add((key, rng.Next(2) == 0));
        }

        int? skip = rng.Next(4) == 0 ? rng.Next(0, 8) : null;
        int? take = rng.Next(3) == 0 ? rng.Next(0, 12) : null;
        var count = rng.Next(7) == 0;

        var text = new StringBuilder(Case(set));
        if (filter is not null)
        {
            text.Append(Gap()).Append(Case("where")).Append(' ').Append(filter.Text);
        }

        if (order.Count > 0)
        {
            text.Append(Gap()).Append(Case("order")).Append(Gap()).Append(Case("by")).Append(' ').AppendJoin(", ", order.Select(o =>
                Path(o.Key.Text) + (o.Descending ? " " + Case("desc") : rng.Next(3) == 0 ? " " + Case("asc") : string.Empty)));
        }

        if (skip is { } s)
        {
            text.Append(Gap()).Append(Case("skip")).Append(' ').Append(s.ToString(CultureInfo.InvariantCulture));
        }

        if (take is { } t)
        {
            text.Append(Gap()).Append(Case("take")).Append(' ').Append(t.ToString(CultureInfo.InvariantCulture));
        }

        if (count)
        {
            text.Append(Gap()).Append(Case("count"));
        }

        if (rng.Next(10) == 0)
        {
            text.Append(" -- a trailing comment");
        }

        return new QueryCase<T>(text.ToString(), _parameters, filter, order, skip, take, count);
    }

    // and / or / not / parentheses, nested up to depth levels.
    private Cond<T> Tree<T>(Func<Cond<T>> atom, int depth)
    {
        if (depth == 0 || rng.Next(4) == 0)
        {
            return atom();
        }

        switch (rng.Next(5))
        {
            case 0 or 1:
                {
                    var left = Tree(atom, depth - 1);
                    var right = Tree(atom, depth - 1);
                    return new Cond<T>($"{Wrap(left, 1)}{Gap()}{Case("and")} {Wrap(right, 1)}", 1, (w, x) => left.Eval(w, x) && right.Eval(w, x));
                }

            case 2 or 3:
                {
                    var left = Tree(atom, depth - 1);
                    var right = Tree(atom, depth - 1);
                    return new Cond<T>($"{Wrap(left, 0)}{Gap()}{Case("or")} {Wrap(right, 0)}", 0, (w, x) => left.Eval(w, x) || right.Eval(w, x));
                }

            default:
                {
                    var operand = Tree(atom, depth - 1);
                    return new Cond<T>($"{Case("not")} {Wrap(operand, 2)}", 2, (w, x) => !operand.Eval(w, x));
                }
        }
    }

    private Cond<T> Conjunction<T>(Func<Cond<T>> atom, int count)
    {
        var cond = atom();
        for (var i = 1; i < count; i++)
        {
            var (left, right) = (cond, atom());
            cond = new Cond<T>($"{left.Text} {Case("and")} {Wrap(right, 1)}", 1, (w, x) => left.Eval(w, x) && right.Eval(w, x));
        }

        return cond;
    }

    // Parentheses where precedence needs them, and sometimes where it does not.
    private string Wrap<T>(Cond<T> cond, int needed) => cond.Precedence < needed || rng.Next(5) == 0 ? $"({cond.Text})" : cond.Text;

    private Cond<T> DateCond<T>(string path, Func<NaiveWorld, T, Interval?> get)
    {
        var field = Path(path);
        static bool Inside(Interval value, Interval literal) => value.Start >= literal.Start && value.End <= literal.End;
        switch (rng.Next(12))
        {
            case 0:
                {
                    var (text, literal) = DateLiteral();
                    return Predicate<T>($"{field} = {text}", (w, x) => get(w, x) is { } v && Inside(v, literal));
                }

            case 1:
                {
                    var (text, literal) = DateLiteral();
                    return Predicate<T>($"{field} != {text}", (w, x) => get(w, x) is { } v && !Inside(v, literal));
                }

            case 2:
                {
                    var (text, literal) = DateLiteral();
                    return Predicate<T>($"{field} < {text}", (w, x) => get(w, x) is { } v && v.End < literal.Start);
                }

            case 3:
                {
                    var (text, literal) = DateLiteral();
                    return Predicate<T>($"{field} <= {text}", (w, x) => get(w, x) is { } v && v.End <= literal.End);
                }

            case 4:
                {
                    var (text, literal) = DateLiteral();
                    return Predicate<T>($"{field} > {text}", (w, x) => get(w, x) is { } v && v.Start > literal.End);
                }

            case 5 or 6:
                {
                    var (text, literal) = DateLiteral();
                    return Predicate<T>($"{field} >= {text}", (w, x) => get(w, x) is { } v && v.Start >= literal.Start);
                }

            case 7:
                {
                    var (low, from) = DateLiteral();
                    var (high, to) = DateLiteral();
                    return Predicate<T>($"{field} {Case("between")} {low} {Case("and")} {high}", (w, x) => get(w, x) is { } v && v.Start >= from.Start && v.End <= to.End);
                }

            case 8:
                {
                    var literals = Several(DateLiteral);
                    return Predicate<T>($"{field} {Case("in")} ({string.Join(", ", literals.Select(l => l.Text))})", (w, x) => get(w, x) is { } v && literals.Any(l => Inside(v, l.Value)));
                }

            case 9:
                {
                    var literals = Several(DateLiteral);
                    return Predicate<T>($"{field} {Case("not")} {Case("in")} ({string.Join(", ", literals.Select(l => l.Text))})", (w, x) => get(w, x) is { } v && !literals.Any(l => Inside(v, l.Value)));
                }

            case 10:
                return Predicate<T>($"{field} {Case("is")} {Case("null")}", (w, x) => get(w, x) is null);
            default:
                return Predicate<T>($"{field} {Case("is")} {Case("not")} {Case("null")}", (w, x) => get(w, x) is not null);
        }
    }

    private Cond<T> NumberCond<T>(string path, Func<NaiveWorld, T, decimal?> get)
    {
        var field = Path(path);
        switch (rng.Next(10))
        {
            case 0:
                {
                    var (text, literal) = NumberLiteral();
                    return Predicate<T>($"{field} = {text}", (w, x) => get(w, x) is { } v && v == literal);
                }

            case 1:
                {
                    var (text, literal) = NumberLiteral();
                    return Predicate<T>($"{field} != {text}", (w, x) => get(w, x) is { } v && v != literal);
                }

            case 2:
                {
                    var (text, literal) = NumberLiteral();
                    return Predicate<T>($"{field} < {text}", (w, x) => get(w, x) is { } v && v < literal);
                }

            case 3:
                {
                    var (text, literal) = NumberLiteral();
                    return Predicate<T>($"{field} <= {text}", (w, x) => get(w, x) is { } v && v <= literal);
                }

            case 4:
                {
                    var (text, literal) = NumberLiteral();
                    return Predicate<T>($"{field} > {text}", (w, x) => get(w, x) is { } v && v > literal);
                }

            case 5:
                {
                    var (text, literal) = NumberLiteral();
                    return Predicate<T>($"{field} >= {text}", (w, x) => get(w, x) is { } v && v >= literal);
                }

            case 6 or 7:
                {
                    var (low, from) = NumberLiteral();
                    var (high, to) = NumberLiteral();
                    return Predicate<T>($"{field} {Case("between")} {low} {Case("and")} {high}", (w, x) => get(w, x) is { } v && v >= from && v <= to);
                }

            case 8:
                {
                    var literals = Several(NumberLiteral);
                    return Predicate<T>($"{field} {Case("in")} ({string.Join(", ", literals.Select(l => l.Text))})", (w, x) => get(w, x) is { } v && literals.Any(l => l.Value == v));
                }

            default:
                {
                    var literals = Several(NumberLiteral);
                    return Predicate<T>($"{field} {Case("not")} {Case("in")} ({string.Join(", ", literals.Select(l => l.Text))})", (w, x) => get(w, x) is { } v && !literals.Any(l => l.Value == v));
                }
        }
    }

    // Plain strings compare ignoring case (ordinal), not ignoring accents.
    private Cond<T> StringCond<T>(string path, Func<NaiveWorld, T, string?> get, string[] pool, bool nullable)
    {
        var field = Path(path);
        switch (rng.Next(nullable ? 9 : 7))
        {
            case 0:
                {
                    var (text, literal) = rng.Next(5) == 0 ? StringParameter(pool) : StringLiteral(pool);
                    return Predicate<T>($"{field} = {text}", (w, x) => get(w, x) is { } v && SameText(v, literal));
                }

            case 1:
                {
                    var (text, literal) = StringLiteral(pool);
                    return Predicate<T>($"{field} != {text}", (w, x) => get(w, x) is { } v && !SameText(v, literal));
                }

            case 2:
                {
                    var literals = Several(() => rng.Next(6) == 0 ? StringParameter(pool) : StringLiteral(pool));
                    return Predicate<T>($"{field} {Case("in")} ({string.Join(", ", literals.Select(l => l.Text))})", (w, x) => get(w, x) is { } v && literals.Any(l => SameText(v, l.Value)));
                }

            case 3:
                {
                    var literals = Several(() => rng.Next(6) == 0 ? StringParameter(pool) : StringLiteral(pool));
                    return Predicate<T>($"{field} {Case("not")} {Case("in")} ({string.Join(", ", literals.Select(l => l.Text))})", (w, x) => get(w, x) is { } v && !literals.Any(l => SameText(v, l.Value)));
                }

            case 4:
                {
                    var (text, literal) = StringLiteral(pool);
                    return Predicate<T>($"{field} < {text}", (w, x) => get(w, x) is { } v && string.CompareOrdinal(NaiveWorld.Fold(v), NaiveWorld.Fold(literal)) < 0);
                }

            case 5:
                {
                    var (text, literal) = StringLiteral(pool);
                    return Predicate<T>($"{field} >= {text}", (w, x) => get(w, x) is { } v && string.CompareOrdinal(NaiveWorld.Fold(v), NaiveWorld.Fold(literal)) >= 0);
                }

            case 6:
                return TextCond(path, get);
            case 7:
                return Predicate<T>($"{field} {Case("is")} {Case("null")}", (w, x) => get(w, x) is null);
            default:
                return Predicate<T>($"{field} {Case("is")} {Case("not")} {Case("null")}", (w, x) => get(w, x) is not null);
        }
    }

    // contains / startswith / endswith: case- and accent-insensitive.
    private Cond<T> TextCond<T>(string path, Func<NaiveWorld, T, string?> get)
    {
        var field = Path(path);
        var probe = Probe();
        var folded = NaiveWorld.Fold(probe);
        var quoted = Quote(probe);
        return rng.Next(3) switch
        {
            0 => Predicate<T>($"{field} {Case("contains")} {quoted}", (w, x) => get(w, x) is { } v && NaiveWorld.Fold(v).Contains(folded, StringComparison.Ordinal)),
            1 => Predicate<T>($"{field} {Case("startswith")} {quoted}", (w, x) => get(w, x) is { } v && NaiveWorld.Fold(v).StartsWith(folded, StringComparison.Ordinal)),
            _ => Predicate<T>($"{field} {Case("endswith")} {quoted}", (w, x) => get(w, x) is { } v && NaiveWorld.Fold(v).EndsWith(folded, StringComparison.Ordinal)),
        };
    }

    private Cond<T> EnumCond<T, TEnum>(string path, Func<NaiveWorld, T, TEnum?> get, IReadOnlyList<TEnum> pool, bool nullable)
        where TEnum : struct, Enum
    {
        var field = Path(path);
        switch (rng.Next(nullable ? 7 : 5))
        {
            case 0 or 1:
                {
                    var (text, literal) = rng.Next(6) == 0 ? EnumParameter(pool) : EnumLiteral(pool);
                    return Predicate<T>($"{field} = {text}", (w, x) => get(w, x) is { } v && v.Equals(literal));
                }

            case 2:
                {
                    var (text, literal) = EnumLiteral(pool);
                    return Predicate<T>($"{field} != {text}", (w, x) => get(w, x) is { } v && !v.Equals(literal));
                }

            case 3:
                {
                    var literals = Several(() => rng.Next(6) == 0 ? EnumParameter(pool) : EnumLiteral(pool));
                    return Predicate<T>($"{field} {Case("in")} ({string.Join(", ", literals.Select(l => l.Text))})", (w, x) => get(w, x) is { } v && literals.Any(l => l.Value.Equals(v)));
                }

            case 4:
                {
                    var literals = Several(() => rng.Next(6) == 0 ? EnumParameter(pool) : EnumLiteral(pool));
                    return Predicate<T>($"{field} {Case("not")} {Case("in")} ({string.Join(", ", literals.Select(l => l.Text))})", (w, x) => get(w, x) is { } v && !literals.Any(l => l.Value.Equals(v)));
                }

            case 5:
                return Predicate<T>($"{field} {Case("is")} {Case("null")}", (w, x) => get(w, x) is null);
            default:
                return Predicate<T>($"{field} {Case("is")} {Case("not")} {Case("null")}", (w, x) => get(w, x) is not null);
        }
    }

    private Cond<T> NationCond<T>(string path, Func<NaiveWorld, T, NationCode?> get, bool nullable)
    {
        var field = Path(path);
        switch (rng.Next(nullable ? 7 : 5))
        {
            case 0 or 1:
                {
                    var (text, literal) = NationLiteral(true);
                    return Predicate<T>($"{field} = {text}", (w, x) => get(w, x) is { } v && v == literal);
                }

            case 2:
                {
                    var (text, literal) = NationLiteral(false);
                    return Predicate<T>($"{field} != {text}", (w, x) => get(w, x) is { } v && v != literal);
                }

            case 3:
                {
                    var literals = Several(() => NationLiteral(rng.Next(4) == 0));
                    return Predicate<T>($"{field} {Case("in")} ({string.Join(", ", literals.Select(l => l.Text))})", (w, x) => get(w, x) is { } v && literals.Any(l => l.Value == v));
                }

            case 4:
                {
                    var literals = Several(() => NationLiteral(rng.Next(4) == 0));
                    return Predicate<T>($"{field} {Case("not")} {Case("in")} ({string.Join(", ", literals.Select(l => l.Text))})", (w, x) => get(w, x) is { } v && !literals.Any(l => l.Value == v));
                }

            case 5:
                return Predicate<T>($"{field} {Case("is")} {Case("null")}", (w, x) => get(w, x) is null);
            default:
                return Predicate<T>($"{field} {Case("is")} {Case("not")} {Case("null")}", (w, x) => get(w, x) is not null);
        }
    }

    // has / has any / has all / is [not] null on collections; an empty collection counts as null.
    private Cond<T> SetCond<T, TElement>(string path, Func<NaiveWorld, T, IReadOnlyList<TElement>?> get, Func<bool, (string Text, TElement Value)> literal, Func<TElement, TElement, bool> same)
    {
        var field = Path(path);
        bool Has(IReadOnlyList<TElement>? values, TElement wanted) => values is not null && values.Any(v => same(v, wanted));
        switch (rng.Next(7))
        {
            case 0 or 1:
                {
                    var (text, value) = literal(true);
                    return Predicate<T>($"{field} {Case("has")} {text}", (w, x) => Has(get(w, x), value));
                }

            case 2:
                {
                    var literals = Several(() => literal(rng.Next(4) == 0));
                    return Predicate<T>($"{field} {Case("has")} {Case("any")} ({string.Join(", ", literals.Select(l => l.Text))})", (w, x) => literals.Any(l => Has(get(w, x), l.Value)));
                }

            case 3 or 4:
                {
                    var literals = Several(() => literal(rng.Next(4) == 0));
                    return Predicate<T>($"{field} {Case("has")} {Case("all")} ({string.Join(", ", literals.Select(l => l.Text))})", (w, x) => literals.All(l => Has(get(w, x), l.Value)));
                }

            case 5:
                return Predicate<T>($"{field} {Case("is")} {Case("null")}", (w, x) => get(w, x) is not { Count: > 0 });
            default:
                return Predicate<T>($"{field} {Case("is")} {Case("not")} {Case("null")}", (w, x) => get(w, x) is { Count: > 0 });
        }
    }

    private Cond<Statistic> DisputedCond()
    {
        var field = Path("disputed");
        return rng.Next(6) switch
        {
            0 or 1 => Predicate<Statistic>(field, (w, s) => w.Disputed(s)),
            2 => Predicate<Statistic>($"{field} = {Case("true")}", (w, s) => w.Disputed(s)),
            3 => Predicate<Statistic>($"{field} = {Case("false")}", (w, s) => !w.Disputed(s)),
            4 => Predicate<Statistic>($"{field} != {Case("true")}", (w, s) => !w.Disputed(s)),
            _ => rng.Next(2) == 0
                ? Predicate<Statistic>($"{field} = {Parameter(true)}", (w, s) => w.Disputed(s))
                : Predicate<Statistic>($"{field} = {Parameter(false)}", (w, s) => !w.Disputed(s)),
        };
    }

    // Units are codes compared exactly.
    private Cond<Statistic> UnitCond()
    {
        var field = Path("unit");
        (string Text, string Value) Literal()
        {
            var code = Pick(vocab.Units);
            return (code.All(char.IsLetter) && rng.Next(3) != 0 ? code : Quote(code), code);
        }

        switch (rng.Next(4))
        {
            case 0:
                {
                    var (text, code) = Literal();
                    return Predicate<Statistic>($"{field} = {text}", (_, s) => s.Unit.Code == code);
                }

            case 1:
                {
                    var (text, code) = Literal();
                    return Predicate<Statistic>($"{field} != {text}", (_, s) => s.Unit.Code != code);
                }

            case 2:
                {
                    var literals = Several(Literal);
                    return Predicate<Statistic>($"{field} {Case("in")} ({string.Join(", ", literals.Select(l => l.Text))})", (_, s) => literals.Any(l => l.Value == s.Unit.Code));
                }

            default:
                {
                    var literals = Several(Literal);
                    return Predicate<Statistic>($"{field} {Case("not")} {Case("in")} ({string.Join(", ", literals.Select(l => l.Text))})", (_, s) => !literals.Any(l => l.Value == s.Unit.Code));
                }
        }
    }

    private (string Text, Interval Value) DateLiteral()
    {
        var year = rng.Next(vocab.MinYear, vocab.MaxYear + 1);
        var month = rng.Next(1, 13);
        var day = rng.Next(1, DateTime.DaysInMonth(year, month) + 1);
        var precision = rng.Next(3);
        var days = precision switch
        {
            0 => NaiveWorld.Days(year, null, null),
            1 => NaiveWorld.Days(year, month, null),
            _ => NaiveWorld.Days(year, month, day),
        };
        var iso = precision switch
        {
            0 => FormattableString.Invariant($"{year:D4}"),
            1 => FormattableString.Invariant($"{year:D4}-{month:D2}"),
            _ => FormattableString.Invariant($"{year:D4}-{month:D2}-{day:D2}"),
        };
        if (rng.Next(6) == 0)
        {
            // A date parameter may be an int year, a DateOnly day, a PartialDate or a string.
            object value = rng.Next(3) switch
            {
                0 when precision == 0 => year,
                0 when precision == 2 => new DateOnly(year, month, day),
                1 => PartialDate.Parse(iso),
                _ => iso,
            };
            return (Parameter(value), days);
        }

        return (rng.Next(5) == 0 ? Quote(iso) : iso, days);
    }

    private (string Text, decimal Value) NumberLiteral()
    {
        var value = rng.Next(10) switch
        {
            < 5 => Pick(vocab.Values),
            5 => Pick(vocab.Values) + 0.001m,
            6 => Pick(vocab.Values) - 1m,
            7 => -Pick(vocab.Values),
            8 => Pick(vocab.Values) * 1.00m, // same value, another scale
            _ => new decimal(rng.Next(0, 5000), 0, 0, rng.Next(3) == 0, (byte)rng.Next(0, 3)),
        };
        if (rng.Next(6) == 0)
        {
            // A number parameter may be an int, a long, a double or a decimal.
            var whole = value == decimal.Truncate(value) && Math.Abs(value) < int.MaxValue;
            object boxed = rng.Next(4) switch
            {
                0 when whole => (int)value,
                1 when whole => (long)value,
                2 when (decimal)(double)value == value => (double)value,
                _ => value,
            };
            return (Parameter(boxed), value);
        }

        return (value.ToString(CultureInfo.InvariantCulture), value);
    }

    private (string Text, string Value) StringLiteral(string[] pool)
    {
        var value = Pick(pool);
        value = rng.Next(5) switch
        {
            0 => value.ToUpperInvariant(),
            1 => value.ToLowerInvariant(),
            _ => value,
        };
        return (Quote(value), value);
    }

    private (string Text, string Value) StringParameter(string[] pool)
    {
        var value = Pick(pool);
        return (Parameter(value), value);
    }

    private (string Text, TEnum Value) EnumLiteral<TEnum>(IReadOnlyList<TEnum> pool)
        where TEnum : struct, Enum
    {
        var value = Pick(pool);
        var name = Case(value.ToString());
        return (rng.Next(6) == 0 ? Quote(name) : name, value);
    }

    private (string Text, TEnum Value) EnumParameter<TEnum>(IReadOnlyList<TEnum> pool)
        where TEnum : struct, Enum
    {
        var value = Pick(pool);
        return (Parameter(value), value);
    }

    private (string Text, NationCode Value) NationLiteral(bool allowParameter)
    {
        var code = Pick(vocab.Nations);
        if (allowParameter && rng.Next(5) == 0)
        {
            return (Parameter(rng.Next(2) == 0 ? code : Case(code.Alpha3)), code);
        }

        var name = Case(code.Alpha3);
        return (rng.Next(6) == 0 ? Quote(name) : name, code);
    }

    // A piece of a title or name, in some case, with or without its accents; or a special case.
    private string Probe()
    {
        if (rng.Next(6) == 0)
        {
            return Pick(SpecialProbes);
        }

        var sample = Pick(vocab.TextSamples);
        var start = rng.Next(sample.Length);
        var length = rng.Next(1, Math.Min(sample.Length - start, 14) + 1);
        var piece = rng.Next(4) == 0 ? sample : sample.Substring(start, length);
        return rng.Next(5) switch
        {
            0 => piece.ToUpperInvariant(),
            1 => piece.ToLowerInvariant(),
            2 => NaiveWorld.Fold(piece),
            _ => piece,
        };
    }

    private string Parameter(object value)
    {
        var name = "p" + (_parameterCount++).ToString(CultureInfo.InvariantCulture);
        var key = rng.Next(4) switch
        {
            0 => "@" + name,
            1 => name.ToUpperInvariant(),
            _ => name,
        };
        _parameters[key] = value;
        return "@" + (rng.Next(4) == 0 ? name.ToUpperInvariant() : name);
    }

    private List<(string Text, TValue Value)> Several<TValue>(Func<(string Text, TValue Value)> literal) =>
        Enumerable.Range(0, rng.Next(1, 4)).Select(_ => literal()).ToList();

    private Cond<T> OneOf<T>(params (int Weight, Func<Cond<T>> Make)[] choices)
    {
        var roll = rng.Next(choices.Sum(c => c.Weight));
        foreach (var (weight, make) in choices)
        {
            if (roll < weight)
            {
                return make();
            }

            roll -= weight;
        }

        throw new InvalidOperationException("unreachable");
    }

    private T Pick<T>(IReadOnlyList<T> pool) => pool[rng.Next(pool.Count)];

    // Keywords and field names are case-insensitive: vary their case.
    private string Case(string word) => rng.Next(8) switch
    {
        0 => word.ToUpperInvariant(),
        1 => char.ToUpperInvariant(word[0]) + word[1..],
        2 => word.ToLowerInvariant(),
        _ => word,
    };

    // Whitespace between tokens: mostly a space, sometimes a line break, a tab or a comment.
    private string Gap() => rng.Next(15) switch
    {
        0 => "\n  ",
        1 => "\t",
        2 => " -- a comment with \"quotes\" and -- dashes\n",
        _ => " ",
    };

    private string Path(string path) => string.Join('.', path.Split('.').Select(Case));

    private static Cond<T> Predicate<T>(string text, Func<NaiveWorld, T, bool> eval) => new(text, 2, eval);

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    // BDQ compares text by its folded form in every engine.
    private static bool SameText(string left, string right) => string.Equals(NaiveWorld.Fold(left), NaiveWorld.Fold(right), StringComparison.Ordinal);

    private static OrderKey<T> DateKey<T>(string path, Func<NaiveWorld, T, Interval?> get) =>
        new(path, (w, x) => get(w, x)?.Start, (a, b) => ((DateOnly)a).CompareTo((DateOnly)b));

    private static OrderKey<T> StringKey<T>(string path, Func<NaiveWorld, T, string?> get) =>
        new(path, (w, x) => get(w, x), (a, b) => string.CompareOrdinal(NaiveWorld.Fold((string)a), NaiveWorld.Fold((string)b)));

    private static OrderKey<T> EnumKey<T, TEnum>(string path, Func<NaiveWorld, T, TEnum?> get)
        where TEnum : struct, Enum =>
        new(path, (w, x) => get(w, x) is { } e ? Convert.ToInt64(e, CultureInfo.InvariantCulture) : null, (a, b) => ((long)a).CompareTo((long)b));
}
