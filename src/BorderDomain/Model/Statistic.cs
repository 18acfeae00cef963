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

    /// <summary>The agency the claim is about, if any.</summary>
    [Indexed, References("agencies")]
    public string? Agency { get; init; }

    /// <summary>The place the claim is about, if narrower than the nations.</summary>
    [Indexed]
    public string? Place { get; init; }

    /// <summary>The number, exactly as the source gives it.</summary>
    [Indexed(IndexKind.Sorted)]
    public required decimal Value { get; init; }

    /// <summary>The unit or ISO 4217 currency of <see cref="Value"/>.</summary>
    [Indexed]
    public required Unit Unit { get; init; }

    /// <summary>The time the claim covers; <see langword="null"/> when it is timeless (a border's length).</summary>
    [Indexed(IndexKind.Sorted)]
    public Period? Period { get; init; }

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
