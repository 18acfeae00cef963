using System;
using System.Collections.Generic;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Data;

/// <summary>
/// Checks a whole set of records before it becomes a snapshot: unique keys per set, every
/// <see cref="ReferencesAttribute"/> field pointing at an existing key, and no cycles through references within a set.
/// Works from each record type's schema, so users' own record types are checked the same way.
/// </summary>
internal static class DatasetValidator
{
    /// <summary>The records of one set, with each record's origin where it came from a file.</summary>
    internal interface ISet
    {
        EntitySetSchema Schema { get; }

        int Count { get; }

        object Record(int row);

        /// <summary>
        /// The key texts (<see cref="RecordKey.Text"/>) of field <paramref name="field"/>'s values in every row, in one
        /// pass through the field's typed reader (no value is boxed): row <c>r</c>'s values (a collection's elements in
        /// order, or the one value; null for a missing one) are <paramref name="values"/>[<paramref name="starts"/>[r]..<paramref name="starts"/>[r + 1]].
        /// Both lists are cleared first; <paramref name="starts"/> ends with the values' count.
        /// </summary>
        void KeyTexts(int field, List<string?> values, List<int> starts);
    }

    /// <summary>
    /// What <see cref="BorderStoreBuilder.Build()"/> does (through <see cref="DataHooks.BuildChecked"/>): checks the
    /// builder's records and builds the snapshot.
    /// </summary>
    /// <exception cref="BorderDataException">The records are inconsistent; the first <see cref="BorderDataset.DefaultMaxErrors"/> problems are listed and the rest counted.</exception>
    internal static BorderStore BuildChecked(BorderStoreBuilder builder)
    {
        var errors = new DataErrorSink(BorderDataset.DefaultMaxErrors);
        Validate(builder, RecordOrigins.None, errors);
        return errors.Total > 0 ? throw new BorderDataException(errors.Kept, errors.Omitted) : builder.BuildValidated();
    }

    /// <summary>
    /// Reports every consistency error of a builder's records (keys, references, cycles, equivalent statistics),
    /// without building anything. The computed sets are derived first, each row with the origin of the record it comes
    /// from (<c>$.events[3].participants[1]</c>), so that their references are checked with paths and lines.
    /// </summary>
    internal static void Validate(BorderStoreBuilder builder, RecordOrigins origins, DataErrorSink errors)
    {
        // A row of a record that came from no file is named by that record's place in the builder: events[3].participants[1].
        origins.ClearDerived();
        builder.DeriveComputed(origins.AddDerived);
        var sets = new ISet[BundledSets.All.Length];
        foreach (var set in BundledSets.All)
        {
            sets[set.Index] = set.ToValidate(builder);
        }

        Validate(sets, origins, errors);
    }

    /// <summary>Reports every consistency error of <paramref name="sets"/> to <paramref name="errors"/>.</summary>
    internal static void Validate(IReadOnlyList<ISet> sets, IReadOnlyDictionary<object, RecordOrigin> origins, DataErrorSink errors)
    {
        var keys = new Dictionary<string, Dictionary<string, int>>(StringComparer.OrdinalIgnoreCase);
        var scratch = new KeyTextLists();
        foreach (var set in sets)
        {
            keys[set.Schema.Name] = CheckKeys(set, scratch, origins, errors);
        }

        for (var i = 0; i < sets.Count; i++)
        {
            CheckReferences(sets[i], BundledSets.Find(sets[i].Schema.Name), keys, scratch, origins, errors);
            CheckCycles(sets[i], keys[sets[i].Schema.Name], scratch, origins, errors);
            if (sets[i].Count > 0 && sets[i].Record(0) is Statistic)
            {
                CheckEquivalents(sets[i], keys[sets[i].Schema.Name], origins, errors);
            }
        }
    }

    // A statistic's equivalentTo names the same figure in another unit: same metric, nations (in any order) and period.
    private static void CheckEquivalents(ISet set, Dictionary<string, int> rowByKey, IReadOnlyDictionary<object, RecordOrigin> origins, DataErrorSink errors)
    {
        for (var row = 0; row < set.Count; row++)
        {
            var statistic = (Statistic)set.Record(row);
            if (statistic.EquivalentTo is not { Length: > 0 } key || !rowByKey.TryGetValue(key, out var target))
            {
                continue; // none, or dangling (reported as such)
            }

            var other = (Statistic)set.Record(target);
            var same = other.Metric == statistic.Metric && other.Period == statistic.Period && other.Unit != statistic.Unit
                && new HashSet<NationCode>(other.Nations).SetEquals(statistic.Nations);
            if (!same)
            {
                if (errors.HasRoom)
                {
                    errors.Add(Error(set, row, origins, ".equivalentTo", DataErrorKind.InvalidValue, DataMessages.NotEquivalent(key)));
                }
                else
                {
                    errors.Omit(); // counted, not built
                }
            }
        }
    }

