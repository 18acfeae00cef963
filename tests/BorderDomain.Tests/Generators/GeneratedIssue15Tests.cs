using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Generators;

/// <summary>
/// Typed <see cref="BdqQueryAttribute"/> methods on the issue-15 sets (the computed participants and affiliations,
/// places) and the documented sub-query spelling for roles: the generator compiles them with the one binder and
/// planner, and they answer as the run-time executor does, order included.
/// </summary>
public sealed class GeneratedIssue15Tests
{
    private const string Source = """
        using System.Collections.Generic;
        using BorderDomain.Model;
        using BorderDomain.Query;
        using BorderDomain.Storage;
        namespace Consumer;
        public static partial class Roles
        {
            [BdqQuery("participants where role = @role order by id")]
            public static partial IReadOnlyList<Participation> InRole(BorderStore store, ParticipantRole role);

            [BdqQuery("events where id in (participants where agency = @agency and role = @role select event) order by date")]
            public static partial IReadOnlyList<Event> EventsOf(BorderStore store, string agency, ParticipantRole role);

            [BdqQuery("people where id in (affiliations where agency = \"pe-ombudsman\" and from <= 2005 select person)")]
            public static partial IReadOnlyList<Person> OmbudsmanStaffBy2005(BorderStore store);

            [BdqQuery("events where place.name = @name or sites has @site count")]
            public static partial int AtPlace(BorderStore store, string name, string site);

            [BdqQuery("participants group by role count order by count desc, role")]
            public static partial IReadOnlyList<IReadOnlyList<object?>> ByRole(BorderStore store);
        }
        """;

    private static readonly BorderStore Store = BorderStore.Default;

    private static readonly Lazy<Assembly> Compiled = new(() =>
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(Source);
        Assert.Empty(diagnostics);
        return GeneratorHarness.Load(output);
    });

    private static object? Call(string method, params object?[] arguments) => GeneratorHarness.Invoke(Compiled.Value, "Consumer.Roles", method, arguments);

    private static Dictionary<string, object?> Parameters(params (string Name, object? Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);

    [Theory]
    [InlineData(ParticipantRole.Captor)]
    [InlineData(ParticipantRole.Delegate)]
    [InlineData(ParticipantRole.Appointee)]
    public void ParticipantsInARole_AnswerAsTheExecutor(ParticipantRole role)
    {
        var expected = Bdq.Execute(Store, "participants where role = @role order by id", Parameters(("role", role))).Records;

        var generated = ((IEnumerable)Call("InRole", role)!).Cast<object>().ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, generated);
        Assert.All(generated, row => Assert.Equal(role, ((Participation)row).Role));
    }

    [Fact]
    public void EventsWhereAnAgencyHadARole_GoThroughTheSubqueryAsTheExecutorDoes()
    {
        const string Query = "events where id in (participants where agency = @agency and role = @role select event) order by date";
        var parameters = Parameters(("agency", "ec-pne"), ("role", ParticipantRole.Captor));
        var expected = Bdq.Execute(Store, Query, parameters).Records;

        var generated = ((IEnumerable)Call("EventsOf", "ec-pne", ParticipantRole.Captor)!).Cast<object>().ToList();

        Assert.Equal(expected, generated);
        Assert.Equal(["el-empresario-capture-2012"], generated.Select(e => ((Event)e).Id));
    }

    [Fact]
    public void PeopleByAffiliation_AndEventsByPlaceName_AnswerAsTheExecutor()
    {
        var people = ((IEnumerable)Call("OmbudsmanStaffBy2005")!).Cast<object>().ToList();
        var atTumbes = (int)Call("AtPlace", "Tumbes", "aguas-verdes")!;
        var byRole = (IReadOnlyList<IReadOnlyList<object?>>)Call("ByRole")!;

        Assert.Equal(Bdq.Execute(Store, "people where id in (affiliations where agency = \"pe-ombudsman\" and from <= 2005 select person)").Records, people);
        Assert.Equal(["walter-alban-peralta"], people.Select(p => ((Person)p).Id));
        Assert.Equal(Bdq.Execute(Store, "events where place.name = \"Tumbes\" or sites has \"aguas-verdes\" count").Count, atTumbes);
        Assert.Equal(2, atTumbes);
        var expected = Bdq.Execute(Store, "participants group by role count order by count desc, role").Rows;
        Assert.Equal(expected.Select(r => r.ToArray()), byRole.Select(r => r.ToArray()));
        Assert.Equal(Store.Participants.Count, byRole.Sum(r => Convert.ToInt32(r[1], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
