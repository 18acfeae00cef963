using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.EntityFrameworkCore.Metadata;
using BorderDomain.EntityFrameworkCore.Storage;
using BorderDomain.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BorderDomain.EntityFrameworkCore;

/// <summary>Maps BDQ record types (types with <see cref="QuerySetAttribute"/>) onto EF Core: <see cref="ApplyBdqConventions"/>.</summary>
public static class BdqModelBuilderExtensions
{
    // Set by Npgsql's model-initialized convention before OnModelCreating runs; no other provider sets it.
    private const string NpgsqlMarker = "Npgsql:ValueGenerationStrategy";

    /// <summary>
    /// Configures every entity type already in the model whose CLR type has <see cref="QuerySetAttribute"/> (declare them
    /// first: a <c>DbSet</c> property or <c>modelBuilder.Entity&lt;T&gt;()</c> is enough), so BDQ queries translate and
    /// answer as in memory:
    /// <list type="bullet">
    /// <item>value converters for <c>NationCode</c> (alpha-3), <c>PartialDate</c> and <c>Period</c> (their text),
    /// <c>Unit</c> (its code) and <c>Quantity</c> (<c>value unit</c>), on scalars and on collection elements;</item>
    /// <item>an <c>ImmutableArray&lt;T&gt;</c> property, which EF Core cannot materialize, is stored in the column of its
    /// name through a shadow <c>T[]</c> primitive collection (<see cref="BdqColumns.Values"/>; an array on PostgreSQL,
    /// JSON on SQLite) and copied back into the record on load by <see cref="BdqDbContextOptionsExtensions.UseBdq"/>'s
    /// interceptor; one of a type BDQ cannot query (e.g. <c>PersonRole</c>) becomes a JSON text column;</item>
    /// <item>the columns BDQ's semantics need (<see cref="BdqColumns"/>), filled in .NET on every save by <c>UseBdq</c>
    /// with the core's own rules: folded text for each text field and each text list's elements, the code text of
    /// nation codes and units, first and last day numbers for each date and period;</item>
    /// <item>the set's key as the primary key, and indexes derived from <see cref="IndexedAttribute"/>: b-tree for keys,
    /// codes, numbers and day numbers; on PostgreSQL GIN for collections and a <c>pg_trgm</c> trigram GIN for
    /// <see cref="IndexKind.Text"/> fields (the extension is declared in the model);</item>
    /// <item>on PostgreSQL the collation <c>"C"</c> on every text column of these types, so ordering is ordinal
    /// code-point order like the in-memory engine's, whatever the database's default collation (SQLite's default
    /// BINARY collation already is).</item>
    /// </list>
    /// </summary>
    /// <param name="modelBuilder">The model builder, in <c>OnModelCreating</c>.</param>
    /// <returns>The same model builder.</returns>
    public static ModelBuilder ApplyBdqConventions(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var postgres = modelBuilder.Model.FindAnnotation(NpgsqlMarker) is not null;
        var types = modelBuilder.Model.GetEntityTypes().Select(type => type.ClrType).Distinct().ToList();
        var anyText = false;
        foreach (var type in types)
        {
            if (BdqEntityMap.For(type) is { } map)
            {
                anyText |= Configure(modelBuilder, modelBuilder.Entity(type), map, postgres);
            }
        }

        if (postgres && anyText)
        {
            modelBuilder.HasAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }

        return modelBuilder;
    }

