using Xunit;

namespace BorderDomain.Tests.Rendering;

/// <summary>
/// Tests that start other processes (a browser, <c>dotnet run</c>): run alone, after the parallel tests, so their CPU
/// use does not slow the timing-sensitive tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTestCollection
{
    public const string Name = "External processes";
}
