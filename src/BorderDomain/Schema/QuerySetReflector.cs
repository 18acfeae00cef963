using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace BorderDomain.Schema;

/// <summary>Reads a record type's query metadata from its attributes.</summary>
internal static class QuerySetReflector
{
    internal static QuerySetMetadata<T> Read<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>()
        where T : class
    {
        var type = typeof(T);
        var set = type.GetCustomAttribute<QuerySetAttribute>()
            ?? throw new InvalidOperationException($"{type.FullName} has no [QuerySet] attribute.");

        var fields = ImmutableArray.CreateBuilder<FieldSchema>();
        var getters = ImmutableArray.CreateBuilder<Func<T, object?>>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var options = property.GetCustomAttribute<QueryFieldAttribute>();
            if (options?.Ignore == true || property.GetIndexParameters().Length != 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            fields.Add(Describe(type, property, options?.Name));
            var getter = property;
            getters.Add(record => getter.GetValue(record));
        }

        var schema = new EntitySetSchema { Name = set.Name, RecordTypeName = type.FullName ?? type.Name, Fields = fields.ToImmutable() };
        return new QuerySetMetadata<T>(schema, getters.ToImmutable());
    }

    private static FieldSchema Describe(Type owner, PropertyInfo property, string? name)
    {
        var type = property.PropertyType;
        var isCollection = false;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            type = type.GetGenericArguments()[0];
            isCollection = true;
        }

        var underlying = Nullable.GetUnderlyingType(type);
        var isNullable = underlying is not null || (!type.IsValueType && IsNullableReference(property));
        type = underlying ?? type;

        var kind = SchemaConventions.KindOf(type.FullName ?? type.Name, type.IsEnum)
            ?? throw new InvalidOperationException($"{owner.FullName}.{property.Name} has type {type.Name}, which queries cannot use; mark it [QueryField(Ignore = true)].");
        var indexed = property.GetCustomAttribute<IndexedAttribute>();
        return new FieldSchema
        {
            Name = name ?? SchemaConventions.FieldName(property.Name),
            PropertyName = property.Name,
            Kind = kind,
            TypeName = type.FullName ?? type.Name,
            IsCollection = isCollection,
            IsNullable = isNullable,
            Index = indexed is null ? null : SchemaConventions.ResolveIndex(indexed.Kind, kind),
            References = property.GetCustomAttribute<ReferencesAttribute>()?.Set,
            EnumMembers = kind == FieldKind.Enum ? Enum.GetNames(type) : [],
        };
    }

    private static bool IsNullableReference(PropertyInfo property) =>
        new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;

}
