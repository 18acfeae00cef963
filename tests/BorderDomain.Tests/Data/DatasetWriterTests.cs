using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using BorderDomain.Data;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Data;

/// <summary>A data file written by <see cref="DatasetWriter"/> loads back into the same records.</summary>
public class DatasetWriterTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    [Fact]
    public void The_whole_bundled_dataset_round_trips_through_the_loader()
    {
        var loaded = Load(DatasetWriter.Write(Store));

        AssertSameTables(Store, loaded);
    }

    [Theory]
    [InlineData("accords where parties has PER")]
    [InlineData("people where name contains \"alban\"")]
    [InlineData("events where title contains \"Tumbes\"")]
    [InlineData("statistics where disputed")]
    [InlineData("agencies where nation = PER")]
    public void The_records_of_an_answer_and_what_they_reference_load_on_their_own(string query)
    {
        var answer = Bdq.Execute(Store, query);
        Assert.NotEmpty(answer.Records);
        var kept = DatasetWriter.WithReferences(Store, answer.Set.Name, answer.Records);

        // The loader validates every reference; loading onto an empty store is the check that nothing is missing.
        var loaded = Load(DatasetWriter.Write(kept));

        AssertSameTables(kept, loaded);
        var table = loaded.GetTable(answer.Set.Name)!;
        var key = table.Schema.IndexOfField(table.Schema.Key!.Name);
        foreach (var row in answer.Rows)
        {
            Assert.True(table.TryGetRow((string)row[key]!, out _), $"{row[key]} is in the file");
        }

        // Each kept record is one of the store's, unchanged.
        foreach (var kept1 in kept.Tables)
        {
            var original = Store.GetTable(kept1.Schema.Name)!;
            for (var row = 0; row < kept1.Count; row++)
            {
                var id = RecordKeyOf(kept1, row);
                Assert.True(original.TryGetRow(id, out var at), id);
                Assert.Null(Difference(original.GetRecord(at), kept1.GetRecord(row)));
            }
        }
    }

    [Fact]
    public void Only_what_is_referenced_is_kept()
    {
        var answer = Bdq.Execute(Store, "accords where parties has PER and parties has ECU");
        var kept = DatasetWriter.WithReferences(Store, "accords", answer.Records);
        var accords = answer.Records.Cast<Accord>().ToList();

        var nations = accords.SelectMany(a => a.Parties).Select(c => c.Alpha3).ToHashSet();
        Assert.Subset(kept.Nations.Select(n => n.Code.Alpha3).ToHashSet(), nations);
        Assert.Contains("PER", kept.Nations.Select(n => n.Code.Alpha3));
        Assert.Empty(kept.Statistics);
        Assert.Empty(kept.Events);
        Assert.True(kept.Nations.Count < Store.Nations.Count || nations.Count == Store.Nations.Count);
    }

    [Fact]
    public void Open_periods_load_and_round_trip_through_the_writer()
    {
        const string json = """
            {
              "sources": [{ "id": "t-src", "kind": "NewsSite" }],
              "statistics": [
                { "id": "t-until", "metric": "IllegalCrossings", "value": 3, "unit": "people", "period": "..2025-12-12", "periodBasis": "UpperBound", "source": "t-src" },
                { "id": "t-since", "metric": "IllegalCrossings", "value": 4, "unit": "people", "period": "2022-10..", "periodBasis": "LowerBound", "source": "t-src" },
                { "id": "t-closed", "metric": "IllegalCrossings", "value": 5, "unit": "people", "period": "2022-10..2023", "source": "t-src" }
              ]
            }
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var store = BorderDataset.Load(BorderStore.Empty, stream, "open.json");

        Assert.Equal(Period.Before(PartialDate.Parse("2025-12-12")), store.Statistics.Find("t-until")!.Period);
        Assert.Equal(Period.After(PartialDate.Parse("2022-10")), store.Statistics.Find("t-since")!.Period);
        var written = DatasetWriter.Write(store);
        var text = System.Text.Encoding.UTF8.GetString(written);
        Assert.Contains("\"..2025-12-12\"", text, StringComparison.Ordinal);
        Assert.Contains("\"2022-10..\"", text, StringComparison.Ordinal);

        var loaded = Load(written);

        AssertSameTables(store, loaded);
        Assert.Equal(["t-closed", "t-until"], Bdq.Execute(loaded, "statistics where period <= 2025-12-12 order by id").Records.Cast<Statistic>().Select(s => s.Id));
        Assert.Equal(["t-closed", "t-since"], Bdq.Execute(loaded, "statistics where period >= 2022-10 order by id").Records.Cast<Statistic>().Select(s => s.Id));
    }

    [Fact]
    public void Every_issue_15_field_round_trips_through_the_writer()
    {
        var builder = new BorderStoreBuilder();
        builder.Sources.Add(new Source { Id = "t-relayed", Kind = SourceKind.GovernmentRelease });
        builder.Sources.Add(new Source { Id = "t-src", Kind = SourceKind.NewsSite, Relays = ["t-relayed"] });
        builder.Nations.Add(new Nation { Code = NationCode.Peru, Name = "Peru", Region = "South America", Sources = ["t-src"] });
        builder.Nations.Add(new Nation { Code = NationCode.Ecuador, Name = "Ecuador", Region = "South America" });
        builder.Agencies.Add(new Agency { Id = "t-police", Name = "Police", Nation = NationCode.Peru, Kind = AgencyKind.Police });
        builder.Organizations.Add(new Organization { Id = "t-cartel", Name = "Cartel", Kind = OrganizationKind.CriminalGroup });
        builder.Organizations.Add(new Organization
        {
            Id = "t-gang", Name = "Gang", Acronym = "TG", Aliases = ["The Gang"], Kind = OrganizationKind.CriminalGroup, BaseNation = NationCode.Ecuador,
            OperatesIn = [NationCode.Ecuador, NationCode.Peru], Members = [NationCode.Peru], Leaders = ["t-boss"], WorksFor = "t-cartel", Sources = ["t-src"], Note = "n",
        });
        builder.Places.Add(new Place { Id = "t-border", Name = "Border", Kind = PlaceKind.Border, Borders = [NationCode.Peru, NationCode.Ecuador], Sources = ["t-src"] });
        builder.Places.Add(new Place { Id = "t-post", Name = "Post", Kind = PlaceKind.Checkpoint, Nation = NationCode.Peru, Within = "t-border", Note = "n" });
        builder.People.Add(new Person { Id = "t-old", Name = "Old Minister" });
        builder.People.Add(new Person
        {
            Id = "t-boss", Aliases = ["El Jefe", "Boss"], Sources = ["t-src"],
            Roles =
            [
                new PersonRole { Title = "Leader", Organization = "t-gang", From = Period.After(PartialDate.FromYear(2010)), FromBasis = DateBasis.LowerBound },
                new PersonRole { Title = "Minister", Agency = "t-police", Predecessor = "t-old", From = Period.Parse("2013-11-20"), FromBasis = DateBasis.Inferred, To = Period.Before(PartialDate.Parse("2014-02")), ToBasis = DateBasis.UpperBound },
            ],
        });
        builder.Accords.Add(new Accord
        {
            Id = "t-accord", Title = "Accord", Kind = AccordKind.Agreement, Status = AccordStatus.Planned, Parties = [NationCode.Peru],
            AgreedBy = ["t-police"], ApprovedBy = ["t-police"], People = ["t-boss"],
            Signed = Period.Parse("2012"), SignedBasis = DateBasis.Approximate,
            Agreed = Period.Before(PartialDate.Parse("2012-01-26")), AgreedBasis = DateBasis.UpperBound,
            PlannedFor = Period.Parse("2012-03"), PlannedForBasis = DateBasis.Stated,
            Place = "t-post", Targets = ["t-gang"], Sources = ["t-src"],
        });
        builder.Statistics.Add(new Statistic { Id = "t-pen", Metric = Metric.FuelPrice, Nations = [NationCode.Peru], Value = 35m, Unit = Unit.Parse("PEN"), Period = Period.Parse("2013"), PeriodBasis = DateBasis.Inferred, Source = "t-src" });
        builder.Statistics.Add(new Statistic
        {
            Id = "t-usd", Metric = Metric.FuelPrice, Nations = [NationCode.Peru], Value = 12.50m, Unit = Unit.Parse("USD"), Period = Period.Parse("2013"), PeriodBasis = DateBasis.Inferred,
            EquivalentTo = "t-pen", Source = "t-src",
        });
        builder.Statistics.Add(new Statistic
        {
            Id = "t-fuel", Metric = Metric.FuelStolenVolume, Nations = [NationCode.Peru, NationCode.Ecuador], Organizations = ["t-gang"], ReportedBy = "t-police", Place = "t-border",
            Value = 200000m, ValueTo = 999999m, ValueBasis = ValueBasis.Range, Per = TimeUnit.Year, Unit = Unit.Parse("gal"),
            Period = Period.Before(PartialDate.Parse("2013-11-25")), PeriodBasis = DateBasis.UpperBound, Source = "t-src",
        });
        builder.Events.Add(new Event { Id = "t-cabinet", Kind = EventKind.Meeting, Title = "Cabinet", Date = Period.Parse("2013-11-14"), DateBasis = DateBasis.Inferred });
        builder.Events.Add(new Event
        {
            Id = "t-raid", Kind = EventKind.Raid, Title = "Raid", Status = EventStatus.Planned, Date = Period.After(PartialDate.Parse("2022-10")), DateBasis = DateBasis.LowerBound,
            Place = "t-border", Sites = ["t-post"], PartOf = "t-cabinet", Nations = [NationCode.Peru],
            Participants = [new Participant { Agency = "t-police", Role = ParticipantRole.Captor, Note = "n" }, new Participant { Organization = "t-gang", Role = ParticipantRole.Target }, new Participant { Person = "t-boss", Role = ParticipantRole.Captive }],
            Outcomes = ["t-accord"], Sources = ["t-src"],
        });
        builder.Statements.Add(new Statement
        {
            Id = "t-said", Speaker = "t-boss", SpeakerAgency = "t-police", SpeakerOrganization = "t-gang", SpeakerNations = [NationCode.Peru],
            Date = Period.Before(PartialDate.Parse("2013-11-25")), DateBasis = DateBasis.UpperBound, Topics = [Topic.PublicSafety], Summary = "Said it.",
            Event = "t-raid", Accords = ["t-accord"], Source = "t-src", Note = "n",
        });
        var store = builder.Build();

        var loaded = Load(DatasetWriter.Write(store));

        AssertSameTables(store, loaded);
        Assert.Equal(3, loaded.Participants.Count);
        Assert.Equal(2, loaded.Affiliations.Count);
    }

    private static BorderStore Load(byte[] file)
    {
        using var stream = new MemoryStream(file);
        return BorderDataset.Load(BorderStore.Empty, stream, "written.json");
    }

    private static void AssertSameTables(BorderStore expected, BorderStore actual)
    {
        foreach (var table in expected.Tables)
        {
            var other = actual.GetTable(table.Schema.Name)!;
            Assert.Equal(table.Count, other.Count);
            for (var row = 0; row < table.Count; row++)
            {
                Assert.Null(Difference(table.GetRecord(row), other.GetRecord(row)));
            }
        }
    }

    private static string RecordKeyOf(IEntityTable table, int row) =>
        Convert.ToString(table.GetValue(row, table.Schema.IndexOfField(table.Schema.Key!.Name)), System.Globalization.CultureInfo.InvariantCulture)!;

    // The first public property that differs (lists element by element, nested records property by property), or null.
    private static string? Difference(object? expected, object? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"expected {expected}, got {actual}";
        }

        if (expected is IEnumerable many and not string)
        {
            var left = many.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            if (left.Count != right.Count)
            {
                return $"expected {left.Count} items, got {right.Count}";
            }

            return left.Zip(right).Select(p => Difference(p.First, p.Second)).FirstOrDefault(d => d is not null);
        }

        if (expected is string || expected.GetType().IsPrimitive || expected is decimal || expected.GetType().IsEnum || expected.GetType().IsValueType)
        {
            return expected.Equals(actual) ? null : $"expected {expected}, got {actual}";
        }

        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length != 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            if (Difference(property.GetValue(expected), property.GetValue(actual)) is { } differs)
            {
                return $"{expected.GetType().Name}.{property.Name}: {differs}";
            }
        }

        return null;
    }
}
