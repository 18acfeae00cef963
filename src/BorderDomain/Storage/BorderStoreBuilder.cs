using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using BorderDomain.Model;

namespace BorderDomain.Storage;

/// <summary>
/// Collects records for the next <see cref="BorderStore"/> snapshot. Not thread-safe; the snapshot it builds is.
/// </summary>
public sealed class BorderStoreBuilder
{
    /// <summary>The sources.</summary>
    public List<Source> Sources { get; } = [];

    /// <summary>The nations.</summary>
    public List<Nation> Nations { get; } = [];

    /// <summary>The agencies.</summary>
    public List<Agency> Agencies { get; } = [];

    /// <summary>The people.</summary>
    public List<Person> People { get; } = [];

    /// <summary>The accords.</summary>
    public List<Accord> Accords { get; } = [];

    /// <summary>The statistics (their <see cref="Statistic.Disputed"/> flags are recomputed by <see cref="Build()"/>).</summary>
    public List<Statistic> Statistics { get; } = [];

    /// <summary>The events (each participant's reference is added to its agencies, people or organizations by <see cref="Build()"/>).</summary>
    public List<Event> Events { get; } = [];

    /// <summary>The organizations.</summary>
    public List<Organization> Organizations { get; } = [];

    /// <summary>The places.</summary>
    public List<Place> Places { get; } = [];

    /// <summary>The statements.</summary>
    public List<Statement> Statements { get; } = [];

    /// <summary>The participants computed from <see cref="Events"/> by <see cref="DeriveComputed"/>; never filled by hand.</summary>
    internal List<Participation> Participants { get; } = [];

    /// <summary>The affiliations computed from <see cref="People"/> by <see cref="DeriveComputed"/>; never filled by hand.</summary>
    internal List<Affiliation> Affiliations { get; } = [];

    /// <summary>
    /// Checks the records (unique keys, no dangling references, no reference cycles), marks disputed statistics and
    /// builds the snapshot with all its indexes.
    /// </summary>
    /// <exception cref="Data.BorderDataException">The records are inconsistent; the first <see cref="Data.BorderDataset.DefaultMaxErrors"/> problems are listed and the rest counted.</exception>
    public BorderStore Build() => DataHooks.Required(DataHooks.BuildChecked, nameof(DataHooks.BuildChecked))(this);

    /// <summary>The fewest records (all sets together) for which <see cref="BuildValidated"/> builds the tables on more than one core.</summary>
    internal const int ParallelBuildRecords = 20_000;

    /// <summary>
    /// Builds the snapshot from records the data layer's validator found consistent. The tables are independent of
    /// each other, so a large builder's are built on the machine's cores (<see cref="BuildTables"/>).
    /// </summary>
    internal BorderStore BuildValidated()
    {
        DeriveComputed();
        return new(BuildTables(Environment.ProcessorCount));
    }

    /// <summary>The snapshot of tables built by <see cref="StartTables"/> and finished: the records must have been validated.</summary>
    internal static BorderStore FromTables(TableBuild build) => new(build.Finish());

    /// <summary>
    /// Every set's table, in <see cref="StoreSets.All"/> order, on up to <paramref name="maxDegree"/> cores
    /// (<see cref="StartTables"/>, on this thread): the same tables, and the same exception, as one core gives.
    /// </summary>
    internal IEntityTable[] BuildTables(int maxDegree) => StartTables(maxDegree, computed: true, background: false).Finish();

    /// <summary>
    /// The tables of the sets, the computed ones too when <paramref name="computed"/> (their records must be derived by
    /// then, and stay as they are), to be built on up to <paramref name="maxDegree"/> cores, the largest sets first
    /// (one core for fewer than <see cref="ParallelBuildRecords"/> records). With <paramref name="background"/> and
    /// that many records they start at once on the thread pool, otherwise in <see cref="TableBuild.Finish"/>. Each
    /// table is built from its own set's records alone, read and not changed, so the builder's other lists may be read
    /// (and its computed ones derived, when not <paramref name="computed"/>) meanwhile, but not changed.
    /// </summary>
    internal TableBuild StartTables(int maxDegree, bool computed, bool background)
    {
        var sets = StoreSets.All;
        var sizes = new int[sets.Length];
        var total = 0L;
        var order = new List<int>(sets.Length);
        for (var i = 0; i < sets.Length; i++)
        {
            total += sizes[i] = sets[i].Count(this);
            if (computed || !sets[i].Computed)
            {
                order.Add(i);
            }
        }

        // Largest first, so the big tables start at once and the small ones fill in around them.
        order.Sort((a, b) => sizes[b] != sizes[a] ? sizes[b].CompareTo(sizes[a]) : a.CompareTo(b));
        var large = total >= ParallelBuildRecords;
        return new TableBuild(this, order.ToArray(), large ? maxDegree : 1, background && large);
    }

