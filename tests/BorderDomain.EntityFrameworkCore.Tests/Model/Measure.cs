using BorderDomain.Schema;

namespace BorderDomain.EntityFrameworkCore.Tests.Model;

/// <summary>A record with one decimal field, for the exact-number tests.</summary>
[QuerySet("measures")]
public sealed record Measure
{
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    [Indexed(IndexKind.Sorted)]
    public decimal Value { get; init; }
}

/// <summary>A context over <see cref="Measure"/> records.</summary>
public sealed class MeasureContext(Microsoft.EntityFrameworkCore.DbContextOptions<MeasureContext> options) : Microsoft.EntityFrameworkCore.DbContext(options)
{
    protected override void OnModelCreating(Microsoft.EntityFrameworkCore.ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Measure>();
        modelBuilder.ApplyBdqConventions();
    }
}
