using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;

namespace BorderDomain.EntityFrameworkCore.Query;

/// <summary>
/// What <see cref="BdqDbContextOptionsExtensions.UseBdq"/> adds to EF Core's services: the provider's query
/// translation postprocessor factory wrapped in <see cref="JsonEachJoinsFactory"/>. The provider's own registration is
/// kept and built as it would be, so nothing else of it changes.
/// </summary>
internal sealed class BdqOptionsExtension : IDbContextOptionsExtension
{
    /// <inheritdoc />
    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    /// <inheritdoc />
    public void ApplyServices(IServiceCollection services)
    {
        // The provider's extension registers its factory before this one runs when UseBdq follows UseSqlite (or any
        // provider); without it there is nothing to wrap, and SQLite keeps refusing what needs APPLY (BDQ0205).
        var provider = services.LastOrDefault(s => s.ServiceType == typeof(IQueryTranslationPostprocessorFactory));
        if (provider?.ImplementationType is not { } type || type == typeof(JsonEachJoinsFactory))
        {
            return;
        }

        services.Remove(provider);
        services.Add(new ServiceDescriptor(
            typeof(IQueryTranslationPostprocessorFactory),
            s => new JsonEachJoinsFactory(
                (IQueryTranslationPostprocessorFactory)ActivatorUtilities.CreateInstance(s, type),
                s.GetRequiredService<QueryTranslationPostprocessorDependencies>()),
            provider.Lifetime));
    }

    /// <inheritdoc />
    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "using BDQ ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["BorderDomain:UseBdq"] = "1";
    }
}
