using System.IO;
using System.Linq;
using System.Text;
using BorderDomain.Data;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Loading;

public sealed class DuplicatePropertyTests
{
    [Fact]
    public void Load_PropertyWrittenTwice_IsRejectedWithItsPathAndLine()
    {
        const string json = "{\n  \"sources\": [\n    {\n      \"id\": \"mine\",\n      \"kind\": \"NewsSite\",\n      \"id\": \"other\"\n    }\n  ]\n}\n";
        var before = BorderStore.Default.Sources.Count;

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(BorderStore.Default, new MemoryStream(Encoding.UTF8.GetBytes(json)), "twice.json"));

        var duplicate = Assert.Single(error.Errors);
        Assert.Equal(DataErrorKind.DuplicateProperty, duplicate.Kind);
        Assert.Equal("$.sources[0].id", duplicate.Path);
        Assert.Equal(6, duplicate.Line);
        Assert.Equal("twice.json", duplicate.File);
        Assert.Equal(before, BorderStore.Default.Sources.Count);
        Assert.DoesNotContain(BorderStore.Default.Sources, s => s.Id is "mine" or "other");
    }
}
