using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Data.Common;
using System.Linq;
using BorderDomain.EntityFrameworkCore.Tests.Infrastructure;
using BorderDomain.EntityFrameworkCore.Query;
using BorderDomain.Model;
using BorderDomain.Query;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace BorderDomain.EntityFrameworkCore.Tests.Query;

/// <summary>
/// On 100,000 accords in PostgreSQL (ANALYZEd, sequential scans left enabled), the plan of each BDQ query shape uses the
/// index ApplyBdqConventions derives from [Indexed]: b-tree for an equality and a date range, GIN for <c>has</c> on an
/// array, trigram GIN for <c>contains</c>. Asserted on EXPLAIN's text.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ExplainTests(DatabaseFixture databases)
{
    private const int BaseRows = 1_000;
    private const int Copies = 100;

    private static readonly NationCode[] Nations = NationCode.All.Take(200).ToArray();

    [Fact]
    public void Explain_Equality_UsesTheFoldedBTreeIndex()
    {
        using var db = Seed();
        var plan = Explain(db, Bdq(db, "accords where place = \"PLACE 417\""));
        Assert.Contains("IX_Accords_Place_Folded", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_HasOnArray_UsesTheGinIndex()
    {
        using var db = Seed();
        var plan = Explain(db, Bdq(db, $"accords where parties has {Nations[123].Alpha3}"));
        Assert.Contains("<@", plan, StringComparison.Ordinal);
        Assert.Contains("Bitmap Index Scan on \"IX_Accords_Parties\"", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_Contains_UsesTheTrigramIndex()
    {
        using var db = Seed();
        var plan = Explain(db, Bdq(db, "accords where title contains \"ZQ417X\""));
        Assert.Contains("Bitmap Index Scan on \"IX_Accords_Title_Folded\"", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_DateRange_UsesTheDayNumberIndex()
    {
        using var db = Seed();
        var plan = Explain(db, Bdq(db, "accords where signed = 2001-03"));
        Assert.Matches("Index (Only )?Scan using \"IX_Accords_Signed_(FirstDay|LastDay)\"|Bitmap Index Scan on \"IX_Accords_Signed_(FirstDay|LastDay)\"", plan);
    }

    // The records query BDQ translates, as ExecuteBdqAsync runs it (ordered by key, capped at MaxRows + 1).
    private static IQueryable<Accord> Bdq(BorderDbContext db, string query) =>
        BdqQueryable.Translate(db.Accords.AsNoTracking(), query, sets: db.GetBdqSets()).Records!;

    private static string Explain<T>(DbContext db, IQueryable<T> query)
    {
        using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN " + command.CommandText;
        db.Database.OpenConnection();
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return command.CommandText + "\n" + string.Join("\n", lines);
    }

    // 1,000 generated accords saved through EF (so every BDQ column is filled by the interceptor), copied 100 times in SQL
    // with new ids, then ANALYZEd. Each place, title word, date month and rare nation is held by about 0.1% of the rows.
    private BorderDbContext Seed() => databases.Context<BorderDbContext>(Provider.Postgres, "explain", options => new BorderDbContext(options), db =>
    {
        var kinds = Enum.GetValues<AccordKind>();
        var accords = Enumerable.Range(0, BaseRows).Select(i => new Accord
        {
            Id = $"a{i:D4}",
            Title = $"Accord zq{i}x on border {kinds[i % kinds.Length]}",
            Kind = kinds[i % kinds.Length],
            Parties = [Nations[i % Nations.Length], Nations[(i * 7 + 3) % Nations.Length]],
            Signed = Period.Of(PartialDate.FromYearMonth(1950 + (i % 75), 1 + (i / 75 % 12))),
            Place = $"Place {i}",
            Topics = [Topic.DrugTrafficking],
            Sources = [$"src-{i % 50}"],
        }).ToList();
        db.Accords.AddRange(accords);
        db.SaveChanges();
        var entity = db.Model.FindEntityType(typeof(Accord))!;
        var columns = entity.GetProperties().Select(p => p.GetColumnName()).ToList();
        var select = columns.Select(c => c == "Id" ? "\"Id\" || '-' || g" : $"\"{c}\"");
        // Column names come from the model and the count is a constant: nothing here is user input.
#pragma warning disable EF1003
        db.Database.ExecuteSqlRaw(
            $"INSERT INTO \"Accords\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) "
            + $"SELECT {string.Join(", ", select)} FROM \"Accords\", generate_series(1, {Copies - 1}) AS g");
#pragma warning restore EF1003
        db.Database.ExecuteSqlRaw("ANALYZE \"Accords\"");
    });
}
