using System.Threading;
using System.Threading.Tasks;
using BorderDomain.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BorderDomain.EntityFrameworkCore.Storage;

/// <summary>Fills BDQ's shadow columns from each added or modified record before it is saved.</summary>
internal sealed class BdqSaveChangesInterceptor : SaveChangesInterceptor
{
    internal static BdqSaveChangesInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Fill(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Fill(eventData.Context);
        return ValueTask.FromResult(result);
    }

    internal static void Fill(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || BdqEntityMap.For(entry.Metadata.ClrType) is not { } map)
            {
                continue;
            }

            foreach (var array in map.Arrays)
            {
                if (entry.Metadata.FindProperty(array.ShadowName) is not null)
                {
                    entry.Property(array.ShadowName).CurrentValue = array.ToArray(entry.Entity);
                }
            }

            foreach (var derived in map.Derived)
            {
                entry.Property(derived.Name).CurrentValue = derived.Compute(entry.Entity);
            }
        }
    }
}
