using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using BorderDomain.EntityFrameworkCore.Metadata;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using Microsoft.EntityFrameworkCore;

namespace BorderDomain.EntityFrameworkCore.Query;

/// <summary>Runs BDQ queries on a <see cref="DbContext"/> mapped with <see cref="BdqModelBuilderExtensions.ApplyBdqConventions"/>.</summary>
public static class BdqDbContextExtensions
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    private static readonly MethodInfo AddMethod = typeof(BorderDomain.Query.BdqSets).GetMethod(nameof(BorderDomain.Query.BdqSets.Add))!;
    private static readonly MethodInfo SetMethod = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
    private static readonly MethodInfo ExecuteMethod = typeof(BdqDbContextExtensions).GetMethods()
        .Single(m => m.Name == nameof(ExecuteBdqAsync) && m.IsGenericMethodDefinition);

    /// <summary>
    /// Every BDQ record type of the context's model as a set (<c>context.Set&lt;T&gt;().AsNoTracking()</c>) with
    /// <see cref="EfBdqHooks"/>, for <see cref="BdqQueryable.TryTranslate{T}"/>: reference paths become SQL joins.
    /// </summary>
    /// <param name="context">The context.</param>
    public static BdqSets GetBdqSets(this DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sets = new BdqSets(context.Database.ProviderName != SqliteProvider ? EfBdqHooks.Instance : JoinsJsonEach(context) ? EfBdqHooks.SqliteJoined : EfBdqHooks.Sqlite);
        foreach (var type in context.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => BdqEntityMap.For(t) is not null).Distinct())
        {
            var rows = SetMethod.MakeGenericMethod(type).Invoke(context, null)!;
            var untracked = typeof(EntityFrameworkQueryableExtensions).GetMethod(nameof(EntityFrameworkQueryableExtensions.AsNoTracking))!
                .MakeGenericMethod(type).Invoke(null, [rows])!;
            AddMethod.MakeGenericMethod(type).Invoke(sets, [untracked]);
        }

        return sets;
    }

    // Whether UseBdq wrapped the provider's postprocessor, so SQLite runs a correlated json_each as a join.
    private static bool JoinsJsonEach(DbContext context) =>
        Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Query.IQueryTranslationPostprocessorFactory>(context) is JsonEachJoinsFactory;

    /// <summary>
    /// Translates <paramref name="query"/> over <typeparamref name="T"/>'s table to one SQL statement and runs it: the
    /// same <see cref="BdqResult"/> as <see cref="Bdq.Execute"/> in memory, order included.
    /// </summary>
    /// <typeparam name="T">The record type of the query's set.</typeparam>
    /// <param name="context">The context.</param>
    /// <param name="query">A BDQ query over <typeparamref name="T"/>'s set.</param>
    /// <param name="parameters">Values for the query's <c>@parameters</c>.</param>
    /// <param name="options">Limits; <see cref="BdqOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="BdqException">The query is invalid, or a part of it cannot run on this database (BDQ0116).</exception>
    public static async Task<BdqResult> ExecuteBdqAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        this DbContext context,
        string query,
        IReadOnlyDictionary<string, object?>? parameters = null,
        BdqOptions? options = null,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var translation = BdqQueryable.Translate(context.Set<T>().AsNoTracking(), query, parameters, context.GetBdqSets(), options);
        return translation.Kind switch
        {
            BdqResultKind.Count => translation.ToResult(await translation.Records!.CountAsync(cancellationToken).ConfigureAwait(false)),
            BdqResultKind.Records => translation.ToResult(await translation.Records!.ToListAsync(cancellationToken).ConfigureAwait(false)),
            _ => translation.ToResult(await translation.Rows!.ToListAsync(cancellationToken).ConfigureAwait(false)),
        };
    }

    /// <summary>
    /// Runs <paramref name="query"/> on the table of the set it names (<c>accords where …</c> runs on the
    /// <c>[QuerySet("accords")]</c> type's table); see <see cref="ExecuteBdqAsync{T}"/>.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="query">A BDQ query over one of the context's BDQ record types.</param>
    /// <param name="parameters">Values for the query's <c>@parameters</c>.</param>
    /// <param name="options">Limits; <see cref="BdqOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="BdqException">The query is invalid, names no set of this context, or cannot run here.</exception>
    public static Task<BdqResult> ExecuteBdqAsync(
        this DbContext context,
        string query,
        IReadOnlyDictionary<string, object?>? parameters = null,
        BdqOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        var name = SetName(query);
        var type = context.Model.GetEntityTypes().Select(e => e.ClrType)
            .FirstOrDefault(t => BdqEntityMap.For(t) is { } map && string.Equals(map.Schema.Name, name, StringComparison.OrdinalIgnoreCase));
        if (type is null)
        {
            // No table holds that set: translating over any BDQ table reports the unknown set as the front end always does.
            type = context.Model.GetEntityTypes().Select(e => e.ClrType).FirstOrDefault(t => BdqEntityMap.For(t) is not null)
                ?? throw new InvalidOperationException("The context maps no BDQ record type ([QuerySet]); call modelBuilder.ApplyBdqConventions().");
        }

        try
        {
            return (Task<BdqResult>)ExecuteMethod.MakeGenericMethod(type).Invoke(null, [context, query, parameters, options, cancellationToken])!;
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
    }

    // The query's first word, past blanks and '--' comments: the set it names.
    private static string SetName(string query)
    {
        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i]))
            {
                i++;
            }
            else if (query[i] == '-' && i + 1 < query.Length && query[i + 1] == '-')
            {
                while (i < query.Length && query[i] != '\n')
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        var start = i;
        while (i < query.Length && (char.IsLetterOrDigit(query[i]) || query[i] == '_'))
        {
            i++;
        }

        return query[start..i];
    }
}
