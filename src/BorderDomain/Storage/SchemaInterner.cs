using BorderDomain.Schema;

namespace BorderDomain.Storage;

/// <summary>
/// Hands out one schema object per distinct schema (compared by value) among the few most recently seen, so
/// snapshots of the same record types share it and compiled queries cached against one snapshot's schema are
/// reused by the next instead of being bound again.
/// </summary>
internal static class SchemaInterner
{
    private const int Capacity = 8;

    private static readonly object Gate = new();
    private static readonly QuerySchema?[] Recent = new QuerySchema?[Capacity];

    /// <summary>The schema equal to <paramref name="schema"/> handed out before, or <paramref name="schema"/> itself.</summary>
    internal static QuerySchema Intern(QuerySchema schema)
    {
        lock (Gate)
        {
            for (var i = 0; i < Recent.Length; i++)
            {
                if (Recent[i] is { } known && known.Equals(schema))
                {
                    return MoveToFront(i, known);
                }
            }

            return MoveToFront(Recent.Length - 1, schema);
        }
    }

    // Puts the schema first, shifting the entries before position 'from' down by one (the last one drops out).
    private static QuerySchema MoveToFront(int from, QuerySchema schema)
    {
        for (var i = from; i > 0; i--)
        {
            Recent[i] = Recent[i - 1];
        }

        Recent[0] = schema;
        return schema;
    }
}
