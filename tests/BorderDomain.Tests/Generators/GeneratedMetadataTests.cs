using System;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Generators;

/// <summary>The metadata the generator registers for the library's records equals what reflection reads.</summary>
public sealed class GeneratedMetadataTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    [Fact]
    public void Accord_GeneratedMetadataEqualsReflection() => AssertParity(Store.Accords.Find("pe-ec-2025-pledge")!);

    [Fact]
    public void Agency_GeneratedMetadataEqualsReflection() => AssertParity(Store.Agencies.Find("us-cbp")!);

    [Fact]
    public void Nation_GeneratedMetadataEqualsReflection() => AssertParity(Store.Nations.Find("PER")!);

    [Fact]
    public void Statistic_GeneratedMetadataEqualsReflection() => AssertParity(Store.Statistics.Find("pe-ec-trade-2024")!);

    [Fact]
    public void Source_GeneratedMetadataEqualsReflection() => AssertParity(Store.Sources.Find("src-002")!);

    [Fact]
    public void Person_GeneratedMetadataEqualsReflection() => AssertParity(Store.People.Find("jose-jeri")!);

    [Fact]
    public void Event_GeneratedMetadataEqualsReflection() => AssertParity(Store.Events[0]);

    [Fact]
    public void Statement_GeneratedMetadataEqualsReflection() => AssertParity(new Statement
    {
        Id = "st-1",
        Speaker = "jose-jeri",
        SpeakerAgency = "pe-presidency",
        SpeakerOrganization = "oas",
        SpeakerNations = [NationCode.Peru],
        Date = Period.Before(PartialDate.Parse("2025-12-12")),
        DateBasis = DateBasis.UpperBound,
        Topics = [Topic.PublicSafety],
        Summary = "A summary.",
        Event = "quito-presidential-meeting-2025",
        Accords = ["pe-ec-2025-pledge"],
        Source = "src-001",
        Note = "A note.",
    });

    [Fact]
    public void Organization_GeneratedMetadataEqualsReflection() => AssertParity(new Organization
    {
        Id = "farc",
        Name = "Revolutionary Armed Forces of Colombia",
        Acronym = "FARC",
        Aliases = ["the guerrilla"],
        Kind = OrganizationKind.ArmedGroup,
        BaseNation = NationCode.Colombia,
        OperatesIn = [NationCode.Colombia, NationCode.Peru],
        Members = [NationCode.Ecuador],
        Leaders = ["gentil-duarte"],
        WorksFor = "eln",
        Sources = ["src-004"],
        Note = "A note.",
    });

    [Fact]
    public void Place_GeneratedMetadataEqualsReflection() => AssertParity(Store.Places.Find("aguas-verdes")!);

    [Fact]
    public void Participation_GeneratedMetadataEqualsReflection() => AssertParity(Store.Participants[0]);

    [Fact]
    public void Affiliation_GeneratedMetadataEqualsReflection() =>
        AssertParity(Store.Affiliations.First(a => a.From is not null && a.To is not null) with { FromBasis = DateBasis.Stated, Predecessor = "x", Organization = "oas" });

    [Fact]
    public void LibraryRecords_AreRegisteredByGeneratedCode_NotReadByReflection()
    {
        // Registered readers are typed over the generator's lambdas, declared in its registration class (the boxed
        // getters are the readers' ReadBoxed).
        var reader = Assert.IsType<ValueReader<Accord, string>>(QuerySets.For<Accord>().Readers[0]);

        Assert.Contains("QuerySetRegistrations", reader.Getter.Method.DeclaringType!.FullName, StringComparison.Ordinal);
        Assert.IsType<CollectionReader<Accord, NationCode>>(QuerySets.For<Accord>().Readers[QuerySets.For<Accord>().Schema.IndexOfField("parties")]);
    }

    private static void AssertParity<T>(T sample)
        where T : class
    {
        var generated = QuerySets.For<T>();
        var reflected = QuerySetReflector.Read<T>();

        Assert.Equal(reflected.Schema, generated.Schema);
        Assert.NotEmpty(generated.Schema.Fields);
        for (var field = 0; field < generated.Schema.Fields.Count; field++)
        {
            Assert.Equal(reflected.Getters[field](sample), generated.Getters[field](sample));
            Assert.Equal(reflected.Readers[field].GetType(), generated.Readers[field].GetType());
        }
    }
}
