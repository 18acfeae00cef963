using BorderDomain.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BorderDomain.EntityFrameworkCore.Storage;

/// <summary>Copies the shadow arrays behind <c>ImmutableArray&lt;T&gt;</c> properties into each record EF loads.</summary>
internal sealed class BdqMaterializationInterceptor : IMaterializationInterceptor
{
    internal static BdqMaterializationInterceptor Instance { get; } = new();

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (BdqEntityMap.For(entity.GetType()) is { } map)
        {
            foreach (var array in map.Arrays)
            {
                if (materializationData.EntityType.FindProperty(array.ShadowName) is { } shadow)
                {
                    array.FromArray(entity, materializationData.GetPropertyValue(shadow));
                }
            }
        }

        return entity;
    }
}
