using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BorderDomain.Model;

namespace BorderDomain.Tests.Query.Differential;

/// <summary>
/// What the naive LINQ side needs beyond a record's own properties: references followed by key, and which statistics
/// are disputed — all computed here from the plain records, never by library code.
/// </summary>
internal sealed class NaiveWorld
{
    private readonly Dictionary<string, Agency> _agencies;
    private readonly Dictionary<NationCode, Nation> _nations;
    private readonly Dictionary<string, Event> _events;
    private readonly HashSet<string> _disputed;

    private NaiveWorld(StoreSpec spec)
    {
        Spec = spec;
        _agencies = spec.Agencies.ToDictionary(a => Fold(a.Id), StringComparer.Ordinal); // references match keys by folded text
        _nations = spec.Nations.ToDictionary(n => n.Code);
        _events = spec.Events.ToDictionary(e => Fold(e.Id), StringComparer.Ordinal);

        // Same metric, nations, agency, place, period and unit, but another value: both are disputed.
        _disputed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var claim in spec.Statistics.GroupBy(ClaimKey, StringComparer.Ordinal))
        {
            if (claim.Select(s => s.Value).Distinct().Count() > 1)
            {
                _disputed.UnionWith(claim.Select(s => s.Id));
            }
        }
    }

    public StoreSpec Spec { get; }

    public static NaiveWorld From(StoreSpec spec) => new(spec);

    public Agency? Agency(string? id) => id is not null && _agencies.TryGetValue(Fold(id), out var agency) ? agency : null;

    public Event? Event(string? id) => id is not null && _events.TryGetValue(Fold(id), out var e) ? e : null;

    public Nation? Nation(NationCode code) => _nations.TryGetValue(code, out var nation) ? nation : null;

    public bool Disputed(Statistic statistic) => _disputed.Contains(statistic.Id);

    /// <summary>Text as the language compares it: accents removed, lower case.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    /// <summary>The days a partial date covers: a year, a month or one day.</summary>
    public static Interval Days(PartialDate date) => Days(date.Year, date.Month, date.Day);

    public static Interval Days(int year, int? month, int? day)
    {
        var start = new DateOnly(year, month ?? 1, day ?? 1);
        var end = day is not null ? start
            : month is { } m ? new DateOnly(year, m, DateTime.DaysInMonth(year, m))
            : new DateOnly(year, 12, 31);
        return new Interval(start, end);
    }

    /// <summary>
    /// The days a period covers: from its first date's start to its last date's end. An open side reaches past every
    /// date a query can name: an open start begins at the first day there is, an open end runs to the last.
    /// </summary>
    public static Interval Days(Period period) => new(
        period.HasStart ? Days(period.From).Start : DateOnly.MinValue,
        period.HasEnd ? Days(period.To).End : DateOnly.MaxValue);

    private static string ClaimKey(Statistic s) => string.Join(
        "|",
        s.Metric,
        string.Join(",", s.Nations.Select(n => n.Alpha3).OrderBy(c => c, StringComparer.Ordinal)),
        s.Agency?.ToUpperInvariant(),
        s.Place?.ToUpperInvariant(),
        s.Period is { } p ? $"{(p.HasStart ? $"{p.From.Year}-{p.From.Month}-{p.From.Day}" : "open")}..{(p.HasEnd ? $"{p.To.Year}-{p.To.Month}-{p.To.Day}" : "open")}" : "none",
        s.Unit.Code);
}

/// <summary>A closed range of days.</summary>
internal readonly record struct Interval(DateOnly Start, DateOnly End);
