using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
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
        var readers = ImmutableArray.CreateBuilder<FieldReader<T>>();
        var skipped = ImmutableArray.CreateBuilder<SkippedProperty>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var options = property.GetCustomAttribute<QueryFieldAttribute>();
            if (options?.Ignore == true || property.GetIndexParameters().Length != 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            var name = options?.Name ?? SchemaConventions.FieldName(property.Name);
            if (Describe(property, name) is not { } field)
            {
                // The generator skips it too, and warns (BDQ1010): SchemaConventions.KindOf decides for both.
                skipped.Add(new SkippedProperty { Name = name, PropertyName = property.Name, TypeName = DisplayName(property.PropertyType) });
                continue;
            }

            fields.Add(field);
            readers.Add(ReaderOf<T>(property, field.IsCollection));
        }

        var schema = new EntitySetSchema
        {
            Name = set.Name,
            RecordTypeName = type.FullName ?? type.Name,
            Fields = fields.ToImmutable(),
            SkippedProperties = skipped.ToImmutable(),
        };
        return new QuerySetMetadata<T>(schema, readers.ToImmutable());
    }

    // A typed reader over the property's own getter (an open delegate: no reflection per call). Without dynamic code
    // (native AOT) a generic method cannot be instantiated over a value type found at run time: the reader then reads
    // through PropertyInfo, boxed, as the generator's registration (which AOT apps have) makes reflection unnecessary.
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Guarded by RuntimeFeature.IsDynamicCodeSupported; without it the boxed reader is used.")]
    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "The generic methods are this type's own, instantiated over the record type and its property's types, which the app keeps.")]
    private static FieldReader<T> ReaderOf<T>(PropertyInfo property, bool isCollection)
        where T : class
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported || property.GetMethod is not { IsPublic: true, IsStatic: false } getter)
        {
            return FieldReader.Boxed<T>(property.GetValue, isCollection);
        }

        var type = property.PropertyType;
        var (factory, argument) = !isCollection ? (nameof(ValueOf), type)
            : type.IsArray ? (nameof(ArrayOf), type.GetElementType()!)
            : type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) ? (nameof(ImmutableArrayOf), type.GetGenericArguments()[0])
            : type.GetGenericTypeDefinition() == typeof(System.Collections.Generic.List<>) ? (nameof(ListOf), type.GetGenericArguments()[0])
            : (nameof(ReadOnlyListOf), type.GetGenericArguments()[0]);
        var method = typeof(QuerySetReflector).GetMethod(factory, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(typeof(T), argument);
        return (FieldReader<T>)method.Invoke(null, [getter])!;
    }

    private static FieldReader<T> ValueOf<T, TValue>(MethodInfo getter)
        where T : class => FieldReader.Value(getter.CreateDelegate<Func<T, TValue>>());

    private static FieldReader<T> ArrayOf<T, TElement>(MethodInfo getter)
        where T : class => FieldReader.Collection(getter.CreateDelegate<Func<T, TElement[]?>>());

    private static FieldReader<T> ImmutableArrayOf<T, TElement>(MethodInfo getter)
        where T : class => FieldReader.Collection(getter.CreateDelegate<Func<T, ImmutableArray<TElement>>>());

    private static FieldReader<T> ListOf<T, TElement>(MethodInfo getter)
        where T : class => FieldReader.Collection(getter.CreateDelegate<Func<T, System.Collections.Generic.List<TElement>?>>());

    private static FieldReader<T> ReadOnlyListOf<T, TElement>(MethodInfo getter)
        where T : class => FieldReader.Collection(getter.CreateDelegate<Func<T, System.Collections.Generic.IReadOnlyList<TElement>?>>());

    private static FieldSchema? Describe(PropertyInfo property, string name)
    {
        var type = property.PropertyType;
        var isCollection = false;
        if (type.IsArray && type.GetArrayRank() == 1)
        {
            type = type.GetElementType()!;
            isCollection = true;
        }
        else if (type.IsGenericType && SchemaConventions.IsListType(type.GetGenericTypeDefinition().FullName ?? string.Empty))
        {
            type = type.GetGenericArguments()[0];
            isCollection = true;
        }

        var underlying = Nullable.GetUnderlyingType(type);
        var isNullable = underlying is not null || (!type.IsValueType && IsNullableReference(property));
        type = underlying ?? type;

        if (SchemaConventions.KindOf(type.FullName ?? type.Name, type.IsEnum) is not { } kind)
        {
            return null;
        }

        var indexed = property.GetCustomAttribute<IndexedAttribute>();
        return new FieldSchema
        {
            Name = name,
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

    // Full names with generic arguments in angle brackets, as the generator names the type of a skipped property.
    private static string DisplayName(Type type)
    {
        if (type.IsArray)
        {
            return DisplayName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        var name = (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName ?? type.Name;
        if (!type.IsGenericType)
        {
            return name.Replace('+', '.');
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return (tick < 0 ? name : name[..tick]).Replace('+', '.') + "<" + string.Join(", ", type.GetGenericArguments().Select(DisplayName)) + ">";
    }

    private static bool IsNullableReference(PropertyInfo property) =>
        new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;

}
