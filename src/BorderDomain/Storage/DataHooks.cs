using System;

namespace BorderDomain.Storage;

/// <summary>
/// The two things the store's public API does that belong to the data layer above it: checking a builder's records
/// before <see cref="BorderStoreBuilder.Build()"/> and loading the bundled dataset for <see cref="BorderStore.Default"/>.
/// Storage only calls them; <c>BorderDomain.Data</c> fills them in when this assembly loads (its module initializer),
/// so Storage does not depend on Data and the public API stays where users find it.
/// </summary>
internal static class DataHooks
{
    /// <summary>Checks a builder's records and builds the snapshot, or throws the data layer's error listing the problems.</summary>
    internal static Func<BorderStoreBuilder, BorderStore>? BuildChecked { get; set; }

    /// <summary>Loads the bundled dataset into a new snapshot.</summary>
    internal static Func<BorderStore>? LoadBundled { get; set; }

    /// <summary><paramref name="hook"/>, which the data layer's module initializer has set before any code of this assembly runs.</summary>
    internal static T Required<T>(T? hook, string name)
        where T : Delegate =>
        hook ?? throw new InvalidOperationException($"The data layer did not set {nameof(DataHooks)}.{name}; its module initializer has not run.");
}
