using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Data;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Storage;

public sealed class BorderStoreBuilderTests
{
    [Fact]
    public void Build_InconsistentRecords_ThrowsTheDataLayersErrorWithEveryProblem()
    {
        var builder = new BorderStoreBuilder();
        builder.Sources.Add(new Source { Id = "s1", Kind = default });
        builder.Sources.Add(new Source { Id = "S1", Kind = default });
        builder.Accords.Add(new Accord { Id = "a1", Title = "Pledge", Kind = AccordKind.Pledge, Sources = ["s9"] });

        var error = Assert.Throws<BorderDataException>(builder.Build);

        Assert.Equal(
            [(DataErrorKind.DuplicateId, "sources[1].id"), (DataErrorKind.DanglingReference, "accords[0].sources[0]")],
            error.Errors.Select(e => (e.Kind, e.Path)));
        Assert.Equal(0, error.OmittedErrorCount);
    }

    [Fact]
    public void Build_DerivesParticipantsAndAffiliations_AndAddsParticipantsToTheEventsLists()
    {
        var builder = new BorderStoreBuilder();
        builder.Sources.Add(new Source { Id = "s1", Kind = SourceKind.NewsSite });
        builder.Nations.Add(new Nation { Code = NationCode.Peru, Name = "Peru", Region = "South America" });
        builder.Agencies.Add(new Agency { Id = "police", Name = "Police", Nation = NationCode.Peru, Kind = AgencyKind.Police });
        builder.Organizations.Add(new Organization { Id = "gang", Name = "Gang", Kind = OrganizationKind.CriminalGroup });
        builder.People.Add(new Person { Id = "boss", Aliases = ["The Boss"], Roles = [new PersonRole { Title = "Leader", Organization = "gang", From = Period.After(PartialDate.FromYear(2010)), FromBasis = DateBasis.LowerBound }], Sources = ["s1"] });
        builder.Events.Add(new Event
        {
            Id = "raid",
            Kind = EventKind.Raid,
            Title = "Raid",
            Agencies = ["police"],
            Participants =
            [
                new Participant { Agency = "POLICE", Role = ParticipantRole.Captor },
                new Participant { Organization = "gang", Role = ParticipantRole.Target },
                new Participant { Person = "boss", Role = ParticipantRole.Captive },
            ],
            Sources = ["s1"],
        });

        var store = builder.Build();

        var raid = store.Events.Find("raid")!;
        Assert.Equal(["police"], raid.Agencies.ToArray()); // already there, in another case: added once
        Assert.Equal(["boss"], raid.People.ToArray());
        Assert.Equal(["gang"], raid.Organizations.ToArray());
        Assert.Equal(
            [("raid#1", ParticipantRole.Captor), ("raid#2", ParticipantRole.Target), ("raid#3", ParticipantRole.Captive)],
            store.Participants.Select(p => (p.Id, p.Role)));
        Assert.Same(store.Participants.Find("raid#3"), Assert.Single(store.Participants.FindAll("person", "boss")));
        var affiliation = Assert.Single(store.Affiliations);
        Assert.Equal(("boss#1", "boss", "gang", DateBasis.LowerBound), (affiliation.Id, affiliation.Person, affiliation.Organization, affiliation.FromBasis));
        Assert.Equal(["s1"], affiliation.Sources.ToArray());
        Assert.Empty(store.ToBuilder().Participants);
        Assert.Equal(store.Participants.Count, store.ToBuilder().Build().Participants.Count);
    }

