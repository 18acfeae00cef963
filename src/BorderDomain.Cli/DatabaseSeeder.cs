using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BorderDomain.EntityFrameworkCore;
using BorderDomain.Storage;
using Microsoft.EntityFrameworkCore;

namespace BorderDomain.Cli;

/// <summary>
/// <c>borderq db seed</c>: creates the database and its tables when missing (EF Core's <c>EnsureCreated</c>), then
/// writes a store's records (<see cref="BorderDbContext.SeedAsync"/>) in one transaction. A database that already holds
/// BorderDomain records is refused, unless the caller asks to replace them, which deletes them in the same transaction.
/// </summary>
internal static class DatabaseSeeder
{
    /// <summary>Seeds <paramref name="store"/> into the database; returns the line saying what was written.</summary>
    /// <exception cref="DatabaseException">The database failed, holds other tables, or already holds records and <paramref name="replace"/> is false; nothing was written.</exception>
    public static string Seed(DatabaseConnection connection, BorderStore store, bool replace)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(store);
        using var db = connection.OpenContext();
        connection.Run(db.Database.EnsureCreated);
        return connection.Run(() =>
        {
            using var transaction = db.Database.BeginTransaction();
            var existing = Counts(connection, db);
            if (existing.Any(c => c.Count > 0))
            {
                if (!replace)
                {
                    throw new DatabaseException(CliMessages.AlreadySeeded(connection.DisplayName, Describe(existing)));
                }

                // Dependent sets first, in case a schema of the user's has foreign keys between them.
                db.Affiliations.ExecuteDelete();
                db.Participants.ExecuteDelete();
                db.Statements.ExecuteDelete();
                db.Events.ExecuteDelete();
                db.Statistics.ExecuteDelete();
                db.Accords.ExecuteDelete();
                db.People.ExecuteDelete();
                db.Agencies.ExecuteDelete();
                db.Organizations.ExecuteDelete();
                db.Places.ExecuteDelete();
                db.Nations.ExecuteDelete();
                db.Sources.ExecuteDelete();
            }

            db.SeedAsync(store).GetAwaiter().GetResult();
            transaction.Commit();
            return CliMessages.Seeded(connection.DisplayName, Describe(Counts(store)), replaced: existing.Any(c => c.Count > 0));
        });
    }

    // The rows in each BorderDomain table; a database whose tables are someone else's fails here, with its own message.
    private static List<(string One, string Many, int Count)> Counts(DatabaseConnection connection, BorderDbContext db)
    {
        try
        {
            return
            [
                ("source", "sources", db.Sources.Count()),
                ("nation", "nations", db.Nations.Count()),
                ("agency", "agencies", db.Agencies.Count()),
                ("person", "people", db.People.Count()),
                ("accord", "accords", db.Accords.Count()),
                ("statistic", "statistics", db.Statistics.Count()),
                ("event", "events", db.Events.Count()),
                ("organization", "organizations", db.Organizations.Count()),
                ("place", "places", db.Places.Count()),
                ("statement", "statements", db.Statements.Count()),
                ("participant", "participants", db.Participants.Count()),
                ("affiliation", "affiliations", db.Affiliations.Count()),
            ];
        }
        catch (Exception failure) when (DatabaseConnection.Describe(failure) is { } reason)
        {
            throw new DatabaseException(CliMessages.ForeignTables(connection.DisplayName, reason), failure);
        }
    }

    private static List<(string One, string Many, int Count)> Counts(BorderStore store) =>
    [
        ("source", "sources", store.Sources.Count),
        ("nation", "nations", store.Nations.Count),
        ("agency", "agencies", store.Agencies.Count),
        ("person", "people", store.People.Count),
        ("accord", "accords", store.Accords.Count),
        ("statistic", "statistics", store.Statistics.Count),
        ("event", "events", store.Events.Count),
        ("organization", "organizations", store.Organizations.Count),
        ("place", "places", store.Places.Count),
        ("statement", "statements", store.Statements.Count),
        ("participant", "participants", store.Participants.Count),
        ("affiliation", "affiliations", store.Affiliations.Count),
    ];

    // "5 sources, 12 nations, 1 person": the sets with records.
    private static string Describe(List<(string One, string Many, int Count)> counts) =>
        string.Join(", ", counts.Where(c => c.Count > 0).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Count} {(c.Count == 1 ? c.One : c.Many)}")));
}
