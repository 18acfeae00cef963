using BorderDomain.Data;
using Xunit;

namespace BorderDomain.Tests.Loading;

/// <summary>
/// Values of the wrong JSON type: every one is reported (not only the first), in the data file's own words (an array,
/// a string, a record), never in .NET type names, each with its JSON path and line; the load stays all or nothing.
/// </summary>
public sealed class WrongTypeTests
{
    [Fact]
    public void Load_SeveralValuesOfTheWrongType_ReportsEveryOneInTheFilesWords()
    {
        const string json = """
            {
              "accords": [
                1,
                {
                  "id": "t-a",
                  "title": "A",
                  "kind": "Treaty",
                  "parties": "PER",
                  "topics": [1, "IllegalMining"],
                  "signed": 2013
                }
              ],
              "statistics": { "id": "t-s" },
              "people": [
                { "id": "t-p", "name": "P", "roles": "chief" },
                { "id": "t-q", "name": "Q", "roles": [true, { "title": ["T"] }] }
              ]
            }
            """;

        LoadAssert.Rejects(
            json,
            (DataErrorKind.MalformedJson, "$.accords[0]", 3, "Expected an accord record, found a number."),
            (DataErrorKind.MalformedJson, "$.accords[1].parties", 8, "Expected an array of strings, found a string."),
            (DataErrorKind.MalformedJson, "$.accords[1].topics[0]", 9, "Expected a string, found a number."),
            (DataErrorKind.MalformedJson, "$.accords[1].signed", 10, "Expected a string, found a number."),
            (DataErrorKind.MalformedJson, "$.statistics", 13, "Expected an array of statistic records, found an object."),
            (DataErrorKind.MalformedJson, "$.people[0].roles", 15, "Expected an array of role records, found a string."),
            (DataErrorKind.MalformedJson, "$.people[1].roles[0]", 16, "Expected a role record, found true."),
            (DataErrorKind.MalformedJson, "$.people[1].roles[1].title", 16, "Expected a string, found an array."));
    }

    [Theory]
    [InlineData("""{ "accords": "none" }""", "$.accords", "Expected an array of accord records, found a string.")]
    [InlineData("""{ "sources": [false] }""", "$.sources[0]", "Expected a source record, found false.")]
    [InlineData("""{ "nations": [[]] }""", "$.nations[0]", "Expected a nation record, found an array.")]
    [InlineData("""{ "agencies": 7 }""", "$.agencies", "Expected an array of agency records, found a number.")]
    [InlineData("""{ "events": [ { "id": "t-e", "kind": "Meeting", "title": "E", "people": {} } ] }""", "$.events[0].people", "Expected an array of strings, found an object.")]
    [InlineData("""[]""", "$", "Expected an object, found an array.")]
    [InlineData("""null""", "$", "Expected an object, found null.")]
    [InlineData("\"accords\"", "$", "Expected an object, found a string.")]
    public void Load_ValueOfTheWrongType_ReportsWhatWasExpectedAndFound(string json, string path, string message)
    {
        LoadAssert.Rejects(json, (DataErrorKind.MalformedJson, path, 1, message));
    }

    [Theory]
    [InlineData("\"abc\"", "Expected a number, found a string (\"abc\").")]
    [InlineData("true", "Expected a number, found true.")]
    [InlineData("[1]", "Expected a number, found an array.")]
    public void Load_StatisticValueThatIsNotANumber_ReportsInvalidValueSayingWhatWasFound(string value, string message)
    {
        var json = $$"""{ "statistics": [ { "id": "t-s", "metric": "BorderLength", "value": {{value}}, "unit": "km", "source": "src-000" } ] }""";

        LoadAssert.Rejects(json, (DataErrorKind.InvalidValue, "$.statistics[0].value", 1, message));
    }
}