    [Fact]
    public void Build_DanglingParticipantOrRoleReference_IsNamedByItsEventOrPerson()
    {
        var builder = new BorderStoreBuilder();
        builder.People.Add(new Person { Id = "p", Name = "P", Roles = [new PersonRole { Title = "Minister", Agency = "nowhere" }] });
        builder.Events.Add(new Event { Id = "e", Kind = EventKind.Meeting, Title = "E", Participants = [new Participant { Person = "q", Role = ParticipantRole.Host }] });

        var error = Assert.Throws<BorderDataException>(builder.Build);

        Assert.Equal(
            [(DataErrorKind.DanglingReference, "events[0].participants[0].person"), (DataErrorKind.DanglingReference, "people[0].roles[0].agency")],
            error.Errors.Select(e => (e.Kind, e.Path)).OrderBy(e => e.Path, StringComparer.Ordinal));
    }

    [BdqProperty(MaxTest = 200)]
    public void MarkDisputed_RandomClaimsWithRepeats_EqualsComparingEveryPair(StatisticRows input)
    {
        // Repeat some claims, some with the same value (or the same value written with another scale), some with
        // another value, so groups of agreeing, disagreeing and lone claims are all drawn.
        var statistics = input.Rows
            .Concat(input.Rows.Where((_, i) => i % 2 == 0).Select((s, i) => s with
            {
                Id = s.Id + "-again",
                Value = i % 3 == 0 ? s.Value + 1 : s.Value * 1.00m,
            }))
            .ToList();

        var marked = BorderStoreBuilder.MarkDisputed(statistics);

        Assert.Equal(statistics.Select(s => s.Id), marked.Select(s => s.Id));
        Assert.Equal(statistics.Select(s => s with { Disputed = false }), marked.Select(s => s with { Disputed = false }));
        for (var i = 0; i < statistics.Count; i++)
        {
            var expected = statistics.Where((other, j) => j != i && SameClaim(statistics[i], other) && other.Value != statistics[i].Value).Any();
            Assert.True(expected == marked[i].Disputed, $"{statistics[i].Id}: expected disputed = {expected}");
        }
    }

    [Fact]
    public void MarkDisputed_OneClaimKeyEightTimesMoreOften_AllocatesProportionally()
    {
        // Many claims sharing one key and one value (the case that was quadratic), then one that disagrees.
        MarkDisputed(1_000, out _);
        var smallBytes = MarkDisputed(5_000, out var small);
        var largeBytes = MarkDisputed(40_000, out var large);

        Assert.DoesNotContain(small.SkipLast(1), s => !s.Disputed);
        Assert.All(large, s => Assert.True(s.Disputed, s.Id));
        Assert.DoesNotContain(BorderStoreBuilder.MarkDisputed(Claims(2_000, disagreeing: false)), s => s.Disputed);
        Assert.True(largeBytes <= 12 * smallBytes, $"40,000 claims allocated {largeBytes:N0} B against {smallBytes:N0} B for 5,000.");
    }

    private static long MarkDisputed(int count, out List<Statistic> marked)
    {
        var claims = Claims(count, disagreeing: true);
        var before = GC.GetAllocatedBytesForCurrentThread();
        marked = BorderStoreBuilder.MarkDisputed(claims);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static List<Statistic> Claims(int count, bool disagreeing) =>
        Enumerable.Range(0, count).Select(i => new Statistic
        {
            Id = $"claim-{i}",
            Metric = Metric.BorderPatrolPersonnel,
            Nations = [NationCode.Parse("PER"), NationCode.Parse("ECU")],
            Value = disagreeing && i == count - 1 ? 2 : 1,
            Unit = Unit.Parse("people"),
            Source = "src-001",
        }).ToList();

    // The definition, written out: same metric, nations in any order, agency and place ignoring case, period, unit.
    private static bool SameClaim(Statistic a, Statistic b) =>
        a.Metric == b.Metric
        && a.Nations.Select(n => n.Alpha3).Order(StringComparer.Ordinal).SequenceEqual(b.Nations.Select(n => n.Alpha3).Order(StringComparer.Ordinal))
        && string.Equals(a.Agency, b.Agency, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Place, b.Place, StringComparison.OrdinalIgnoreCase)
        && Equals(a.Period, b.Period)
        && a.Unit.Code == b.Unit.Code;
}
