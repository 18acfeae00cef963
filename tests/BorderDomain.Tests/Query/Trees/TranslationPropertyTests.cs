using System.Linq;
using BorderDomain.Query;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Query.Trees;

/// <summary>
/// On random records of a user-shaped type (<see cref="Inspection"/>: lists, DateOnly, DateTime, DateTimeOffset, Guid,
/// decimals, enums, nullables, a reference) and random well-typed queries, the trees of
/// <see cref="BdqQueryable.TryTranslate{T}"/> over LINQ to Objects answer exactly as the in-memory engine does over a
/// store of the same records, order included.
/// </summary>
public sealed class TranslationPropertyTests
{
    [BdqProperty(MaxTest = 60)]
    public void Translate_RandomInspectionsAndQueries_EqualTheInMemoryEngine(InspectionWorld world)
    {
        var store = new QueryStore(
            new EntityTable<Inspection>(QuerySets.For<Inspection>(), world.Inspections),
            new EntityTable<Post>(QuerySets.For<Post>(), world.Posts));
        var sets = new BdqSets().Add(world.Posts.ToList().AsQueryable());
        foreach (var query in world.Queries)
        {
            var expected = Bdq.Execute(store, query);
            var actual = BdqQueryable.Translate(world.Inspections.ToList().AsQueryable(), query, sets: sets).Execute();

            TranslationTests.AssertSameResult(expected, actual, $"{query}   ({world})");
        }
    }

    [Fact]
    public void Schema_UserShapedTypes_AreFieldsOfTheRightKind()
    {
        var schema = QuerySets.For<Inspection>().Schema;

        Assert.Empty(schema.SkippedProperties);
        Assert.Equal(
            [
                ("id", FieldKind.String, false), ("batch", FieldKind.String, false), ("tags", FieldKind.String, true), ("codes", FieldKind.String, true),
                ("nations", FieldKind.Nation, true), ("day", FieldKind.Date, false), ("closed", FieldKind.Date, false), ("seen", FieldKind.Date, false),
                ("logged", FieldKind.Date, false), ("fee", FieldKind.Number, false), ("officers", FieldKind.Number, false), ("lane", FieldKind.Enum, false),
                ("backup", FieldKind.Enum, false), ("note", FieldKind.String, false), ("flagged", FieldKind.Boolean, false), ("post", FieldKind.String, false),
            ],
            schema.Fields.Select(f => (f.Name, f.Kind, f.IsCollection)));
        Assert.True(schema.FindField("closed")!.IsNullable);
        Assert.True(schema.FindField("officers")!.IsNullable);
        Assert.Equal("System.Guid", schema.FindField("batch")!.TypeName);
        Assert.Equal("System.DateTimeOffset", schema.FindField("logged")!.TypeName);
    }
}
