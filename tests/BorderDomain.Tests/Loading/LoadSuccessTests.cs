using System;
using System.IO;
using System.Linq;
using System.Text;
using BorderDomain.Data;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Loading;

public sealed class LoadSuccessTests
{
    private const string NewRecords = """
        {
          "agencies": [
            {
              "id": "t-border-unit",
              "name": "Test Border Unit",
              "acronym": "TBU",
              "nation": "PER",
              "kind": "Police",
              "parent": "pe-pnp",
              "sources": ["src-000"]
            }
          ],
          "accords": [
            {
              "id": "t-accord",
              "title": "Acuerdo de prueba sobre minería",
              "kind": "MemorandumOfUnderstanding",
              "parties": ["PER", "ecu"],
              "signatories": ["t-border-unit", "EC-PNE"],
              "signed": "2026-01-15",
              "topics": ["IllegalMining", "jointbordercontrol"],
              "status": "Signed",
              "buildsOn": ["pe-ec-1998-peace"],
              "sources": ["src-000"]
            }
          ],
          "statistics": [
            {
              "id": "t-stat",
              "metric": "IllegalCrossings",
              "nations": ["PER", "ECU"],
              "place": "t-crossing",
              "value": 12.50,
              "unit": "crossings",
              "period": "2026-01..2026-03",
              "source": "src-000"
            }
          ],
          "events": [
            {
              "id": "t-raid",
              "kind": "Raid",
              "title": "Test raid",
              "status": "Planned",
              "date": "..2026-02-01",
              "dateBasis": "UpperBound",
              "place": "t-crossing",
              "partOf": "tumbes-huaquillas-joint-visit-2025",
              "participants": [
                { "agency": "t-border-unit", "role": "Captor" },
                { "organization": "t-gang", "role": "Target", "note": "named only as a gang" },
                { "person": "jose-jeri", "role": "Attendee" }
              ],
              "outcomes": ["t-accord"],
              "sources": ["src-000"]
            }
          ],
          "organizations": [
            { "id": "t-gang", "name": "Test Gang", "aliases": ["The Testers"], "kind": "CriminalGroup", "baseNation": "PER", "operatesIn": ["PER", "ECU"], "leaders": ["t-boss"], "sources": ["src-000"] }
          ],
          "places": [
            { "id": "t-crossing", "name": "Test crossing", "kind": "Checkpoint", "nation": "PER", "within": "tumbes-huaquillas-border-region", "sources": ["src-000"] }
          ],
          "people": [
            { "id": "t-boss", "aliases": ["El Jefe"], "roles": [{ "title": "Leader", "organization": "t-gang", "from": "2020..", "fromBasis": "LowerBound", "predecessor": "jose-jeri" }], "sources": ["src-000"] }
          ],
          "statements": [
            { "id": "t-said", "speaker": "t-boss", "speakerOrganization": "t-gang", "date": "2026-01", "topics": ["PublicSafety"], "summary": "Said the test would pass.", "event": "t-raid", "accords": ["t-accord"], "source": "src-000" }
          ]
        }
        """;

    [Fact]
    public void Load_ValidFile_GivesANewStoreWithTheNewAndAllBundledRecords()
    {
        var store = BorderStore.Default;
        var before = StoreCounts.Of(store);

        var loaded = Load(store, NewRecords);

        Assert.NotSame(store, loaded);
        Assert.Equal(
            before with
            {
                Agencies = before.Agencies + 1, Accords = before.Accords + 1, Statistics = before.Statistics + 1, Events = before.Events + 1,
                People = before.People + 1, Organizations = before.Organizations + 1, Places = before.Places + 1, Statements = before.Statements + 1,
                Participants = before.Participants + 3, Affiliations = before.Affiliations + 1,
            },
            StoreCounts.Of(loaded));
        Assert.All(store.Sources, r => Assert.Equal(r, loaded.Sources.Find(r.Id)));
        Assert.All(store.Nations, r => Assert.Equal(r, loaded.Nations.Find(r.Code.Alpha3)));
        Assert.All(store.Agencies, r => Assert.Equal(r, loaded.Agencies.Find(r.Id)));
        Assert.All(store.People, r => Assert.Equal(r, loaded.People.Find(r.Id)));
        Assert.All(store.Accords, r => Assert.Equal(r, loaded.Accords.Find(r.Id)));
        Assert.All(store.Statistics, r => Assert.Equal(r, loaded.Statistics.Find(r.Id)));
        Assert.All(store.Events, r => Assert.Equal(r, loaded.Events.Find(r.Id)));
        StoreCounts.AssertDefaultUnchanged(before, store);
        Assert.Null(store.Accords.Find("t-accord"));
    }