    private static Dictionary<string, int> CheckKeys(ISet set, KeyTextLists scratch, IReadOnlyDictionary<object, RecordOrigin> origins, DataErrorSink errors)
    {
        // A computed set's keys come from its parents' (an event's id and a position): a repeat is the parent's, reported there.
        var computed = BundledSets.Find(set.Schema.Name)?.Store.Computed == true;
        var rows = new Dictionary<string, int>(set.Count, FoldedTextComparer.Instance);
        var keyField = set.Schema.IndexOfField(set.Schema.Key?.Name ?? string.Empty);
        if (keyField < 0)
        {
            return rows;
        }

        var (texts, starts) = (scratch.Values, scratch.Starts);
        set.KeyTexts(keyField, texts, starts);
        for (var row = 0; row < set.Count; row++)
        {
            // A missing key was already reported by the reader; it is not a duplicate.
            var key = starts[row + 1] > starts[row] ? texts[starts[row]] : null;
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }

            if (!rows.TryAdd(key, row) && !computed)
            {
                var first = Where(set, rows[key], origins);
                if (errors.HasRoom)
                {
                    errors.Add(Error(set, row, origins, "." + set.Schema.Fields[keyField].Name, DataErrorKind.DuplicateId, DataMessages.DuplicateKey(set.Schema.Fields[keyField].Name, key, first)));
                }
                else
                {
                    errors.Omit(); // counted, not built
                }
            }
        }

