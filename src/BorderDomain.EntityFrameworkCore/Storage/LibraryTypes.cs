using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using BorderDomain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BorderDomain.EntityFrameworkCore.Storage;

/// <summary>How the library's value types and collection shapes map onto EF Core.</summary>
internal static class LibraryTypes
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters =
        {
            new TextJsonConverter<NationCode>(NationCodeConverter.Instance),
            new TextJsonConverter<PartialDate>(PartialDateConverter.Instance),
            new TextJsonConverter<Period>(PeriodConverter.Instance),
            new TextJsonConverter<Unit>(UnitConverter.Instance),
            new TextJsonConverter<Quantity>(QuantityConverter.Instance),
        },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The converter for one of the library's value types, or <see langword="null"/>.</summary>
    internal static ValueConverter? ConverterFor(Type type) =>
        type == typeof(NationCode) ? NationCodeConverter.Instance
        : type == typeof(PartialDate) ? PartialDateConverter.Instance
        : type == typeof(Period) ? PeriodConverter.Instance
        : type == typeof(Unit) ? UnitConverter.Instance
        : type == typeof(Quantity) ? QuantityConverter.Instance
        : null;

    /// <summary>Whether values of the type are stored as text.</summary>
    internal static bool IsText(Type type) => type == typeof(string) || ConverterFor(type) is not null;

    /// <summary>A class other than <see cref="string"/>: stored as JSON when it is the element of an <see cref="ImmutableArray{T}"/>.</summary>
    internal static bool IsJsonElement(Type type) => type.IsClass && type != typeof(string);

    /// <summary>
    /// The element type of a collection property EF maps as a primitive collection (<c>T[]</c>, <c>List&lt;T&gt;</c>,
    /// <c>IReadOnlyList&lt;T&gt;</c> …) whose elements are library value types, or <see langword="null"/>.
    /// </summary>
    internal static Type? CollectionElement(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        var element = type.IsArray ? type.GetElementType()
            : type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(IEnumerable<>).MakeGenericType(type.GetGenericArguments()[0]).IsAssignableFrom(type)
                ? type.GetGenericArguments()[0]
                : null;
        return element is not null && ConverterFor(Nullable.GetUnderlyingType(element) ?? element) is not null ? element : null;
    }

    /// <summary>Maps an <see cref="ImmutableArray{T}"/> of records BDQ does not query (e.g. <see cref="PersonRole"/>) as one JSON text column.</summary>
    internal static void MapAsJson(EntityTypeBuilder entity, PropertyInfo property)
    {
        var element = property.PropertyType.GetGenericArguments()[0];
        var method = typeof(LibraryTypes).GetMethod(nameof(MapAsJsonCore), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(element);
        method.Invoke(null, [entity, property.Name]);
    }

    private static void MapAsJsonCore<T>(EntityTypeBuilder entity, string name)
    {
        var converter = new ValueConverter<ImmutableArray<T>, string>(
            items => JsonSerializer.Serialize(items.IsDefault ? ImmutableArray<T>.Empty : items, Json),
            text => JsonSerializer.Deserialize<ImmutableArray<T>>(text, Json));
        var comparer = new ValueComparer<ImmutableArray<T>>(
            (left, right) => left.IsDefault ? right.IsDefault || right.IsEmpty : !right.IsDefault && left.SequenceEqual(right),
            items => items.IsDefault ? 0 : items.Length,
            items => items);
        entity.Property(name).HasConversion(converter, comparer).IsRequired();
    }

    /// <summary>A System.Text.Json converter writing a value type as the text its EF converter stores.</summary>
    private sealed class TextJsonConverter<T>(ValueConverter converter) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (T)converter.ConvertFromProvider(reader.GetString())!;

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue((string)converter.ConvertToProvider(value)!);
    }
}
