using System.Reflection;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Generators;

public sealed class GeneratorLoadTests
{
    [Fact]
    public void LibraryBuild_RanTheGeneratorWithSprache_EmitsGeneratorInfo()
    {
        // The generator reads its version with a Sprache parser; the type exists only if Sprache loaded.
        var type = typeof(BorderStore).Assembly.GetType("BorderDomain.Generated.GeneratorInfo");

        Assert.NotNull(type);
        var version = type.GetField("Version", BindingFlags.Static | BindingFlags.NonPublic);
        Assert.Equal("1.0", version?.GetRawConstantValue());
    }
}
