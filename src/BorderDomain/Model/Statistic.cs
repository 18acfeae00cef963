using System.Collections.Immutable;
using BorderDomain.Schema;

namespace BorderDomain.Model;

/// <summary>
/// A sourced claim: a number with its unit, about some nations (and optionally an agency or place), for a period.
/// Two sources that disagree make two statistics, both kept and both <see cref="Disputed"/>.
/// </summary>
[QuerySet("statistics")]
public sealed record Statistic
{
    /// <summary>A stable readable id; the set's key.</summary>
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    /// <summary>What is measured.</summary>
    [Indexed]
    public required Metric Metric { get; init; }

    /// <summary>The nations the claim is about.</summary>
    [Indexed, References("nations")]
    public ImmutableArray<NationCode> Nations { get; init; } = [];

    /// <summary>The agency the claim is about, if any (the one reporting it is <see cref="ReportedBy"/>).</summary>
    [Indexed, References("agencies")]
    public string? Agency { get; init; }

    /// <summary>The ids of the organizations the claim is about (armed groups, cartels).</summary>
    [Indexed, References("organizations")]
    public ImmutableArray<string> Organizations { get; init; } = [];

    /// <summary>The id of the agency that gives the figure, where the source names it.</summary>
    [Indexed, References("agencies")]
    public string? ReportedBy { get; init; }

    /// <summary>The id of the place the claim is about, if narrower than the nations.</summary>
    [Indexed, References("places")]
    public string? Place { get; init; }

    /// <summary>The number, exactly as the source gives it; the low end of a <see cref="ValueBasis.Range"/> (aggregates read this value).</summary>
    [Indexed(IndexKind.Sorted)]
    public required decimal Value { get; init; }

    /// <summary>The high end of a <see cref="ValueBasis.Range"/>; <see langword="null"/> otherwise.</summary>
    [Indexed(IndexKind.Sorted)]
    public decimal? ValueTo { get; init; }

    /// <summary>How exact <see cref="Value"/> is.</summary>
    [Indexed]
    public ValueBasis ValueBasis { get; init; } = ValueBasis.Exact;

    /// <summary>For a rate, the unit of time the value is per (e.g. gallons per year); <see langword="null"/> otherwise.</summary>
    [Indexed]
    public TimeUnit? Per { get; init; }

    /// <summary>The id of the statistic this one gives in another unit (the same figure converted).</summary>
    [Indexed, References("statistics")]
    public string? EquivalentTo { get; init; }

    /// <summary>The unit or ISO 4217 currency of <see cref="Value"/>.</summary>
    [Indexed]
    public required Unit Unit { get; init; }

    /// <summary>The time the claim covers; <see langword="null"/> when it is timeless (a border's length).</summary>
    [Indexed(IndexKind.Sorted)]
    public Period? Period { get; init; }

    /// <summary>How <see cref="Period"/> was obtained.</summary>
    [Indexed]
    public DateBasis? PeriodBasis { get; init; }

    /// <summary>The id of the source making the claim.</summary>
    [Indexed, References("sources")]
    public required string Source { get; init; }

    /// <summary>Context the number needs, or a doubt about it.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// <see langword="true"/> when another statistic has the same metric, nations, agency, place, period and unit
    /// but a different value. Computed by the store, never read from data files.
    /// </summary>
    [Indexed]
    public bool Disputed { get; init; }

    /// <summary>The value with its unit.</summary>
    [QueryField(Ignore = true)]
    public Quantity Quantity => new(Value, Unit);
}
