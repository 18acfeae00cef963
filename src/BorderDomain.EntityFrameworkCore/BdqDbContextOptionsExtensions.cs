using System;
using System.Linq;
using BorderDomain.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace BorderDomain.EntityFrameworkCore;

/// <summary>Adds what keeps BDQ's extra columns right: <see cref="UseBdq"/>.</summary>
public static class BdqDbContextOptionsExtensions
{
    /// <summary>
    /// Adds the BDQ interceptors. On every <c>SaveChanges</c> a save interceptor fills the columns
    /// <see cref="BdqModelBuilderExtensions.ApplyBdqConventions"/> adds (folded text, case keys, day numbers, the arrays
    /// behind <c>ImmutableArray&lt;T&gt;</c> properties) from the record, in .NET; on every load a materialization
    /// interceptor copies those arrays back into the record's <c>ImmutableArray&lt;T&gt;</c> properties; on PostgreSQL a
    /// query interceptor writes <c>has</c> on an array column as an overlap (<c>&amp;&amp;</c>), which its GIN index answers.
    /// It also wraps the provider's query translation postprocessor so that on SQLite a <c>SelectMany</c> over a list
    /// column (<c>group by</c> a list field, a sub-query selecting a list) runs as <c>CROSS JOIN json_each(…)</c>; call it
    /// after the provider's <c>UseSqlite</c>/<c>UseNpgsql</c>, or those queries get BDQ0205 on SQLite.
    /// </summary>
    /// <remarks>
    /// An interceptor rather than computed columns: the folding must be BDQ's own <c>TextNormalizer</c>, byte for byte
    /// (PostgreSQL's <c>unaccent</c> and <c>lower</c> differ from it, e.g. <c>Œ</c>, and SQLite has neither), and the
    /// day numbers need BDQ's partial-date rules; computing them in .NET on save and on the query's constants is the
    /// only way both sides fold identically on every database. Rows written by other programs must fill them the same
    /// way (or be re-saved through EF).
    /// </remarks>
    /// <param name="optionsBuilder">The options builder, in <c>OnConfiguring</c> or <c>AddDbContext</c>.</param>
    /// <returns>The same options builder.</returns>
    public static DbContextOptionsBuilder UseBdq(this DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        var interceptors = optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.Interceptors;
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(new Query.BdqOptionsExtension());
        if (interceptors is not null && interceptors.Contains(BdqSaveChangesInterceptor.Instance))
        {
            return optionsBuilder;
        }

        return optionsBuilder.AddInterceptors(BdqSaveChangesInterceptor.Instance, BdqMaterializationInterceptor.Instance, Query.BdqQueryRewriter.Instance);
    }

    /// <summary>Adds the BDQ interceptors (see <see cref="UseBdq(DbContextOptionsBuilder)"/>).</summary>
    /// <typeparam name="TContext">The context type.</typeparam>
    /// <param name="optionsBuilder">The options builder.</param>
    /// <returns>The same options builder.</returns>
    public static DbContextOptionsBuilder<TContext> UseBdq<TContext>(this DbContextOptionsBuilder<TContext> optionsBuilder)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)UseBdq((DbContextOptionsBuilder)optionsBuilder);
}
