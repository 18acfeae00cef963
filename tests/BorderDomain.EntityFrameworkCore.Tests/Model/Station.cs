using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using BorderDomain.Model;
using BorderDomain.Schema;

namespace BorderDomain.EntityFrameworkCore.Tests.Model;

/// <summary>What a border station is.</summary>
public enum StationKind
{
    Crossing,
    Checkpoint,
    Port,
    Airport,
}

/// <summary>
/// A record declared as an embedder's EF entity would be: ordinary .NET types (<c>List&lt;string&gt;</c>,
/// <c>string[]</c>, <c>DateOnly</c>, <c>DateTime</c>, <c>Guid</c>) beside the library's value types and
/// <c>ImmutableArray&lt;T&gt;</c>. Properties whose type BDQ does not (yet) query are skipped by its schema and still
/// round-trip through EF.
/// </summary>
[QuerySet("stations")]
public sealed record Station
{
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    [Indexed(IndexKind.Text)]
    public required string Name { get; init; }

    [Indexed]
    public string? Region { get; init; }

    [Indexed]
    public ImmutableArray<string> Tags { get; init; } = [];

    public List<string> Labels { get; init; } = [];

    public string[] Codes { get; init; } = [];

    [Indexed(IndexKind.Sorted)]
    public PartialDate? Started { get; init; }

    public DateOnly? Opened { get; init; }

    public DateTime Inspected { get; init; }

    public Guid Ref { get; init; }

    [Indexed(IndexKind.Sorted)]
    public int Staff { get; init; }

    [Indexed(IndexKind.Sorted)]
    public decimal Budget { get; init; }

    [Indexed]
    public StationKind Kind { get; init; }

    [Indexed]
    public ImmutableArray<StationKind> Handles { get; init; } = [];

    public bool Active { get; init; }

    [Indexed]
    public NationCode? Nation { get; init; }

    [Indexed]
    public ImmutableArray<NationCode> Neighbours { get; init; } = [];
}

/// <summary>A context over <see cref="Station"/> records.</summary>
public sealed class StationContext(Microsoft.EntityFrameworkCore.DbContextOptions<StationContext> options) : Microsoft.EntityFrameworkCore.DbContext(options)
{
    protected override void OnModelCreating(Microsoft.EntityFrameworkCore.ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Station>();
        modelBuilder.ApplyBdqConventions();
    }
}
