using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.EntityFrameworkCore;
using BorderDomain.EntityFrameworkCore.Query;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace BorderDomain.Cli;

/// <summary>
/// Queries run on a database through BorderDomain.EntityFrameworkCore: each is one SQL statement
/// (<see cref="BdqDbContextExtensions.ExecuteBdqAsync(DbContext, string, IReadOnlyDictionary{string, object?}?, BdqOptions?, System.Threading.CancellationToken)"/>),
/// with the in-memory engine's answer. The citations the writers show are read from the database's <c>sources</c> table,
/// only those the result cites.
/// </summary>
internal sealed class DatabaseQueryTarget : QueryTarget
{
    private const string SourcesSet = "sources";
    private const string StatisticsSet = "statistics";

    private readonly DatabaseConnection _connection;
    private readonly BorderDbContext _db;

    private DatabaseQueryTarget(DatabaseConnection connection, BorderDbContext db)
    {
        _connection = connection;
        _db = db;
    }

    /// <inheritdoc />
    public override bool CanExplain => false;

    /// <inheritdoc />
    /// <remarks>A database seeded by <c>db seed</c> holds BorderDomain's sets.</remarks>
    public override QuerySchema Schema => BorderStore.Empty.Schema;

    /// <summary>Connects to the database and checks it has tables, so a missing or empty database is one clear message.</summary>
    /// <exception cref="DatabaseException">The database cannot be reached, does not exist or has no tables.</exception>
    public static DatabaseQueryTarget Open(DatabaseConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var db = connection.OpenContext();
        try
        {
            var creator = (IRelationalDatabaseCreator)db.GetService<IDatabaseCreator>();
            var exists = connection.Run(creator.Exists);
            if (!exists || !connection.Run(creator.HasTables))
            {
                throw new DatabaseException(CliMessages.NotSeeded(connection.DisplayName, exists));
            }

            return new DatabaseQueryTarget(connection, db);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override bool TryExecute(string query, IReadOnlyDictionary<string, object?> parameters, out BdqResult? result, out IReadOnlyList<BdqDiagnostic> diagnostics)
    {
        try
        {
            result = _connection.Run(() => _db.ExecuteBdqAsync(query, parameters, cancellationToken: Cancellation).GetAwaiter().GetResult());
            diagnostics = [];
            return true;
        }
        catch (BdqException invalid)
        {
            // The EF package reports a bad query, or a part that cannot run on a database (BDQ0116), as BdqException.
            result = null;
            diagnostics = invalid.Diagnostics;
            return false;
        }
    }

    /// <inheritdoc />
    protected override (BorderStore Citations, IQueryStore Page) ContextFor(BdqResult result, bool page)
    {
        var columns = ColumnNames(result);
        var claims = page && result.Set.Name.Equals(StatisticsSet, StringComparison.OrdinalIgnoreCase)
            ? _connection.Run(() => DisputedClaims(result, columns))
            : [];
        var cited = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].Equals("source", StringComparison.OrdinalIgnoreCase) || columns[c].Equals(SourcesSet, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var row in result.Rows)
                {
                    AddIds(c < row.Count ? row[c] : null, cited);
                }
            }
        }

        foreach (var rowIds in result.RowSources ?? [])
        {
            AddIds(rowIds, cited);
        }

        cited.UnionWith(claims.Select(s => s.Source));
        var ids = cited.ToList();
        var sources = ids.Count == 0 ? [] : _connection.Run(() => _db.Sources.AsNoTracking().Where(s => ids.Contains(s.Id)).ToList());

        // A cited source may relay others (src-003 relays a DHS release): read those too, so the citation store's
        // references resolve. Relays cannot cycle (the loader rejects it), so this ends.
        var have = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        for (var missing = Relayed(sources, have); missing.Count > 0; missing = Relayed(sources, have))
        {
            var relayed = _connection.Run(() => _db.Sources.AsNoTracking().Where(s => missing.Contains(s.Id)).ToList());
            if (relayed.Count == 0)
            {
                break;
            }

            sources.AddRange(relayed);
            have.UnionWith(relayed.Select(s => s.Id));
        }

        // The disputed claims' caption names their agency and place: read those records too.
        var agencyIds = claims.Select(s => s.Agency).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var placeIds = claims.Select(s => s.Place).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var agencies = agencyIds.Count == 0 ? [] : _connection.Run(() => _db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToList());
        var places = placeIds.Count == 0 ? [] : _connection.Run(() => _db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToList());

        var citations = new BorderStoreBuilder();
        citations.Sources.AddRange(sources);
        IQueryStore pageStore = new QueryStore(
            new EntityTable<Source>(QuerySets.For<Source>(), sources),
            new EntityTable<Statistic>(QuerySets.For<Statistic>(), claims),
            new EntityTable<Agency>(QuerySets.For<Agency>(), agencies),
            new EntityTable<Place>(QuerySets.For<Place>(), places));
        return (citations.Build(), pageStore);
    }

    private static List<string> Relayed(List<Source> sources, HashSet<string> have) =>
        sources.SelectMany(s => s.Relays).Where(id => !have.Contains(id)).Distinct(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _db.Dispose();
        }

        base.Dispose(disposing);
    }

    // The result's column names; a records result's values follow its set's fields.
    private static List<string> ColumnNames(BdqResult result) =>
        result.Kind == BdqResultKind.Records && result.Columns.Count == 0 ? result.Set.Fields.Select(f => f.Name).ToList() : result.Columns.ToList();

    private static void AddIds(object? value, HashSet<string> ids)
    {
        switch (value)
        {
            case string id:
                ids.Add(id);
                break;
            case IEnumerable many:
                foreach (var item in many)
                {
                    if (item is string each)
                    {
                        ids.Add(each);
                    }
                }

                break;
        }
    }

    // Every disputed statistic of the metrics of the result's disputed rows: the page shows each disputed row beside
    // the claims it disagrees with (the renderer picks them out; a disputed claim's siblings are disputed too).
    private List<Statistic> DisputedClaims(BdqResult result, List<string> columns)
    {
        var id = columns.FindIndex(c => c.Equals("id", StringComparison.OrdinalIgnoreCase));
        if (id < 0)
        {
            return [];
        }

        var ids = result.Rows.Select(row => id < row.Count ? row[id] as string : null).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var metrics = _db.Statistics.AsNoTracking().Where(s => s.Disputed && ids.Contains(s.Id)).Select(s => s.Metric).Distinct().ToList();
        return metrics.Count == 0 ? [] : _db.Statistics.AsNoTracking().Where(s => s.Disputed && metrics.Contains(s.Metric)).ToList();
    }
}