    [Fact]
    public void Load_ValidFile_ReadsEveryValueOfTheNewRecords()
    {
        var loaded = Load(BorderStore.Default, NewRecords);

        var agency = loaded.Agencies.Find("T-BORDER-UNIT");
        Assert.NotNull(agency);
        Assert.Equal(("Test Border Unit", "TBU", NationCode.Peru, AgencyKind.Police, "pe-pnp"), (agency.Name, agency.Acronym, agency.Nation, agency.Kind, agency.Parent));

        var accord = loaded.Accords.Find("t-accord");
        Assert.NotNull(accord);
        Assert.Equal(AccordKind.MemorandumOfUnderstanding, accord.Kind);
        Assert.Equal([NationCode.Peru, NationCode.Ecuador], accord.Parties.ToArray());
        Assert.Equal(["t-border-unit", "EC-PNE"], accord.Signatories.ToArray());
        Assert.Equal(Period.Parse("2026-01-15"), accord.Signed);
        Assert.Equal([Topic.IllegalMining, Topic.JointBorderControl], accord.Topics.ToArray());
        Assert.Equal(AccordStatus.Signed, accord.Status);
        Assert.Equal(["pe-ec-1998-peace"], accord.BuildsOn.ToArray());

        var statistic = loaded.Statistics.Find("t-stat");
        Assert.NotNull(statistic);
        Assert.Equal(12.50m, statistic.Value);
        Assert.Equal("12.50", statistic.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Unit.Parse("crossings"), statistic.Unit);
        Assert.Equal(Period.Parse("2026-01..2026-03"), statistic.Period);
        Assert.Equal(DateBasis.Stated, statistic.PeriodBasis);
        Assert.Equal("t-crossing", statistic.Place);
        Assert.False(statistic.Disputed);

        var raid = loaded.Events.Find("t-raid");
        Assert.NotNull(raid);
        Assert.Equal((EventStatus.Planned, Period.Before(PartialDate.Parse("2026-02-01")), DateBasis.UpperBound, "t-crossing", "tumbes-huaquillas-joint-visit-2025"), (raid.Status, raid.Date, raid.DateBasis, raid.Place, raid.PartOf));
        Assert.Equal(
            [new Participant { Agency = "t-border-unit", Role = ParticipantRole.Captor }, new Participant { Organization = "t-gang", Role = ParticipantRole.Target, Note = "named only as a gang" }, new Participant { Person = "jose-jeri", Role = ParticipantRole.Attendee }],
            raid.Participants.ToArray());
        Assert.Equal(["t-border-unit"], raid.Agencies.ToArray());
        Assert.Equal(["jose-jeri"], raid.People.ToArray());
        Assert.Equal(["t-gang"], raid.Organizations.ToArray());
        Assert.Equal(["t-accord"], raid.Outcomes.ToArray());
        Assert.Equal(
            [("t-raid#1", "t-border-unit", null, null, ParticipantRole.Captor), ("t-raid#2", null, null, "t-gang", ParticipantRole.Target), ("t-raid#3", null, "jose-jeri", null, ParticipantRole.Attendee)],
            loaded.Participants.FindAll("event", "t-raid").Select(p => (p.Id, p.Agency, p.Person, p.Organization, p.Role)).ToArray());
        Assert.All(loaded.Participants.FindAll("event", "t-raid"), p => Assert.Equal(["src-000"], p.Sources.ToArray()));

        var gang = loaded.Organizations.Find("t-gang");
        Assert.NotNull(gang);
        Assert.Equal((OrganizationKind.CriminalGroup, (NationCode?)NationCode.Peru), (gang.Kind, gang.BaseNation));
        Assert.Equal(["The Testers"], gang.Aliases.ToArray());
        Assert.Equal([NationCode.Peru, NationCode.Ecuador], gang.OperatesIn.ToArray());
        Assert.Equal(["t-boss"], gang.Leaders.ToArray());

        var crossing = loaded.Places.Find("t-crossing");
        Assert.NotNull(crossing);
        Assert.Equal(("Test crossing", PlaceKind.Checkpoint, (NationCode?)NationCode.Peru, "tumbes-huaquillas-border-region"), (crossing.Name, crossing.Kind, crossing.Nation, crossing.Within));

        var boss = loaded.People.Find("t-boss");
        Assert.NotNull(boss);
        Assert.Null(boss.Name);
        Assert.Equal(["El Jefe"], boss.Aliases.ToArray());
        var affiliation = Assert.Single(loaded.Affiliations.FindAll("person", "t-boss"));
        Assert.Equal(("t-boss#1", "Leader", "t-gang", Period.After(PartialDate.FromYear(2020)), DateBasis.LowerBound, "jose-jeri"), (affiliation.Id, affiliation.Title, affiliation.Organization, affiliation.From, affiliation.FromBasis, affiliation.Predecessor));

        var said = loaded.Statements.Find("t-said");
        Assert.NotNull(said);
        Assert.Equal(("t-boss", "t-gang", Period.Parse("2026-01"), DateBasis.Stated, "t-raid", "Said the test would pass."), (said.Speaker, said.SpeakerOrganization, said.Date, said.DateBasis, said.Event, said.Summary));
        Assert.Equal([Topic.PublicSafety], said.Topics.ToArray());
        Assert.Equal(["t-accord"], said.Accords.ToArray());
    }

