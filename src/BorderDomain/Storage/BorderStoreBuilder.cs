using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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

    /// <summary>Builds the snapshot from records the data layer's validator found consistent.</summary>
    internal BorderStore BuildValidated()
    {
        DeriveComputed();
        return new(StoreSets.All.Select(set => set.Build(this)).ToArray());
    }

    /// <summary>
    /// Rebuilds the computed sets: one <see cref="Participation"/> per participant of each event (in event order, id
    /// <c>event#position</c>, the event's sources) and one <see cref="Affiliation"/> per role of each person (id
    /// <c>person#position</c>, the person's sources). <paramref name="derived"/> is told of each row, the record it
    /// comes from, that record's set and row, and the path suffix inside it (<c>.participants[0]</c>, <c>.roles[2]</c>).
    /// </summary>
    internal void DeriveComputed(Action<object, object, string, int, string>? derived = null)
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
                derived?.Invoke(participation, e, "events", row, $".participants[{i}]");
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
                derived?.Invoke(affiliation, person, "people", row, $".roles[{i}]");
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
        var groups = new Dictionary<string, Claim>(StringComparer.Ordinal);
        var keys = new string[statistics.Count];
        for (var i = 0; i < statistics.Count; i++)
        {
            var key = keys[i] = ClaimKey(statistics[i]);
            var value = statistics[i].Value;
            if (!groups.TryGetValue(key, out var claim))
            {
                groups[key] = new Claim(value, Differs: false);
            }
            else if (!claim.Differs && claim.FirstValue != value)
            {
                groups[key] = claim with { Differs = true };
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
    internal static string ClaimKey(Statistic statistic) => string.Join(
        "|",
        statistic.Metric,
        string.Join(",", statistic.Nations.Select(code => code.Alpha3).Order(StringComparer.Ordinal)),
        statistic.Agency?.ToUpperInvariant(),
        statistic.Place?.ToUpperInvariant(),
        statistic.Period?.ToString(),
        statistic.Unit.Code);

    // A claim key's first value, and whether another member of the group has a different one.
    private readonly record struct Claim(decimal FirstValue, bool Differs);
}
