using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using BorderDomain.Storage;

namespace BorderDomain.Data;

/// <summary>Gives the store the data layer's parts of its API (<see cref="DataHooks"/>) as soon as this assembly loads.</summary>
internal static class DataModule
{
    /// <summary>Sets <see cref="DataHooks"/>: checking a builder's records and loading the bundled dataset.</summary>
    [ModuleInitializer]
    [SuppressMessage(
        "Usage",
        "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "It only sets two internal delegates of this assembly, so Storage can call the data layer above it without depending on it; nothing outside the assembly is touched or initialised.")]
    internal static void Initialize()
    {
        DataHooks.BuildChecked = DatasetValidator.BuildChecked;
        DataHooks.LoadBundled = BorderDataset.LoadBundled;
    }
}
