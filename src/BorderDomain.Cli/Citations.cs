using System.Collections.Immutable;

namespace BorderDomain.Cli;

/// <summary>
/// The citations of a row's sources: shown joined with "; " (citations contain commas), written to JSON as an
/// array of strings.
/// </summary>
/// <param name="Items">One citation per source id that resolved, in the record's order.</param>
internal sealed record Citations(ImmutableArray<string> Items)
{
    /// <summary>The citations joined with "; ".</summary>
    public override string ToString() => string.Join("; ", Items);
}
