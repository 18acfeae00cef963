namespace BorderDomain.Query.Language;

/// <summary>
/// Limits every run-time entry point enforces before building anything, and the compiled-query cache size.
/// Exceeding a limit gives a diagnostic, never an exception.
/// </summary>
public sealed record BdqOptions
{
    /// <summary>
    /// The defaults: 10,000 characters, depth 64, 1,000 list items, take 10,000, parameter text 10,000 characters,
    /// 32 search words, 10,000 matched words, 10,000 result rows, 256 cached queries.
    /// </summary>
    public static BdqOptions Default { get; } = new();

    /// <summary>The longest query text accepted, in characters.</summary>
    public int MaxQueryLength { get; init; } = 10_000;

    /// <summary>How deep parentheses and <c>not</c> may nest.</summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>The most items an <c>in (…)</c>, <c>has any (…)</c> or <c>has all (…)</c> list may hold.</summary>
    public int MaxListItems { get; init; } = 1_000;

    /// <summary>The largest <c>take</c> (and <c>skip</c>) accepted.</summary>
    public int MaxTake { get; init; } = 10_000;

    /// <summary>The longest text a parameter may hold, in characters (<see cref="BdqDiagnostics.ParameterTooLong"/>).</summary>
    public int MaxParameterLength { get; init; } = 10_000;

    /// <summary>
    /// The most words one <c>contains</c>, <c>startswith</c> or <c>endswith</c> text may hold, literal or parameter
    /// (<see cref="BdqDiagnostics.SearchTooBroad"/>).
    /// </summary>
    public int MaxSearchWords { get; init; } = 32;

    /// <summary>
    /// The most indexed words one search word may be part of: <c>contains "a"</c> on a large store matches every word
    /// with an "a" in it, and past this many the query fails with <see cref="BdqDiagnostics.SearchTooBroad"/> instead
    /// of merging that many posting lists.
    /// </summary>
    public int MaxMatchedWords { get; init; } = 10_000;

    /// <summary>
    /// The most rows a result holds when the query has no <c>take</c>: the rows past it are left out, in the
    /// query's order, and <see cref="BdqResult.IsTruncated"/> says so. Counts are never truncated.
    /// </summary>
    public int MaxRows { get; init; } = 10_000;

    /// <summary>
    /// How many compiled queries the cache keeps. The cache is shared by the whole process and sized by
    /// <see cref="Default"/>; queries compiled with other options share it, keyed by their options too.
    /// </summary>
    public int CacheCapacity { get; init; } = 256;
}
