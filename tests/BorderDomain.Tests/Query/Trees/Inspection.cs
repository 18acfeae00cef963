using System;
using System.Collections.Generic;
using BorderDomain.Model;
using BorderDomain.Schema;

namespace BorderDomain.Tests.Query.Trees;

/// <summary>How a vehicle crossed.</summary>
public enum Lane
{
    /// <summary>Cars.</summary>
    Cars = 1,

    /// <summary>Trucks.</summary>
    Trucks,

    /// <summary>On foot.</summary>
    Foot,
}

/// <summary>
/// A record shaped as users write EF Core entities: a mutable class with the collection, date, id and number types
/// they already have (<c>List&lt;string&gt;</c>, <c>string[]</c>, <c>IReadOnlyList&lt;T&gt;</c>, <see cref="DateOnly"/>,
/// <see cref="DateTime"/>, <see cref="DateTimeOffset"/>, <see cref="Guid"/>, nullable numbers and enums).
/// </summary>
[QuerySet("inspections")]
public sealed class Inspection
{
    /// <summary>The key.</summary>
    [Indexed(IndexKind.Key)]
    public string Id { get; set; } = "";

    /// <summary>A batch id.</summary>
    [Indexed]
    public Guid Batch { get; set; }

    /// <summary>Free tags.</summary>
    [Indexed]
    public List<string> Tags { get; set; } = [];

    /// <summary>Codes.</summary>
    public string[] Codes { get; set; } = [];

    /// <summary>Nations involved.</summary>
    [Indexed]
    public IReadOnlyList<NationCode> Nations { get; set; } = [];

    /// <summary>The day.</summary>
    [Indexed]
    public DateOnly Day { get; set; }

    /// <summary>When it was closed, if it was.</summary>
    public DateOnly? Closed { get; set; }

    /// <summary>When it was seen.</summary>
    public DateTime Seen { get; set; }

    /// <summary>When it was logged, with the logging post's offset.</summary>
    public DateTimeOffset Logged { get; set; }

    /// <summary>A fee.</summary>
    [Indexed]
    public decimal Fee { get; set; }

    /// <summary>Officers present, if counted.</summary>
    public int? Officers { get; set; }

    /// <summary>The lane.</summary>
    [Indexed]
    public Lane Lane { get; set; }

    /// <summary>The backup lane, if any.</summary>
    public Lane? Backup { get; set; }

    /// <summary>A note.</summary>
    [Indexed(IndexKind.Text)]
    public string? Note { get; set; }

    /// <summary>Whether it was flagged.</summary>
    public bool Flagged { get; set; }

    /// <summary>The post's code.</summary>
    [Indexed, References("posts")]
    public string? Post { get; set; }
}

/// <summary>A border post, which inspections reference.</summary>
[QuerySet("posts")]
public sealed class Post
{
    /// <summary>The key.</summary>
    [Indexed(IndexKind.Key)]
    public string Code { get; set; } = "";

    /// <summary>The region.</summary>
    public string? Region { get; set; }

    /// <summary>The nation.</summary>
    public NationCode Nation { get; set; }
}
