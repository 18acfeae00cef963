using System.Collections.Immutable;
using System.Linq;
using BorderDomain.Schema;

namespace BorderDomain.Model;

/// <summary>Where a fact comes from: an article, release or report.</summary>
[QuerySet("sources")]
public sealed record Source
{
    /// <summary>A stable readable id; the set's key.</summary>
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    /// <summary>The publisher, where the text names it.</summary>
    [Indexed]
    public string? Publisher { get; init; }

    /// <summary>The dateline (place the report was filed from), where given.</summary>
    public string? Dateline { get; init; }

    /// <summary>The title, where the text gives one.</summary>
    [Indexed(IndexKind.Text)]
    public string? Title { get; init; }

    /// <summary>When it was published.</summary>
    [Indexed(IndexKind.Sorted)]
    public PartialDate? Published { get; init; }

    /// <summary>The author, where given.</summary>
    [Indexed]
    public string? Author { get; init; }

    /// <summary>What kind of source it is.</summary>
    [Indexed]
    public required SourceKind Kind { get; init; }

    /// <summary>The ids of the sources whose reports it carries (a release it relays, the agencies a brief cites).</summary>
    [Indexed, References("sources")]
    public ImmutableArray<string> Relays { get; init; } = [];

    /// <summary>Where the source can be read, e.g. a standard's official page; left out for the bundled articles.</summary>
    public string? Url { get; init; }

    /// <summary>What the citation leaves open, e.g. a missing date.</summary>
    public string? Note { get; init; }

    /// <summary>A one-line citation: publisher or dateline, date and title, as far as known.</summary>
    [QueryField(Ignore = true)]
    public string Citation => string.Join(", ", new[] { Publisher ?? Dateline, Author, Published?.ToString(), Title is null ? null : $"\"{Title}\"" }
        .Where(part => !string.IsNullOrEmpty(part)));
}
