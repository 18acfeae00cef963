using System;
using System.IO;
using System.Linq;
using System.Text;
using BorderDomain.Data;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Loading;

/// <summary>
/// Each kind of data error: the load is rejected whole, every problem is listed with its kind, JSON path, line and
/// file, and the store loaded into is left as it was.
/// </summary>
public sealed class LoadErrorTests
{
    private const string Name = "name.json";

    [Fact]
    public void Load_MissingComma_ReportsMalformedJsonAtTheLineOfTheUnexpectedToken()
    {
        const string json = """
            {
              "accords": [
                {
                  "id": "t-accord",
                  "title": "Test"
                  "kind": "Treaty"
                }
              ]
            }
            """;

        AssertErrors(json, (DataErrorKind.MalformedJson, "$", 6));
    }

    [Fact]
    public void Load_TruncatedFile_ReportsMalformedJsonAtTheLastLine()
    {
        const string json = """
            {
              "accords": [
                {
                  "id": "t-accord",
                  "title": "Test"
            """;

        AssertErrors(json, (DataErrorKind.MalformedJson, "$", 5));
    }

    [Fact]
    public void Load_EmptyFile_ReportsMalformedJsonOnLineOne()
    {
        AssertErrors(string.Empty, (DataErrorKind.MalformedJson, "$", 1));
    }

    [Fact]
    public void Load_ValueOfTheWrongJsonType_ReportsMalformedJsonWithItsPathAndStillChecksTheRest()
    {
        const string json = """
            {
              "accords": [
                {
                  "id": "t-accord",
                  "title": "Test",
                  "parties": "PER"
                }
              ]
            }
            """;

        // The wrong type no longer stops the reading: the missing kind is reported too.
        AssertErrors(
            json,
            (DataErrorKind.MissingValue, "$.accords[0].kind", 3),
            (DataErrorKind.MalformedJson, "$.accords[0].parties", 6));
    }

    [Fact]
    public void Load_Utf16File_ReportsUnreadable()
    {
        using var files = new DataFiles();
        var path = files.Write("utf16.json", """{ "accords": [] }""", Encoding.Unicode);
        var store = BorderStore.Default;
        var before = StoreCounts.Of(store);

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(store, path));

