using System;
using System.Globalization;
using System.Text.Json;

namespace BorderDomain.Data;

/// <summary>
/// Every sentence the loader writes into a <see cref="DataError"/> or <see cref="BorderDataException"/>, in one place:
/// the binder's, the reader's and the consistency checks of <see cref="DatasetValidator"/>.
/// </summary>
internal static class DataMessages
{
    /// <summary>The longest excerpt of a value quoted in a message; longer ones are cut with an ellipsis.</summary>
    private const int MaxExcerpt = 40;

    // The load as a whole.
    public const string Rejected = "The data was rejected.";

    public static string RejectedWith(long total) => Format($"The data was rejected with {total} error(s):");

    public static string MoreErrors(long omitted) => omitted == 1 ? "… and 1 more error." : Format($"… and {omitted} more errors.");

    // Paths and files.
    public const string PathNull = "The path is null.";

    public const string PathEmpty = "The path is empty.";

    public const string PathHasNul = "The path contains a NUL character.";

    public const string PathIsDirectory = "The path names a directory, not a file.";

    public static string Unreadable(string reason) => $"The file cannot be read: {reason}";

    public static string TooLarge(long maxFileBytes) => Format($"The file is larger than the limit of {maxFileBytes} bytes.");

    public static string TooLarge(long length, long maxFileBytes) => Format($"The file is {length} bytes, larger than the limit of {maxFileBytes} bytes.");

    public const string NotUtf8 = "The file is not UTF-8 text.";

    // JSON text.
    public const string DuplicateProperty = "The property is written twice; keep one.";

    public static string LoneSurrogateInName(string rawName, string escape) =>
        $"The property name \"{Excerpt(rawName)}\" contains {escape}, half of a surrogate pair without its other half.";

    public static string LoneSurrogateInString(string escape) =>
        $"The string contains {escape}, half of a surrogate pair without its other half.";

    /// <summary><c>Expected an array of accord records, found a string.</c></summary>
    public static string WrongType(string expected, JsonValueKind found) => $"Expected {expected}, found {Found(found)}.";

    /// <summary>How a JSON value of this kind is named in a message: <c>a string</c>, <c>an array</c>, <c>true</c> …</summary>
    public static string Found(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    public const string AnObject = "an object";

    public const string AString = "a string";

    public const string AnArrayOfStrings = "an array of strings";

    public static string ARecord(string noun) => $"{Article(noun)} {noun} record";

    public static string AnArrayOfRecords(string noun) => $"an array of {noun} records";

    // Records and values.
    public const string RecordNull = "Expected a record, found null.";

    public const string RoleNull = "Expected a role, found null.";

    public const string ParticipantNull = "Expected a participant, found null.";

    public const string ParticipantNamesNone = "A participant names an agency, a person or an organization; this one names none.";

    public const string ParticipantNamesMany = "A participant names exactly one of an agency, a person or an organization; this one names more.";

    public const string PersonNameMissing = "Expected a non-empty 'name' or at least one alias.";

    public const string StatementSpeakerMissing = "A statement needs a speaker: 'speaker', 'speakerAgency', 'speakerOrganization' or 'speakerNations'.";

    public const string PlannedForNeedsPlanned = "'plannedFor' is only for an accord whose status is Planned.";

    public const string RangeNeedsValueTo = "A Range needs 'valueTo', its high end.";

    public const string ValueToNeedsRange = "'valueTo' is only for a value whose 'valueBasis' is Range.";

    public const string ValueToNotAbove = "'valueTo' must be greater than 'value'.";

    public static string BordersNeedBorderKind(string kind) => $"'borders' is only for a place of kind Border or BorderRegion, not {kind}.";

    public static string BasisNeedsDate(string basis, string date) => $"'{basis}' needs '{date}'.";

    public static string OpenNeedsBound(string period, string basis, string bound) => $"'{period}' is open on one side, so '{basis}' must be {bound}.";

    public static string BoundOnClosed(string basis, string date) => $"{basis} is only for an open '{date}' (..to or from..), not a closed one.";

    public static string ComputedSet(string set, string from) => $"'{set}' is computed by the store from the {from}; it is not a property of a data file.";

    public static string NotEquivalent(string key) => $"'{key}' is not the same figure in another unit: an equivalent statistic has the same metric, nations and period and a different unit.";

    public static string UnknownProperty(string name) => $"'{name}' is not a property here.";

    public static string Required(string property) => $"Expected a non-empty '{property}'.";

    public const string IdEmpty = "Expected a non-empty id.";

    public const string NationCodeMissing = "Expected an ISO 3166-1 alpha-3 nation code.";

    public static string NotANationCode(string value) => $"'{value}' is not an ISO 3166-1 alpha-3 nation code.";

    public static string NotADate(string value) => $"'{value}' is not a date: expected {Model.PartialDate.Formats}, and a real calendar date.";

    public static string NotAPeriod(string value) => $"'{value}' is not a period: expected yyyy, yyyy-MM, yyyy-MM-dd, from..to, ..to or from.., with real dates, from before to.";

    public const string UnitMissing = "Expected a unit or currency code.";

    public static string NotAUnit(string value, string measurementCodes) => $"'{value}' is neither a known unit ({measurementCodes}) nor an ISO 4217 currency code.";

    public static string EnumMissing(string type, string names) => $"Expected a {type}: one of {names}.";

    public static string NotAnEnumMember(string value, string type, string names) => $"'{value}' is not a {type}: expected one of {names}.";

    // Consistency across records (keys, references, cycles).
    public static string DuplicateKey(string field, string key, string firstUse) => $"The {field} '{key}' is already used by {firstUse}.";

    public static string DanglingReference(string set, string key) => $"No record in {set} has the key '{key}'.";

    public static string ReferenceCycle(string field, string start) => $"Following {field} from {start} leads back to it.";

    public static string RecordInFile(string path, string file) => $"{path} in {file}";

    public static string RecordInStore(string set, int row) => $"{set}[{row}] of the existing store";

    // Numbers.
    public const string NumberMissing = "Expected a number.";

    public static string NotANumber(JsonValueKind found, string raw) => found == JsonValueKind.String
        ? $"Expected a number, found a string ({Excerpt(raw)})."
        : $"Expected a number, found {Found(found)}.";

    public static string NumberOutOfRange(string raw) =>
        $"{Excerpt(raw)} is not representable as a decimal number: its magnitude is larger than {decimal.MaxValue.ToString(CultureInfo.InvariantCulture)}.";

    public static string NumberUnderflow(string raw) =>
        $"{Excerpt(raw)} is not representable as a decimal number: it is not zero, but smaller in magnitude than 0.0000000000000000000000000001, so it would be read as 0.";

    public static string NumberTooPrecise(string raw, decimal rounded) =>
        $"{Excerpt(raw)} is not representable as a decimal number: it has more significant digits than a decimal holds (28 or 29), so it would be read as {rounded.ToString(CultureInfo.InvariantCulture)}.";

    private static string Excerpt(string text) => text.Length <= MaxExcerpt ? text : string.Concat(text.AsSpan(0, MaxExcerpt), "…");

    private static string Article(string noun) => noun.Length > 0 && "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
