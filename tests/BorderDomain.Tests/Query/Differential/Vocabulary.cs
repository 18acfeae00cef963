using System;
using System.Linq;
using BorderDomain.Model;

namespace BorderDomain.Tests.Query.Differential;

/// <summary>The values queries are drawn from: mostly values the store holds, plus a few it does not.</summary>
internal sealed class Vocabulary
{
    public Vocabulary(StoreSpec spec)
    {
        TextSamples = spec.Accords.Select(a => a.Title)
            .Concat(spec.Agencies.Select(a => a.Name))
            .Concat(spec.Nations.Select(n => n.Name))
            .Concat(spec.Nations.Select(n => n.Region))
            .Concat(spec.Events.Select(e => e.Title))
            .Concat(RandomStores.TitleWords)
            .Concat(RandomStores.NameWords)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        Titles = [.. spec.Accords.Select(a => a.Title), "Acuerdo", "Plan binacional"];
        Names = [.. spec.Agencies.Select(a => a.Name), "Aduanas", "Policía Nacional"];
        AccordIds = [.. spec.Accords.Select(a => a.Id), "acc-999"];
        EventIds = [.. spec.Events.Select(e => e.Id), "ev-999"];
        AgencyIds = [.. spec.Agencies.Select(a => a.Id), "ag-999"];
        SourceIds = [.. spec.Sources.Select(s => s.Id), "src-999"];
        Places = [.. spec.Accords.Select(a => a.Place).Concat(spec.Statistics.Select(s => s.Place)).OfType<string>(), .. RandomStores.PlacePool, "Nowhere"];
        Acronyms = [.. spec.Agencies.Select(a => a.Acronym).OfType<string>(), .. RandomStores.AcronymPool];
        Regions = [.. spec.Nations.Select(n => n.Region), "South America", "Asia"];
        NationNames = [.. spec.Nations.Select(n => n.Name), "Peru", "Argentina"];
        Nations = [.. spec.Nations.Select(n => n.Code), NationCode.Peru, NationCode.Ecuador, NationCode.Parse("ARG")];
        Values = [.. spec.Statistics.Select(s => s.Value), .. RandomStores.ValuePool];
        Topics = [.. spec.Accords.SelectMany(a => a.Topics), .. RandomStores.TopicPool, .. Enum.GetValues<Topic>()];
        Metrics = [.. spec.Statistics.Select(s => s.Metric), .. RandomStores.MetricPool, .. Enum.GetValues<Metric>()];
        AgencyKinds = [.. spec.Agencies.Select(a => a.Kind), .. RandomStores.AgencyKindPool, .. Enum.GetValues<AgencyKind>()];
        Units = [.. spec.Statistics.Select(s => s.Unit.Code), .. RandomStores.UnitPool, "mi"];
        var years = spec.Accords.Select(a => a.Signed).OfType<Period>().Select(p => p.From)
            .Concat(spec.Statistics.Select(s => s.Period).Concat(spec.Events.Select(e => e.Date)).OfType<Period>().SelectMany(p => new[] { p.From, p.To }).Where(d => !d.IsDefault))
            .Select(d => d.Year)
            .DefaultIfEmpty(2010)
            .ToArray();
        MinYear = Math.Min(years.Min(), 2010) - 2;
        MaxYear = Math.Max(years.Max(), 2010) + 2;
    }

    public string[] TextSamples { get; }

    public string[] Titles { get; }

    public string[] Names { get; }

    public string[] AccordIds { get; }

    public string[] AgencyIds { get; }

    public string[] EventIds { get; }

    public string[] SourceIds { get; }

    public string[] Places { get; }

    public string[] Acronyms { get; }

    public string[] Regions { get; }

    public string[] NationNames { get; }

    public NationCode[] Nations { get; }

    public decimal[] Values { get; }

    public Topic[] Topics { get; }

    public Metric[] Metrics { get; }

    public AgencyKind[] AgencyKinds { get; }

    public string[] Units { get; }

    public int MinYear { get; }

    public int MaxYear { get; }
}