        var only = Assert.Single(error.Errors);
        Assert.Equal((DataErrorKind.Unreadable, "$", (int?)1, path), (only.Kind, only.Path, only.Line, only.File));
        StoreCounts.AssertDefaultUnchanged(before, store);
    }

    [Fact]
    public void Load_InvalidUtf8Bytes_ReportsUnreadable()
    {
        using var files = new DataFiles();
        var path = files.WriteBytes("latin1.json", [(byte)'{', (byte)'"', 0xE9, (byte)'"', (byte)':', (byte)'1', (byte)'}']);

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(BorderStore.Default, path));

        var only = Assert.Single(error.Errors);
        Assert.Equal((DataErrorKind.Unreadable, "$", path), (only.Kind, only.Path, only.File));
    }

    [Fact]
    public void Load_MissingPath_ReportsUnreadableWithoutALine()
    {
        using var files = new DataFiles();
        var path = files.Missing("nowhere.json");
        var store = BorderStore.Default;
        var before = StoreCounts.Of(store);

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(store, path));

        var only = Assert.Single(error.Errors);
        Assert.Equal((DataErrorKind.Unreadable, "$", (int?)null, path), (only.Kind, only.Path, only.Line, only.File));
        StoreCounts.AssertDefaultUnchanged(before, store);
    }

    [Fact]
    public void Load_UnknownProperties_ReportsEachWithItsPath()
    {
        const string json = """
            {
              "accords": [
                {
                  "id": "t-accord",
                  "title": "Test",
                  "kind": "Treaty",
                  "colour": "blue",
                  "Parties": ["PER"]
                }
              ],
              "extra": 1
            }
            """;

        AssertErrors(
            json,
            (DataErrorKind.UnknownProperty, "$.accords[0].colour", 7),
            (DataErrorKind.UnknownProperty, "$.accords[0].Parties", 8),
            (DataErrorKind.UnknownProperty, "$.extra", 11));
    }

    [Fact]
    public void Load_MissingAndEmptyValues_ReportsEachAtTheValueOrItsRecord()
    {
        const string json = """
            {
              "accords": [
                {
                  "id": "t-accord",
                  "kind": "Treaty"
                },
                null,
                {
                  "id": " ",
                  "title": "Blank id",
                  "kind": "Treaty",
                  "sources": ["src-000", ""]
                }
              ],
              "statistics": [
                {
                  "id": "t-stat",
                  "metric": "BorderLength",
                  "source": "src-000"
                }
              ]
            }
            """;

        AssertErrors(
            json,
            (DataErrorKind.MissingValue, "$.accords[0].title", 3),
            (DataErrorKind.MissingValue, "$.accords[1]", 7),
            (DataErrorKind.MissingValue, "$.accords[2].id", 9),
            (DataErrorKind.MissingValue, "$.accords[2].sources[1]", 12),
            (DataErrorKind.MissingValue, "$.statistics[0].unit", 16),
            (DataErrorKind.MissingValue, "$.statistics[0].value", 16));
    }

    [Fact]
    public void Load_UnknownNationCodes_ReportsEachWithItsPath()
    {
        const string json = """
            {
              "nations": [
                {
                  "code": "XKX",
                  "name": "Kosovo",
                  "region": "Europe"
                }
              ],
              "accords": [
                {
                  "id": "t-accord",
                  "title": "Test",
                  "kind": "Treaty",
                  "parties": ["PER", "XYZ", "pe"]
                }
              ],
              "agencies": [
                {
                  "id": "t-agency",
                  "name": "Agency",
                  "nation": "Peru",
                  "kind": "Police"
                }
              ]
            }
            """;

        AssertErrors(
            json,
            (DataErrorKind.UnknownNationCode, "$.accords[0].parties[1]", 14),
            (DataErrorKind.UnknownNationCode, "$.accords[0].parties[2]", 14),
            (DataErrorKind.UnknownNationCode, "$.agencies[0].nation", 21),
            (DataErrorKind.UnknownNationCode, "$.nations[0].code", 4));
    }

    [Fact]
    public void Load_TwoNationsWithUnknownCodes_ReportsBothAsDataErrors()
    {
        // Both bad nations end up with the default code; the load must still fail with a BorderDataException.
        const string json = """
            {
              "nations": [
                {
                  "code": "XKX",
                  "name": "Kosovo",
                  "region": "Europe"
                },
                {
                  "code": "YUG",
                  "name": "Yugoslavia",
                  "region": "Europe"
                }
              ]
            }
            """;

        AssertErrors(
            json,
            (DataErrorKind.UnknownNationCode, "$.nations[0].code", 4),
            (DataErrorKind.UnknownNationCode, "$.nations[1].code", 9));
    }

    [Fact]
    public void Load_InvalidDates_ReportsEachDateAndPeriod()
    {
        const string json = """
            {
              "accords": [
                {
                  "id": "t-accord",
                  "title": "Test",
                  "kind": "Treaty",
                  "signed": "2013-02-30"
                }
              ],
              "statistics": [
                {
                  "id": "t-stat",
                  "metric": "IllegalCrossings",
                  "nations": ["PER"],
                  "value": 5,
                  "unit": "crossings",
                  "period": "2025-10..2025-01",
                  "source": "src-000"
                }
              ],
              "sources": [
                {
                  "id": "t-src",
                  "kind": "NewsSite",
                  "published": "13"
                }
              ]
            }
            """;

        AssertErrors(
            json,
            (DataErrorKind.InvalidDate, "$.accords[0].signed", 7),
            (DataErrorKind.InvalidDate, "$.sources[0].published", 25),
            (DataErrorKind.InvalidDate, "$.statistics[0].period", 17));
    }

    [Fact]
    public void Load_PeriodOfTwoDotsAlone_IsAnInvalidDate()
    {
        const string json = """
            {
              "statistics": [
                {
                  "id": "t-stat",
                  "metric": "IllegalCrossings",
                  "value": 5,
                  "unit": "crossings",
                  "period": "..",
                  "source": "src-000"
                },
                {
                  "id": "t-stat-2",
                  "metric": "IllegalCrossings",
                  "value": 5,
                  "unit": "crossings",
                  "period": "..2025-13",
                  "source": "src-000"
                }
              ]
            }
            """;

        var error = AssertErrors(
            json,
            (DataErrorKind.InvalidDate, "$.statistics[0].period", 8),
            (DataErrorKind.InvalidDate, "$.statistics[1].period", 16));
        Assert.Contains("..to or from..", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownUnits_ReportsEachUnit()
    {
        const string json = """
            {
              "statistics": [
                {
                  "id": "t-stat-1",
                  "metric": "FuelPrice",
                  "nations": ["PER"],
                  "value": 35,
                  "unit": "dollars",
                  "source": "src-002"
                },
                {
                  "id": "t-stat-2",
                  "metric": "BorderLength",
                  "nations": ["PER"],
                  "value": 35,
                  "unit": "KM",
                  "source": "src-002"
                }
              ]
            }
            """;

        AssertErrors(
            json,
            (DataErrorKind.UnknownUnit, "$.statistics[0].unit", 8),
            (DataErrorKind.UnknownUnit, "$.statistics[1].unit", 16));
    }

    [Fact]
    public void Load_UnknownEnumMembers_ReportsEachName()
    {
        const string json = """
            {
              "accords": [
                {
                  "id": "t-accord",
                  "title": "Test",
                  "kind": "Alliance",
                  "topics": ["drugtrafficking", "Piracy"],
                  "status": "Ratified"
                }
              ],
              "statistics": [
                {
                  "id": "t-stat",
                  "metric": "Speed",
                  "value": 1,
                  "unit": "km",
                  "source": "src-000"
                }
              ],
              "agencies": [
                {
                  "id": "t-agency",
                  "name": "Agency",
                  "nation": "PER",
                  "kind": "Army"
                }
              ]
            }
            """;

        AssertErrors(
            json,
            (DataErrorKind.UnknownEnumMember, "$.accords[0].kind", 6),
            (DataErrorKind.UnknownEnumMember, "$.accords[0].status", 8),
            (DataErrorKind.UnknownEnumMember, "$.accords[0].topics[1]", 7),
            (DataErrorKind.UnknownEnumMember, "$.agencies[0].kind", 25),
            (DataErrorKind.UnknownEnumMember, "$.statistics[0].metric", 14));
    }

    [Fact]
    public void Load_DuplicateIdWithinAFile_ReportsTheSecondRecordAndNamesTheFirst()
    {
        const string json = """
            {
              "accords": [
                {
                  "id": "t-dup",
                  "title": "First",
                  "kind": "Treaty"
                },
                {
                  "id": "T-DUP",
                  "title": "Second",
                  "kind": "Treaty"
                }
              ]
            }
            """;

        var error = AssertErrors(json, (DataErrorKind.DuplicateId, "$.accords[1].id", 9));

        Assert.Contains("$.accords[0] in name.json", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateIdAcrossTwoFiles_ReportsItInTheSecondFile()
    {
        const string json = """
            {
              "accords": [
                {
                  "id": "t-dup",
                  "title": "Test",
                  "kind": "Treaty"
                }
              ]
            }
            """;
        using var files = new DataFiles();
        var first = files.Write("first.json", json);
        var second = files.Write("second.json", json);
        var store = BorderStore.Default;
        var before = StoreCounts.Of(store);

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(store, first, second));

        var only = Assert.Single(error.Errors);
        Assert.Equal((DataErrorKind.DuplicateId, "$.accords[0].id", (int?)4, second), (only.Kind, only.Path, only.Line, only.File));
        Assert.Contains(first, only.Message, StringComparison.Ordinal);
        StoreCounts.AssertDefaultUnchanged(before, store);
    }

    [Fact]
    public void Load_DuplicateIdOfABundledRecord_ReportsItAgainstTheExistingStore()
    {
        const string json = """
            {
              "nations": [
                {
                  "code": "per",
                  "name": "Peru again",
                  "region": "South America"
                }
              ],
              "accords": [
                {
                  "id": "PE-EC-1998-PEACE",
                  "title": "Test",
                  "kind": "Treaty"
                }
              ],
              "sources": [
                {
                  "id": "src-000",
                  "kind": "NewsSite"
                }
              ]
            }
            """;

        var error = AssertErrors(
            json,
            (DataErrorKind.DuplicateId, "$.accords[0].id", 11),
            (DataErrorKind.DuplicateId, "$.nations[0].code", 4),
            (DataErrorKind.DuplicateId, "$.sources[0].id", 18));

        Assert.All(error.Errors, e => Assert.Contains("existing store", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DanglingReferences_ReportsEachWithItsElementPath()
    {
        const string json = """
            {
              "accords": [
                {
                  "id": "t-accord",
                  "title": "Test",
                  "kind": "Treaty",
                  "parties": ["PER", "FRA"],
                  "signatories": ["pe-pnp", "no-such-agency"],
                  "buildsOn": ["no-such-accord"],
                  "sources": ["no-such-source"]
                }
              ],
              "agencies": [
                {
                  "id": "t-agency",
                  "name": "Agency",
                  "nation": "PER",
                  "kind": "Police",
                  "parent": "no-such-parent"
                }
              ],
              "people": [
                {
                  "id": "t-person",
                  "name": "Someone",
                  "roles": [
                    {
                      "title": "Chief",
                      "agency": "no-such-agency"
                    }
                  ]
                }
              ]
            }
            """;

        AssertErrors(
            json,
            (DataErrorKind.DanglingReference, "$.accords[0].buildsOn[0]", 9),
            (DataErrorKind.DanglingReference, "$.accords[0].parties[1]", 7),
            (DataErrorKind.DanglingReference, "$.accords[0].signatories[1]", 8),
            (DataErrorKind.DanglingReference, "$.accords[0].sources[0]", 10),
            (DataErrorKind.DanglingReference, "$.agencies[0].parent", 19),
            (DataErrorKind.DanglingReference, "$.people[0].roles[0].agency", 29));
    }

    [Fact]
    public void Load_AccordsBuildingOnEachOther_ReportsOneReferenceCycle()
    {
        const string json = """
            {
              "accords": [
                {
                  "id": "t-a",
                  "title": "A",
                  "kind": "Treaty",
                  "buildsOn": ["t-b"]
                },
                {
                  "id": "t-b",
                  "title": "B",
                  "kind": "Treaty",
                  "buildsOn": ["t-a"]
                }
              ]
            }
            """;

        var error = AssertErrors(json, (DataErrorKind.ReferenceCycle, "$.accords[1].buildsOn", 13));

        Assert.Contains("$.accords[0]", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AccordBuildingOnItself_ReportsAReferenceCycle()
    {
        const string json = """
            {
              "accords": [
                {
                  "id": "t-self",
                  "title": "Self",
                  "kind": "Treaty",
                  "buildsOn": ["pe-ec-1998-peace", "T-SELF"]
                }
              ]
            }
            """;

        AssertErrors(json, (DataErrorKind.ReferenceCycle, "$.accords[0].buildsOn", 7));
    }

    [Fact]
    public void Load_AgenciesParentingEachOther_ReportsOneReferenceCycle()
    {
        const string json = """
            {
              "agencies": [
                {
                  "id": "t-x",
                  "name": "X",
                  "nation": "PER",
                  "kind": "Police",
                  "parent": "t-y"
                },
                {
                  "id": "t-y",
                  "name": "Y",
                  "nation": "PER",
                  "kind": "Ministry",
                  "parent": "t-x"
                }
              ]
            }
            """;

        AssertErrors(json, (DataErrorKind.ReferenceCycle, "$.agencies[1].parent", 15));
    }

    [Fact]
    public void Load_NonNumericValues_ReportsInvalidValue()
    {
        const string json = """
            {
              "statistics": [
                {
                  "id": "t-stat-1",
                  "metric": "BorderLength",
                  "value": "abc",
                  "unit": "km",
                  "source": "src-000"
                },
                {
                  "id": "t-stat-2",
                  "metric": "BorderLength",
                  "value": true,
                  "unit": "km",
                  "source": "src-000"
                },
                {
                  "id": "t-stat-3",
                  "metric": "BorderLength",
                  "value": 1e400,
                  "unit": "km",
                  "source": "src-000"
                }
              ]
            }
            """;

        AssertErrors(
            json,
            (DataErrorKind.InvalidValue, "$.statistics[0].value", 6),
            (DataErrorKind.InvalidValue, "$.statistics[1].value", 13),
            (DataErrorKind.InvalidValue, "$.statistics[2].value", 20));
    }

    [Fact]
    public void Load_FileOverTheSizeLimit_ReportsTooLarge()
    {
        const string json = """{ "accords": [] }""";
        using var files = new DataFiles();
        var path = files.Write("big.json", json);
        var store = BorderStore.Default;
        var before = StoreCounts.Of(store);

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(store, [path], maxFileBytes: json.Length - 1));

        var only = Assert.Single(error.Errors);
        Assert.Equal((DataErrorKind.TooLarge, "$", (int?)null, path), (only.Kind, only.Path, only.Line, only.File));
        StoreCounts.AssertDefaultUnchanged(before, store);
    }

    [Fact]
    public void Load_StreamOverTheSizeLimit_ReportsTooLarge()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{ "accords": [] }"""));

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(BorderStore.Default, stream, Name, maxFileBytes: 10));

        var only = Assert.Single(error.Errors);
        Assert.Equal((DataErrorKind.TooLarge, "$", Name), (only.Kind, only.Path, only.File));
    }

    [Fact]
    public void Load_FileExactlyAtTheSizeLimit_IsAccepted()
    {
        const string json = """{ "accords": [] }""";
        using var files = new DataFiles();
        var path = files.Write("exact.json", json);

        var loaded = BorderDataset.Load(BorderStore.Default, [path], maxFileBytes: json.Length);

        Assert.Equal(BorderStore.Default.Accords.Count, loaded.Accords.Count);
    }

    [Fact]
    public void Load_FileWithManyDifferentMistakes_ReportsEveryOne()
    {
        const string json = """
            {
              "accords": [
                {
                  "id": "t-accord",
                  "kind": "Alliance",
                  "parties": ["PER", "XYZ", "FRA"],
                  "signed": "2013-13",
                  "buildsOn": ["no-such-accord"],
                  "remark": "not a field"
                },
                {
                  "id": "t-accord",
                  "title": "Duplicate",
                  "kind": "Treaty"
                }
              ],
              "statistics": [
                {
                  "id": "t-stat",
                  "metric": "BorderLength",
                  "nations": ["PER"],
                  "value": "abc",
                  "unit": "leagues",
                  "period": "2025-02-30",
                  "source": "no-such-source"
                }
              ]
            }
            """;

        AssertErrors(
            json,
            (DataErrorKind.DanglingReference, "$.accords[0].buildsOn[0]", 8),
            (DataErrorKind.UnknownEnumMember, "$.accords[0].kind", 5),
            (DataErrorKind.DanglingReference, "$.accords[0].parties[2]", 6),
            (DataErrorKind.UnknownNationCode, "$.accords[0].parties[1]", 6),
            (DataErrorKind.UnknownProperty, "$.accords[0].remark", 9),
            (DataErrorKind.InvalidDate, "$.accords[0].signed", 7),
            (DataErrorKind.MissingValue, "$.accords[0].title", 3),
            (DataErrorKind.DuplicateId, "$.accords[1].id", 12),
            (DataErrorKind.InvalidDate, "$.statistics[0].period", 24),
            (DataErrorKind.DanglingReference, "$.statistics[0].source", 25),
            (DataErrorKind.UnknownUnit, "$.statistics[0].unit", 23),
            (DataErrorKind.InvalidValue, "$.statistics[0].value", 22));
    }

    [Fact]
    public void Load_SeveralBadFiles_ReportsTheErrorsOfEveryFile()
    {
        using var files = new DataFiles();
        var malformed = files.Write("malformed.json", "{\n  \"accords\": [\n");
        var badUnit = files.Write("unit.json", """
            {
              "statistics": [
                {
                  "id": "t-stat",
                  "metric": "BorderLength",
                  "value": 1,
                  "unit": "leagues",
                  "source": "src-000"
                }
              ]
            }
            """);
        var missing = files.Missing("missing.json");
        var store = BorderStore.Default;
        var before = StoreCounts.Of(store);

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(store, malformed, badUnit, missing));

        Assert.Equal(
            [(DataErrorKind.MalformedJson, malformed), (DataErrorKind.Unreadable, missing), (DataErrorKind.UnknownUnit, badUnit)],
            error.Errors.Select(e => (e.Kind, e.File!)).Order());
        Assert.Equal(7, error.Errors.Single(e => e.Kind == DataErrorKind.UnknownUnit).Line);
        StoreCounts.AssertDefaultUnchanged(before, store);
    }

    [Fact]
    public void Load_TwoRecordsWithoutIds_ReportsOnlyTheMissingIds()
    {
        // Two blank ids are two missing values, not also a duplicate of the id ''.
        const string json = """
            {
              "accords": [
                {
                  "title": "A",
                  "kind": "Treaty"
                },
                {
                  "title": "B",
                  "kind": "Treaty"
                }
              ]
            }
            """;

        AssertErrors(
            json,
            (DataErrorKind.MissingValue, "$.accords[0].id", 3),
            (DataErrorKind.MissingValue, "$.accords[1].id", 7));
    }

    [Fact]
    public void Errors_SeveralMistakesInOneFile_AreListedInFileOrder()
    {
        // BorderDataException.Errors is documented as "every problem found, in file order".
        const string json = """
            {
              "accords": [
                {
                  "id": "t-first",
                  "title": "First",
                  "kind": "Treaty",
                  "buildsOn": ["no-such-accord"]
                },
                {
                  "id": "t-second",
                  "title": "Second",
                  "kind": "Treaty",
                  "parties": ["XYZ"]
                }
              ]
            }
            """;

        var error = Fails(BorderStore.Default, json);

        Assert.Equal([7, 13], error.Errors.Select(e => e.Line ?? 0));
    }

    [Fact]
    public void TryLoad_BadFile_ReturnsFalseWithTheErrorsAndTheOriginalStore()
    {
        using var files = new DataFiles();
        var path = files.Write("bad.json", "{ \"accords\": [ { \"id\": \"t-a\", \"title\": \"A\", \"kind\": \"Nope\" } ] }");
        var store = BorderStore.Default;

        Assert.False(BorderDataset.TryLoad(store, [path], out var result, out var errors));

        Assert.Same(store, result);
        var only = Assert.Single(errors);
        Assert.Equal((DataErrorKind.UnknownEnumMember, "$.accords[0].kind", (int?)1, path), (only.Kind, only.Path, only.Line, only.File));
    }

    [Fact]
    public void Message_OfARejectedLoad_ListsEveryErrorWithFileAndLine()
    {
        var error = Fails(BorderStore.Default, "{\n  \"extra\": 1,\n  \"more\": 2\n}");

        Assert.Contains("2 error(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("name.json(2): UnknownProperty at $.extra", error.Message, StringComparison.Ordinal);
        Assert.Contains("name.json(3): UnknownProperty at $.more", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The issue-15 rules, one row each: the JSON (each record on its own line, so the line is that of the record) and
    /// the one error it must give.
    /// </summary>
    public static TheoryData<string, string, DataErrorKind, string, int> Issue15Rules() => new()
    {
        { "participant names nothing", Events("""{ "id": "t-e", "kind": "Raid", "title": "T", "participants": [{ "role": "Captor" }] }"""), DataErrorKind.MissingValue, "$.events[0].participants[0]", 3 },
        { "participant names two", Events("""{ "id": "t-e", "kind": "Raid", "title": "T", "participants": [{ "agency": "ec-pne", "person": "jose-jeri", "role": "Captor" }] }"""), DataErrorKind.InvalidValue, "$.events[0].participants[0]", 3 },
        { "participant without role", Events("""{ "id": "t-e", "kind": "Raid", "title": "T", "participants": [{ "agency": "ec-pne" }] }"""), DataErrorKind.MissingValue, "$.events[0].participants[0].role", 3 },
        { "participant with unknown role", Events("""{ "id": "t-e", "kind": "Raid", "title": "T", "participants": [{ "agency": "ec-pne", "role": "Bystander" }] }"""), DataErrorKind.UnknownEnumMember, "$.events[0].participants[0].role", 3 },
        { "participant null", Events("""{ "id": "t-e", "kind": "Raid", "title": "T", "participants": [null] }"""), DataErrorKind.MissingValue, "$.events[0].participants[0]", 3 },
        { "basis without date", Events("""{ "id": "t-e", "kind": "Raid", "title": "T", "dateBasis": "Inferred" }"""), DataErrorKind.InvalidValue, "$.events[0].dateBasis", 3 },
        { "UpperBound on a closed date", Events("""{ "id": "t-e", "kind": "Raid", "title": "T", "date": "2013-11", "dateBasis": "UpperBound" }"""), DataErrorKind.InvalidDate, "$.events[0].dateBasis", 3 },
        { "LowerBound on a closed date", Accords("""{ "id": "t-a", "title": "T", "kind": "Treaty", "signed": "2013", "signedBasis": "LowerBound" }"""), DataErrorKind.InvalidDate, "$.accords[0].signedBasis", 3 },
        { "open start without basis", Events("""{ "id": "t-e", "kind": "Raid", "title": "T", "date": "..2013-11-25" }"""), DataErrorKind.InvalidDate, "$.events[0].date", 3 },
        { "open end with the wrong basis", Statements("""{ "id": "t-s", "speaker": "jose-jeri", "summary": "S", "source": "src-000", "date": "2022-10..", "dateBasis": "UpperBound" }"""), DataErrorKind.InvalidDate, "$.statements[0].date", 3 },
        { "unknown basis", Events("""{ "id": "t-e", "kind": "Raid", "title": "T", "date": "2013", "dateBasis": "Guessed" }"""), DataErrorKind.UnknownEnumMember, "$.events[0].dateBasis", 3 },
        { "valueTo without Range", Statistics("""{ "id": "t-s", "metric": "FuelStolenVolume", "value": 1, "valueTo": 2, "unit": "gal", "source": "src-000" }"""), DataErrorKind.InvalidValue, "$.statistics[0].valueTo", 3 },
        { "Range without valueTo", Statistics("""{ "id": "t-s", "metric": "FuelStolenVolume", "value": 1, "valueBasis": "Range", "unit": "gal", "source": "src-000" }"""), DataErrorKind.InvalidValue, "$.statistics[0].valueBasis", 3 },
        { "Range not rising", Statistics("""{ "id": "t-s", "metric": "FuelStolenVolume", "value": 5, "valueTo": 5, "valueBasis": "Range", "unit": "gal", "source": "src-000" }"""), DataErrorKind.InvalidValue, "$.statistics[0].valueTo", 3 },
        { "equivalentTo in the same unit", Statistics(
            """{ "id": "t-pen", "metric": "FuelPrice", "nations": ["PER"], "value": 9, "unit": "PEN", "period": "2013", "source": "src-000" }""",
            """{ "id": "t-pen2", "metric": "FuelPrice", "nations": ["PER"], "value": 8, "unit": "PEN", "period": "2013", "equivalentTo": "t-pen", "source": "src-000" }"""), DataErrorKind.InvalidValue, "$.statistics[1].equivalentTo", 4 },
        { "equivalentTo of another period", Statistics(
            """{ "id": "t-pen", "metric": "FuelPrice", "nations": ["PER"], "value": 9, "unit": "PEN", "period": "2013", "source": "src-000" }""",
            """{ "id": "t-usd", "metric": "FuelPrice", "nations": ["PER"], "value": 3, "unit": "USD", "period": "2014", "equivalentTo": "t-pen", "source": "src-000" }"""), DataErrorKind.InvalidValue, "$.statistics[1].equivalentTo", 4 },
        { "unknown time unit", Statistics("""{ "id": "t-s", "metric": "FuelStolenVolume", "value": 1, "per": "Fortnight", "unit": "gal", "source": "src-000" }"""), DataErrorKind.UnknownEnumMember, "$.statistics[0].per", 3 },
        { "statement without speaker", Statements("""{ "id": "t-s", "summary": "S", "source": "src-000" }"""), DataErrorKind.MissingValue, "$.statements[0]", 3 },
        { "statement without summary", Statements("""{ "id": "t-s", "speaker": "jose-jeri", "source": "src-000" }"""), DataErrorKind.MissingValue, "$.statements[0].summary", 3 },
        { "person without name or alias", People("""{ "id": "t-p", "sources": ["src-000"] }"""), DataErrorKind.MissingValue, "$.people[0].name", 3 },
        { "plannedFor on a signed accord", Accords("""{ "id": "t-a", "title": "T", "kind": "Treaty", "status": "Signed", "plannedFor": "2012-03", "plannedForBasis": "Stated" }"""), DataErrorKind.InvalidValue, "$.accords[0].plannedFor", 3 },
        { "borders on a city", Places("""{ "id": "t-p", "name": "T", "kind": "City", "borders": ["PER", "ECU"] }"""), DataErrorKind.InvalidValue, "$.places[0].borders", 3 },
        { "place without kind", Places("""{ "id": "t-p", "name": "T" }"""), DataErrorKind.MissingValue, "$.places[0].kind", 3 },
        { "organization of unknown kind", Organizations("""{ "id": "t-o", "name": "T", "kind": "Club" }"""), DataErrorKind.UnknownEnumMember, "$.organizations[0].kind", 3 },
        { "dangling place", Events("""{ "id": "t-e", "kind": "Raid", "title": "T", "place": "atlantis" }"""), DataErrorKind.DanglingReference, "$.events[0].place", 3 },
        { "dangling site", Events("""{ "id": "t-e", "kind": "Raid", "title": "T", "sites": ["atlantis"] }"""), DataErrorKind.DanglingReference, "$.events[0].sites[0]", 3 },
        { "dangling organization", Events("""{ "id": "t-e", "kind": "Raid", "title": "T", "organizations": ["t-nobody"] }"""), DataErrorKind.DanglingReference, "$.events[0].organizations[0]", 3 },
        { "dangling partOf", Events("""{ "id": "t-e", "kind": "Raid", "title": "T", "partOf": "t-nothing" }"""), DataErrorKind.DanglingReference, "$.events[0].partOf", 3 },
        { "dangling worksFor", Organizations("""{ "id": "t-o", "name": "T", "kind": "CriminalGroup", "worksFor": "t-nobody" }"""), DataErrorKind.DanglingReference, "$.organizations[0].worksFor", 3 },
        { "dangling relays", Sources("""{ "id": "t-src", "kind": "NewsSite", "relays": ["t-nothing"] }"""), DataErrorKind.DanglingReference, "$.sources[0].relays[0]", 3 },
        { "dangling statistic place", Statistics("""{ "id": "t-s", "metric": "BorderLength", "value": 1, "unit": "km", "place": "atlantis", "source": "src-000" }"""), DataErrorKind.DanglingReference, "$.statistics[0].place", 3 },
        { "dangling statement speaker", Statements("""{ "id": "t-s", "speaker": "t-nobody", "summary": "S", "source": "src-000" }"""), DataErrorKind.DanglingReference, "$.statements[0].speaker", 3 },
        { "dangling participant organization", Events("""{ "id": "t-e", "kind": "Raid", "title": "T", "participants": [{ "organization": "t-nobody", "role": "Target" }] }"""), DataErrorKind.DanglingReference, "$.events[0].participants[0].organization", 3 },
        { "dangling role organization", People("""{ "id": "t-p", "name": "T", "roles": [{ "title": "Leader", "organization": "t-nobody" }] }"""), DataErrorKind.DanglingReference, "$.people[0].roles[0].organization", 3 },
        { "dangling role predecessor", People("""{ "id": "t-p", "name": "T", "roles": [{ "title": "Minister", "predecessor": "t-nobody" }] }"""), DataErrorKind.DanglingReference, "$.people[0].roles[0].predecessor", 3 },
        { "cycle through within", Places("""{ "id": "t-a", "name": "A", "kind": "City", "within": "t-b" }""", """{ "id": "t-b", "name": "B", "kind": "Region", "within": "t-a" }"""), DataErrorKind.ReferenceCycle, "$.places[1].within", 4 },
        { "cycle through partOf", Events("""{ "id": "t-a", "kind": "Meeting", "title": "A", "partOf": "t-b" }""", """{ "id": "t-b", "kind": "Meeting", "title": "B", "partOf": "t-a" }"""), DataErrorKind.ReferenceCycle, "$.events[1].partOf", 4 },
        { "cycle through worksFor", Organizations("""{ "id": "t-a", "name": "A", "kind": "CriminalGroup", "worksFor": "t-a" }"""), DataErrorKind.ReferenceCycle, "$.organizations[0].worksFor", 3 },
        { "cycle through relays", Sources("""{ "id": "t-a", "kind": "NewsSite", "relays": ["t-b"] }""", """{ "id": "t-b", "kind": "NewsSite", "relays": ["t-a"] }"""), DataErrorKind.ReferenceCycle, "$.sources[1].relays", 4 },
        { "top-level participants", "{\n  \"participants\": []\n}", DataErrorKind.UnknownProperty, "$.participants", 2 },
        { "top-level affiliations", "{\n  \"affiliations\": []\n}", DataErrorKind.UnknownProperty, "$.affiliations", 2 },
    };

    [Theory]
    [MemberData(nameof(Issue15Rules))]
    public void Load_Issue15Rule_IsReportedWithItsPathAndLine_AndTheStoreIsUnchanged(string rule, string json, DataErrorKind kind, string path, int line)
    {
        Assert.False(string.IsNullOrEmpty(rule));
        AssertErrors(json, (kind, path, line));
    }

    [Fact]
    public void Load_DanglingParticipant_IsReportedAtItsOwnLineInsideTheEvent()
    {
        const string json = """
            {
              "events": [
                {
                  "id": "t-e",
                  "kind": "Capture",
                  "title": "T",
                  "participants": [
                    { "agency": "ec-pne", "role": "Captor" },
                    { "agency": "t-no-such-agency", "role": "Captor" }
                  ]
                }
              ]
            }
            """;

        var error = AssertErrors(json, (DataErrorKind.DanglingReference, "$.events[0].participants[1].agency", 9));

        Assert.Contains("No record in agencies has the key 't-no-such-agency'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TopLevelParticipants_SaysTheSetIsComputed()
    {
        var error = Fails(BorderStore.Default, "{\n  \"participants\": []\n}");

        Assert.Contains("'participants' is computed by the store from the events' participants", error.Message, StringComparison.Ordinal);
    }

    private static string Set(string name, string[] records) =>
        "{\n  \"" + name + "\": [\n    " + string.Join(",\n    ", records) + "\n  ]\n}";

    private static string Events(params string[] records) => Set("events", records);

    private static string Accords(params string[] records) => Set("accords", records);

    private static string Statistics(params string[] records) => Set("statistics", records);

    private static string Statements(params string[] records) => Set("statements", records);

    private static string People(params string[] records) => Set("people", records);

    private static string Places(params string[] records) => Set("places", records);

    private static string Organizations(params string[] records) => Set("organizations", records);

    private static string Sources(params string[] records) => Set("sources", records);

    private static BorderDataException Fails(BorderStore store, string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return Assert.Throws<BorderDataException>(() => BorderDataset.Load(store, stream, Name));
    }

    /// <summary>
    /// Loads <paramref name="json"/> into the bundled store and asserts it is rejected with exactly the expected errors
    /// (compared as a set, all in <see cref="Name"/>), and that the bundled store is unchanged.
    /// </summary>
    private static BorderDataException AssertErrors(string json, params (DataErrorKind Kind, string Path, int Line)[] expected)
    {
        var store = BorderStore.Default;
        var before = StoreCounts.Of(store);

        var error = Fails(store, json);

        Assert.Equal(
            expected.Select(e => (e.Kind, e.Path, (int?)e.Line, (string?)Name)).OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Kind),
            error.Errors.Select(e => (e.Kind, e.Path, e.Line, e.File)).OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Kind));
        StoreCounts.AssertDefaultUnchanged(before, store);
        return error;
    }
}