        return rows;
    }

    private static void CheckReferences(
        ISet set,
        BundledSet? entry,
        Dictionary<string, Dictionary<string, int>> keys,
        KeyTextLists scratch,
        IReadOnlyDictionary<object, RecordOrigin> origins,
        DataErrorSink errors)
    {
        var (values, starts) = (scratch.Values, scratch.Starts);
        for (var field = 0; field < set.Schema.Fields.Count; field++)
        {
            var schema = set.Schema.Fields[field];
            if (schema.References is not { } target || entry?.ChecksReferences(schema.Name) == false)
            {
                continue;
            }

            keys.TryGetValue(target, out var targetKeys);
            set.KeyTexts(field, values, starts);
            for (var row = 0; row < set.Count; row++)
            {
                for (var at = starts[row]; at < starts[row + 1]; at++)
                {
                    if (values[at] is { Length: > 0 } key && targetKeys?.ContainsKey(key) != true)
                    {
                        var position = at - starts[row];
                        var suffix = schema.IsCollection ? $".{schema.Name}[{position}]" : $".{schema.Name}";
                        if (errors.HasRoom)
                        {
                            errors.Add(Error(set, row, origins, suffix, DataErrorKind.DanglingReference, DataMessages.DanglingReference(target, key)));
                        }
                        else
                        {
                            errors.Omit(); // counted, not built
                        }
                    }
                }
            }
        }
    }

    private static void CheckCycles(
        ISet set,
        Dictionary<string, int> rowByKey,
        KeyTextLists scratch,
        IReadOnlyDictionary<object, RecordOrigin> origins,
        DataErrorSink errors)
    {
        for (var field = 0; field < set.Schema.Fields.Count; field++)
        {
            var schema = set.Schema.Fields[field];
            if (!string.Equals(schema.References, set.Schema.Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Each row's targets through this field, in value order (row targets[starts[row]..starts[row + 1]]), then an
            // iterative three-colour depth-first search over them.
            var (starts, targets) = Targets(set, field, rowByKey, scratch);
            var state = new byte[set.Count]; // 0 unvisited, 1 on the stack, 2 done
            var stack = new Stack<(int Row, int Next)>();
            for (var start = 0; start < set.Count; start++)
            {
                if (state[start] != 0)
                {
                    continue;
                }

                stack.Push((start, starts[start]));
                state[start] = 1;
                while (stack.Count > 0)
                {
                    var (row, next) = stack.Pop();
                    if (next == starts[row + 1])
                    {
                        state[row] = 2;
                        continue;
                    }

                    stack.Push((row, next + 1));
                    var target = targets[next];
                    if (state[target] == 1)
                    {
                        if (errors.HasRoom)
                        {
                            errors.Add(Error(set, row, origins, "." + schema.Name, DataErrorKind.ReferenceCycle, DataMessages.ReferenceCycle(schema.Name, Where(set, target, origins))));
                        }
                        else
                        {
                            errors.Omit(); // counted, not built
                        }
                    }
                    else if (state[target] == 0)
                    {
                        state[target] = 1;
                        stack.Push((target, starts[target]));
                    }
                }
            }
        }
    }

    // The rows each row's values of the field name (those that exist), in value order, as offsets and one flat array.
    private static (int[] Starts, List<int> Targets) Targets(ISet set, int field, Dictionary<string, int> rowByKey, KeyTextLists scratch)
    {
        var (values, valueStarts) = (scratch.Values, scratch.Starts);
        set.KeyTexts(field, values, valueStarts);
        var starts = new int[set.Count + 1];
        var targets = new List<int>();
        for (var row = 0; row < set.Count; row++)
        {
            starts[row] = targets.Count;
            for (var at = valueStarts[row]; at < valueStarts[row + 1]; at++)
            {
                if (values[at] is { } key && rowByKey.TryGetValue(key, out var target))
                {
                    targets.Add(target);
                }
            }
        }

        starts[set.Count] = targets.Count;
        return (starts, targets);
    }

    private static string Where(ISet set, int row, IReadOnlyDictionary<object, RecordOrigin> origins) =>
        origins.TryGetValue(set.Record(row), out var origin)
            ? origin.File is null ? origin.Path : DataMessages.RecordInFile(origin.Path, origin.File)
            : DataMessages.RecordInStore(set.Schema.Name, row);

    /// <summary>An error at <paramref name="suffix"/> inside a record: its file, path and line where it came from a file.</summary>
    private static DataError Error(ISet set, int row, IReadOnlyDictionary<object, RecordOrigin> origins, string suffix, DataErrorKind kind, string message) =>
        origins.TryGetValue(set.Record(row), out var origin)
            ? new DataError { Kind = kind, Message = message, Path = origin.Path + suffix, File = origin.File, Line = origin.Lines?.LineOf(origin.Path + suffix) }
            : new DataError { Kind = kind, Message = message, Path = $"{set.Schema.Name}[{row}]{suffix}" };

    /// <summary>The lists one field's key texts are read into (<see cref="ISet.KeyTexts"/>), reused from field to field and set to set.</summary>
    private sealed class KeyTextLists
    {
        public List<string?> Values { get; } = [];

        public List<int> Starts { get; } = [];
    }

    /// <summary>Adapts an <see cref="EntityTable{T}"/>-to-be: a list of records and their metadata.</summary>
    internal sealed class ListSet<T>(QuerySetMetadata<T> metadata, IReadOnlyList<T> records) : ISet
        where T : class
    {
        public EntitySetSchema Schema => metadata.Schema;

        public int Count => records.Count;

        public object Record(int row) => records[row];

        // One key-text reader per field, made on first use from the field's typed reader.
        private readonly KeyTextReader?[] _keyTexts = new KeyTextReader?[metadata.Schema.Fields.Count];

        public void KeyTexts(int field, List<string?> values, List<int> starts)
        {
            values.Clear();
            starts.Clear();
            var reader = _keyTexts[field] ??= metadata.Readers[field].Accept(KeyTextReaders.Instance);
            reader.Read(records, values, starts);
        }

        private abstract class KeyTextReader
        {
            internal abstract void Read(IReadOnlyList<T> records, List<string?> values, List<int> starts);
        }

        private sealed class KeyTextReaders : IFieldReaderVisitor<T, KeyTextReader>
        {
            internal static readonly KeyTextReaders Instance = new();

            public KeyTextReader VisitValue<TValue>(ValueReader<T, TValue> reader) => new OfValue<TValue>(reader);

            public KeyTextReader VisitCollection<TElement>(CollectionReader<T, TElement> reader) => new OfElements<TElement>(reader);
        }

        private sealed class OfValue<TValue>(ValueReader<T, TValue> reader) : KeyTextReader
        {
            internal override void Read(IReadOnlyList<T> records, List<string?> values, List<int> starts)
            {
                var read = reader.Getter;
                for (var row = 0; row < records.Count; row++)
                {
                    starts.Add(row);
                    values.Add(TypedValues.KeyText(read(records[row])));
                }

                starts.Add(records.Count);
            }
        }

        private sealed class OfElements<TElement>(CollectionReader<T, TElement> reader) : KeyTextReader
        {
            internal override void Read(IReadOnlyList<T> records, List<string?> values, List<int> starts)
            {
                for (var row = 0; row < records.Count; row++)
                {
                    starts.Add(values.Count);
                    foreach (var element in reader.Read(records[row]))
                    {
                        values.Add(TypedValues.KeyText(element));
                    }
                }

                starts.Add(values.Count);
            }
        }
    }
}