    /// <summary>Tables being built (<see cref="StartTables"/>), each set's table or its exception kept by set.</summary>
    internal sealed class TableBuild
    {
        private readonly BorderStoreBuilder _builder;
        private readonly int[] _order;
        private readonly int _maxDegree;
        private readonly IEntityTable?[] _tables = new IEntityTable?[StoreSets.All.Length];
        private readonly ExceptionDispatchInfo?[] _failures = new ExceptionDispatchInfo?[StoreSets.All.Length];
        private readonly Task? _running;
        private volatile bool _cancelled;

        internal TableBuild(BorderStoreBuilder builder, int[] order, int maxDegree, bool background)
        {
            _builder = builder;
            _order = order;
            _maxDegree = Math.Max(1, maxDegree);
            _running = background ? Task.Run(Run) : null;
        }

        /// <summary>
        /// Builds the tables (or waits for those started), then those of the sets left out (computed ones), and answers
        /// every table in store order. If any build threw, throws the exception of the first such set in store order,
        /// as building them one after the other would.
        /// </summary>
        public IEntityTable[] Finish()
        {
            if (_running is null)
            {
                Run();
            }
            else
            {
                _running.Wait();
            }

            for (var set = 0; set < _tables.Length; set++)
            {
                if (_tables[set] is null && _failures[set] is null)
                {
                    Build(set);
                }

                _failures[set]?.Throw();
            }

            return _tables!;
        }

        /// <summary>Stops starting tables and waits for those being built: they are not wanted (the records were rejected).</summary>
        public void Cancel()
        {
            _cancelled = true;
            _running?.Wait();
        }

        private void Run()
        {
            if (_maxDegree == 1)
            {
                foreach (var set in _order)
                {
                    Build(set);
                }

                return;
            }

            Parallel.ForEach(
                Partitioner.Create(_order, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = _maxDegree },
                (set, loop) =>
                {
                    if (_cancelled)
                    {
                        loop.Stop();
                        return;
                    }

                    Build(set);
                });
        }

        // One set's table, or the exception its build threw (kept, so that the others are still built and the first in store order is the one thrown).
        private void Build(int set)
        {
            try
            {
                _tables[set] = StoreSets.All[set].Build(_builder);
            }
            catch (Exception exception)
            {
                _failures[set] = ExceptionDispatchInfo.Capture(exception);
            }
        }
    }