    [Fact]
    public void Load_ValidFile_IndexesTheNewRecords()
    {
        var loaded = Load(BorderStore.Default, NewRecords);
        var accords = loaded.Accords;
        var accord = accords.Find("t-accord")!;
        Assert.True(accords.TryGetRow("t-accord", out var row));

        Assert.Contains(accord, accords.FindAll("signatories", "t-border-unit"));
        Assert.Contains(accord, accords.FindAll("topics", Topic.IllegalMining));
        Assert.Contains(loaded.Agencies.Find("t-border-unit")!, loaded.Agencies.FindAll("parent", "PE-PNP"));
        Assert.Contains(row, accords.GetTextIndex(accords.Schema.IndexOfField("title"))!.Contains("mineria"));
        var signed = accords.GetDateIndex(accords.Schema.IndexOfField("signed"))!;
        var day = new DateOnly(2026, 1, 15).DayNumber;
        Assert.Contains(row, signed.ByStart.RowsInRange(new KeyBound<int>(day, true), new KeyBound<int>(day, true)).ToArray());
    }

    [Fact]
    public void Load_PathWithUtf8ByteOrderMark_IsAccepted()
    {
        using var files = new DataFiles();
        var path = files.Write("bom.json", NewRecords, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var loaded = BorderDataset.Load(BorderStore.Default, path);

        Assert.NotNull(loaded.Accords.Find("t-accord"));
    }

    [Fact]
    public void Load_TwoFilesReferencingEachOther_Succeeds()
    {
        using var files = new DataFiles();
        var agencies = files.Write("agencies.json", """
            {
              "agencies": [
                { "id": "t-unit", "name": "Unit", "nation": "ECU", "kind": "Customs" }
              ]
            }
            """);
        var accords = files.Write("accords.json", """
            {
              "accords": [
                { "id": "t-accord", "title": "Test", "kind": "Agreement", "signatories": ["t-unit"] }
              ]
            }
            """);

        Assert.True(BorderDataset.TryLoad(BorderStore.Default, [accords, agencies], out var loaded, out var errors));

        Assert.Empty(errors);
        Assert.Equal(["t-unit"], loaded.Accords.Find("t-accord")!.Signatories.ToArray());
        Assert.Equal(AgencyKind.Customs, loaded.Agencies.Find("t-unit")!.Kind);
    }

    [Fact]
    public void Load_SecondClaimWithADifferentValue_MakesBothDisputedInTheNewStoreOnly()
    {
        const string json = """
            {
              "statistics": [
                {
                  "id": "t-patrol-claim",
                  "metric": "BorderPatrolPersonnel",
                  "nations": ["PER"],
                  "value": 1000,
                  "unit": "people",
                  "period": "2025-06",
                  "source": "src-001"
                }
              ]
            }
            """;
        var store = BorderStore.Default;
        var before = StoreCounts.Of(store);

        var loaded = Load(store, json);

        Assert.True(loaded.Statistics.Find("pe-border-patrol-personnel-2025")!.Disputed);
        Assert.True(loaded.Statistics.Find("t-patrol-claim")!.Disputed);
        var disputed = loaded.Statistics.FindAll("disputed", true).Select(s => s.Id).ToArray();
        Assert.Contains("pe-border-patrol-personnel-2025", disputed);
        Assert.Contains("t-patrol-claim", disputed);
        Assert.DoesNotContain(loaded.Statistics.FindAll("disputed", false), s => s.Id is "pe-border-patrol-personnel-2025" or "t-patrol-claim");
        StoreCounts.AssertDefaultUnchanged(before, store);
        Assert.DoesNotContain(store.Statistics.FindAll("disputed", true), s => s.Id == "pe-border-patrol-personnel-2025");
    }

    [Fact]
    public void Load_SecondClaimWithTheSameValueOrAnotherUnitOrPeriod_DisputesNothing()
    {
        const string json = """
            {
              "statistics": [
                {
                  "id": "t-agreeing-claim",
                  "metric": "BorderPatrolPersonnel",
                  "nations": ["PER"],
                  "value": 976.0,
                  "unit": "people",
                  "period": "2025-06",
                  "source": "src-001"
                },
                {
                  "id": "t-other-unit-claim",
                  "metric": "BorderPatrolPersonnel",
                  "nations": ["PER"],
                  "value": 5,
                  "unit": "agents",
                  "period": "2025-06",
                  "source": "src-001"
                },
                {
                  "id": "t-other-period-claim",
                  "metric": "BorderPatrolPersonnel",
                  "nations": ["PER"],
                  "value": 5,
                  "unit": "people",
                  "period": "2025-07",
                  "source": "src-001"
                }
              ]
            }
            """;

        var loaded = Load(BorderStore.Default, json);

        Assert.All(
            ["pe-border-patrol-personnel-2025", "t-agreeing-claim", "t-other-unit-claim", "t-other-period-claim"],
            id => Assert.False(loaded.Statistics.Find(id)!.Disputed, id));
    }

    [Fact]
    public void Load_ClaimAboutTheSameNationsInAnotherOrder_IsComparedAndDisputed()
    {
        const string json = """
            {
              "statistics": [
                {
                  "id": "t-length-claim",
                  "metric": "BorderLength",
                  "nations": ["PER", "ECU"],
                  "place": "pe-ec-border",
                  "value": 1529,
                  "unit": "km",
                  "source": "src-003"
                }
              ]
            }
            """;

        var loaded = Load(BorderStore.Default, json);

        Assert.True(loaded.Statistics.Find("t-length-claim")!.Disputed);
        Assert.True(loaded.Statistics.Find("pe-ec-border-length-2013-claim")!.Disputed);
    }

    private static BorderStore Load(BorderStore store, string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return BorderDataset.Load(store, stream, "new.json");
    }
}
