namespace BorderDomain.Tests.Generators;

/// <summary>
/// The C# of a consumer's own <c>[QuerySet]</c> records that generator tests feed to the generator: border stations and
/// the crossings through them, with a key, a reference, an enum, a number, a text index and an unindexed field. One
/// copy, so every test binds against the same records; a test that edits them does so on this text.
/// </summary>
internal static class ConsumerSources
{
    /// <summary>The records <c>Consumer.Station</c> (set <c>stations</c>) and <c>Consumer.Crossing</c> (set <c>crossings</c>).</summary>
    internal const string Records = """
        using BorderDomain.Model;
        using BorderDomain.Schema;

        namespace Consumer;

        public enum Mode { Road = 1, Foot, River }

        [QuerySet("stations")]
        public sealed record Station
        {
            [Indexed(IndexKind.Key)] public required string Id { get; init; }
            public required string Name { get; init; }
            [Indexed] public required NationCode Nation { get; init; }
            public int Lanes { get; init; }
        }

        [QuerySet("crossings")]
        public sealed record Crossing
        {
            [Indexed(IndexKind.Key)] public required string Id { get; init; }
            [Indexed, References("stations")] public required string Station { get; init; }
            [Indexed] public required Mode Mode { get; init; }
            [Indexed(IndexKind.Sorted)] public required decimal People { get; init; }
            [Indexed(IndexKind.Text)] public string Note { get; init; } = "";
        }
        """;
}
