using BorderDomain.Schema;

namespace BorderDomain.EntityFrameworkCore.Tests.Model;

/// <summary>A record with one text field, for the folding tests.</summary>
[QuerySet("probes")]
public sealed record Probe
{
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    [Indexed(IndexKind.Text)]
    public string? Title { get; init; }
}

/// <summary>A context over <see cref="Probe"/> records.</summary>
public sealed class ProbeContext(Microsoft.EntityFrameworkCore.DbContextOptions<ProbeContext> options) : Microsoft.EntityFrameworkCore.DbContext(options)
{
    protected override void OnModelCreating(Microsoft.EntityFrameworkCore.ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Probe>();
        modelBuilder.ApplyBdqConventions();
    }
}