    private static bool Configure(ModelBuilder modelBuilder, EntityTypeBuilder entity, BdqEntityMap map, bool postgres)
    {
        var anyText = false;
        var key = map.Schema.Key;
        if (key is not null && entity.Metadata.FindPrimaryKey() is null)
        {
            entity.HasKey(key.PropertyName);
        }

        foreach (var array in map.Arrays)
        {
            if (LibraryTypes.IsJsonElement(array.ElementType))
            {
                // EF took the element type for an entity type through the property, as a navigation; it is a value here.
                if (BdqEntityMap.For(array.ElementType) is null)
                {
                    modelBuilder.Ignore(array.ElementType);
                }

                LibraryTypes.MapAsJson(entity, array.Property);
                continue;
            }

            entity.Ignore(array.Property.Name);

            var shadow = entity.PrimitiveCollection(array.ShadowType, array.ShadowName).HasColumnName(array.Property.Name).IsRequired();
            if (LibraryTypes.ConverterFor(array.ElementType) is { } elementConverter)
            {
                shadow.ElementType().HasConversion(elementConverter);
            }

            if (postgres && LibraryTypes.IsText(array.ElementType))
            {
                shadow.UseCollation("C");
            }
        }

        foreach (var property in map.Type.GetProperties().Where(p => p.SetMethod is not null && !map.Arrays.Any(a => a.Property == p)))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (property.GetCustomAttributes(typeof(QueryFieldAttribute), true) is [QueryFieldAttribute { Ignore: true }] && LibraryTypes.ConverterFor(type) is null)
            {
                continue;
            }

            if (LibraryTypes.ConverterFor(type) is { } converter)
            {
                var scalar = entity.Property(property.Name).HasConversion(converter);
                if (postgres)
                {
                    scalar.UseCollation("C");
                }
            }
            else if (LibraryTypes.CollectionElement(property.PropertyType) is { } element)
            {
                var collection = entity.PrimitiveCollection(property.Name);
                if (LibraryTypes.ConverterFor(element) is { } elementConverter)
                {
                    collection.ElementType().HasConversion(elementConverter);
                }

                if (postgres && LibraryTypes.IsText(element))
                {
                    collection.UseCollation("C");
                }
            }
            else if (postgres && type == typeof(string))
            {
                entity.Property(property.Name).UseCollation("C");
            }
        }

        foreach (var derived in map.Derived)
        {
            if (derived.IsCollection)
            {
                var collection = entity.PrimitiveCollection(derived.ClrType, derived.Name).HasColumnName(derived.Name).IsRequired();
                if (postgres)
                {
                    collection.UseCollation("C");
                }
            }
            else
            {
                var property = entity.Property(derived.ClrType, derived.Name).HasColumnName(derived.Name);
                if (postgres && derived.ClrType == typeof(string))
                {
                    property.UseCollation("C");
                }
            }
        }

        foreach (var field in map.Schema.Fields)
        {
            anyText |= AddIndexes(entity, map, field, postgres);
        }

        return anyText;
    }

    // The indexes the in-memory store keeps for a field, as database indexes; true when a trigram index was added.
    private static bool AddIndexes(EntityTypeBuilder entity, BdqEntityMap map, FieldSchema field, bool postgres)
    {
        if (field.Index is not { } index)
        {
            return false;
        }

        var derived = map.Derived.Where(d => d.Field == field).ToList();
        string Column(DerivedKind kind) => derived.First(d => d.Kind == kind).Name;
        var stored = map.Arrays.FirstOrDefault(a => a.Property.Name == field.PropertyName)?.ShadowName ?? field.PropertyName;
        if (field.IsCollection)
        {
            if (postgres)
            {
                Gin(entity.HasIndex(field.Kind == FieldKind.String ? Column(DerivedKind.FoldedElements) : stored));
            }

            return false;
        }

        switch (field.Kind)
        {
            case FieldKind.String when index == IndexKind.Text:
                if (postgres)
                {
                    Gin(entity.HasIndex(Column(DerivedKind.Folded))).HasAnnotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
                    return true;
                }

                entity.HasIndex(Column(DerivedKind.Folded));
                return false;
            case FieldKind.String:
                entity.HasIndex(Column(DerivedKind.Folded));
                return false;
            case FieldKind.Date or FieldKind.Period:
                entity.HasIndex(Column(DerivedKind.FirstDay));
                entity.HasIndex(Column(DerivedKind.LastDay));
                return false;
            default:
                if (index != IndexKind.Key)
                {
                    entity.HasIndex(field.PropertyName);
                }

                return false;
        }
    }

    private static IndexBuilder Gin(IndexBuilder index) => index.HasAnnotation("Npgsql:IndexMethod", "gin");
}