    /// <summary>
    /// Rebuilds the computed sets: one <see cref="Participation"/> per participant of each event (in event order, id
    /// <c>event#position</c>, the event's sources) and one <see cref="Affiliation"/> per role of each person (id
    /// <c>person#position</c>, the person's sources). <paramref name="derived"/> is told of each row, the record it
    /// comes from, that record's set and row, and the property and position inside it (<c>participants</c>, 0).
    /// </summary>
    internal void DeriveComputed(Action<object, object, string, int, string, int>? derived = null)
    {
        Participants.Clear();
        for (var row = 0; row < Events.Count; row++)
        {
            var e = Events[row];
            for (var i = 0; i < e.Participants.Length; i++)
            {
                var p = e.Participants[i];
                var participation = new Participation
                {
                    Id = string.Concat(e.Id, "#", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    Event = e.Id,
                    Agency = p.Agency,
                    Person = p.Person,
                    Organization = p.Organization,
                    Role = p.Role,
                    Sources = e.Sources,
                };
                Participants.Add(participation);
                derived?.Invoke(participation, e, "events", row, "participants", i);
            }
        }

        Affiliations.Clear();
        for (var row = 0; row < People.Count; row++)
        {
            var person = People[row];
            for (var i = 0; i < person.Roles.Length; i++)
            {
                var role = person.Roles[i];
                var affiliation = new Affiliation
                {
                    Id = string.Concat(person.Id, "#", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    Person = person.Id,
                    Title = role.Title,
                    Agency = role.Agency,
                    Organization = role.Organization,
                    From = role.From,
                    FromBasis = role.FromBasis,
                    To = role.To,
                    ToBasis = role.ToBasis,
                    Predecessor = role.Predecessor,
                    Sources = person.Sources,
                };
                Affiliations.Add(affiliation);
                derived?.Invoke(affiliation, person, "people", row, "roles", i);
            }
        }
    }

    /// <summary>
    /// Each event with its participants' references added (at the end, in participant order, each once) to its
    /// agencies, people and organizations, which keep meaning "everyone who took part, in any role".
    /// </summary>
    internal static List<Event> AddParticipants(IReadOnlyList<Event> events)
    {
        var result = new List<Event>(events.Count);
        foreach (var e in events)
        {
            if (e.Participants.IsDefaultOrEmpty)
            {
                result.Add(e);
                continue;
            }

            var agencies = e.Agencies;
            var people = e.People;
            var organizations = e.Organizations;
            foreach (var p in e.Participants)
            {
                agencies = With(agencies, p.Agency);
                people = With(people, p.Person);
                organizations = With(organizations, p.Organization);
            }

            result.Add(agencies == e.Agencies && people == e.People && organizations == e.Organizations
                ? e
                : e with { Agencies = agencies, People = people, Organizations = organizations });
        }

        return result;

        static ImmutableArray<string> With(ImmutableArray<string> ids, string? id)
        {
            if (id is null)
            {
                return ids;
            }

            foreach (var existing in ids)
            {
                if (string.Equals(existing, id, StringComparison.OrdinalIgnoreCase))
                {
                    return ids;
                }
            }

            return ids.IsDefault ? [id] : ids.Add(id);
        }
    }

    /// <summary>
    /// Marks a statistic disputed when another has the same metric, nations (in any order), agency, place, period
    /// and unit but a different value. Claims in different units are not compared. Linear: one pass groups the
    /// claims by key and notes whether each group holds two different values (then every member of it has another
    /// with a different value, so every member is disputed; otherwise none is), a second pass reads the flags.
    /// </summary>
    internal static List<Statistic> MarkDisputed(IReadOnlyList<Statistic> statistics)
    {
        var groups = new Dictionary<Claim, (decimal FirstValue, bool Differs)>(statistics.Count);
        var keys = new Claim[statistics.Count];
        for (var i = 0; i < statistics.Count; i++)
        {
            var key = keys[i] = ClaimKey(statistics[i]);
            var value = statistics[i].Value;
            ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, key, out var exists);
            if (!exists)
            {
                group = (value, false);
            }
            else if (!group.Differs && group.FirstValue != value)
            {
                group.Differs = true;
            }
        }

        var result = new List<Statistic>(statistics.Count);
        for (var i = 0; i < statistics.Count; i++)
        {
            var disputed = groups[keys[i]].Differs;
            result.Add(statistics[i].Disputed == disputed ? statistics[i] : statistics[i] with { Disputed = disputed });
        }

        return result;
    }

    /// <summary>What makes two statistics the same claim: metric, nations in any order, agency, place, period, unit.</summary>
    internal static Claim ClaimKey(Statistic statistic) => new(statistic);

    /// <summary>
    /// A statistic's claim (<see cref="ClaimKey"/>): two are equal when their metric, nations (as a multiset), agency
    /// and place (ignoring case; absent and empty alike), period and unit are. Made without strings.
    /// </summary>
    internal readonly struct Claim : IEquatable<Claim>
    {
        private readonly Statistic _statistic;
        private readonly NationCode[]? _nations; // sorted, when the statistic's are not already
        private readonly int _hash;

        public Claim(Statistic statistic)
        {
            _statistic = statistic;
            var nations = statistic.Nations.IsDefault ? [] : statistic.Nations.AsSpan();
            for (var i = 1; i < nations.Length; i++)
            {
                if (nations[i - 1].GetHashCode() > nations[i].GetHashCode())
                {
                    _nations = nations.ToArray();
                    Array.Sort(_nations, static (a, b) => a.GetHashCode().CompareTo(b.GetHashCode()));
                    break;
                }
            }

            var hash = new HashCode();
            hash.Add(statistic.Metric);
            foreach (var code in Nations)
            {
                hash.Add(code);
            }

            hash.Add(statistic.Agency ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            hash.Add(statistic.Place ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            hash.Add(statistic.Period);
            hash.Add(statistic.Unit);
            _hash = hash.ToHashCode();
        }

        // The nations in one order (of their codes' numbers), so that equal multisets are equal sequences.
        private ReadOnlySpan<NationCode> Nations => _nations ?? (_statistic.Nations.IsDefault ? [] : _statistic.Nations.AsSpan());

        public static bool operator ==(Claim left, Claim right) => left.Equals(right);

        public static bool operator !=(Claim left, Claim right) => !left.Equals(right);

        public bool Equals(Claim other) =>
            _hash == other._hash
            && _statistic.Metric == other._statistic.Metric
            && Nations.SequenceEqual(other.Nations)
            && string.Equals(_statistic.Agency ?? string.Empty, other._statistic.Agency ?? string.Empty, StringComparison.OrdinalIgnoreCase)
            && string.Equals(_statistic.Place ?? string.Empty, other._statistic.Place ?? string.Empty, StringComparison.OrdinalIgnoreCase)
            && _statistic.Period == other._statistic.Period
            && _statistic.Unit == other._statistic.Unit;

        public override bool Equals(object? obj) => obj is Claim other && Equals(other);

        public override int GetHashCode() => _hash;
    }
}
