using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace BorderDomain.Schema;

/// <summary>
/// Reads one field of a record without boxing its value: a <see cref="ValueReader{T, TValue}"/> for a single value, a
/// <see cref="CollectionReader{T, TElement}"/> for a collection field's elements. Code that needs the typed value
/// dispatches on the reader with <see cref="Accept{TResult}"/>, which calls back with the value's own type; code that
/// is content with an <see cref="object"/> calls <see cref="ReadBoxed"/> (what <see cref="QuerySetMetadata{T}.Getters"/>
/// return). Create readers with the factory methods of <see cref="FieldReader"/>.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public abstract class FieldReader<T>
    where T : class
{
    private protected FieldReader()
    {
    }

    /// <summary>Whether the field holds several values (a <see cref="CollectionReader{T, TElement}"/>).</summary>
    public abstract bool IsCollection { get; }

    /// <summary>The CLR type of the value (of an element, for a collection), as the reader's type argument names it.</summary>
    public abstract Type ValueType { get; }

    /// <summary>
    /// The field's value as an <see cref="object"/>: the value boxed (a null <see cref="Nullable{T}"/> as
    /// <see langword="null"/>), a collection field's collection itself (an <see cref="ImmutableArray{T}"/> boxed).
    /// </summary>
    public abstract object? ReadBoxed(T record);

    /// <summary>Calls the visitor's method for this reader's shape, with the value's (or element's) type as its type argument.</summary>
    public abstract TResult Accept<TResult>(IFieldReaderVisitor<T, TResult> visitor);
}

/// <summary>Receives a <see cref="FieldReader{T}"/> with its value type as a type argument (see <see cref="FieldReader{T}.Accept{TResult}"/>).</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <typeparam name="TResult">What the visit returns.</typeparam>
public interface IFieldReaderVisitor<T, out TResult>
    where T : class
{
    /// <summary>Visits the reader of a single-valued field whose values are <typeparamref name="TValue"/>.</summary>
    TResult VisitValue<TValue>(ValueReader<T, TValue> reader);

    /// <summary>Visits the reader of a collection field whose elements are <typeparamref name="TElement"/>.</summary>
    TResult VisitCollection<TElement>(CollectionReader<T, TElement> reader);
}

/// <summary>Reads a single-valued field as <typeparamref name="TValue"/>, without boxing.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <typeparam name="TValue">The property's type (a <see cref="Nullable{T}"/> for a nullable value type).</typeparam>
public sealed class ValueReader<T, TValue> : FieldReader<T>
    where T : class
{
    private readonly Func<T, TValue> _read;

    internal ValueReader(Func<T, TValue> read) => _read = read;

    /// <inheritdoc />
    public override bool IsCollection => false;

    /// <inheritdoc />
    public override Type ValueType => typeof(TValue);

    /// <summary>The field's value of <paramref name="record"/>.</summary>
    public TValue Read(T record) => _read(record);

    /// <summary>The getter the reader calls (tests tell the generator's registration from the reflected one by it).</summary>
    internal Func<T, TValue> Getter => _read;

    /// <inheritdoc />
    public override object? ReadBoxed(T record) => _read(record);

    /// <inheritdoc />
    public override TResult Accept<TResult>(IFieldReaderVisitor<T, TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.VisitValue(this);
    }
}

/// <summary>Reads a collection field's elements as <typeparamref name="TElement"/>, by index, without boxing them or the collection.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <typeparam name="TElement">The element type.</typeparam>
public sealed class CollectionReader<T, TElement> : FieldReader<T>
    where T : class
{
    private readonly Func<T, FieldElements<TElement>> _read;
    private readonly Func<T, object?> _boxed;

    internal CollectionReader(Func<T, FieldElements<TElement>> read, Func<T, object?> boxed)
    {
        _read = read;
        _boxed = boxed;
    }

    /// <inheritdoc />
    public override bool IsCollection => true;

    /// <inheritdoc />
    public override Type ValueType => typeof(TElement);

    /// <summary>The elements of <paramref name="record"/>'s collection (none for a null or default one).</summary>
    public FieldElements<TElement> Read(T record) => _read(record);

    /// <inheritdoc />
    public override object? ReadBoxed(T record) => _boxed(record);

    /// <inheritdoc />
    public override TResult Accept<TResult>(IFieldReaderVisitor<T, TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.VisitCollection(this);
    }
}

/// <summary>
/// The elements of one record's collection field, read by index: a view of the collection's own array or list, no
/// copy. Valid while the record's collection is not changed.
/// </summary>
/// <typeparam name="TElement">The element type.</typeparam>
public readonly struct FieldElements<TElement>
{
    private readonly TElement[]? _array;
    private readonly IReadOnlyList<TElement>? _list;
    private readonly int _count;

    private FieldElements(TElement[]? array, IReadOnlyList<TElement>? list, int count)
    {
        _array = array;
        _list = list;
        _count = count;
    }

    /// <summary>How many elements there are.</summary>
    public int Count => _count;

    /// <summary>The element at <paramref name="index"/>.</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside 0 .. <see cref="Count"/> - 1.</exception>
    public TElement this[int index] => _array is { } array
        ? (uint)index < (uint)_count ? array[index] : throw new IndexOutOfRangeException()
        : _list is { } list && (uint)index < (uint)_count ? list[index] : throw new IndexOutOfRangeException();

    /// <summary>The elements of an array (none for <see langword="null"/>).</summary>
    public static FieldElements<TElement> Of(TElement[]? array) => new(array ?? [], null, array?.Length ?? 0);

    /// <summary>The elements of an immutable array (none for a default one).</summary>
    public static FieldElements<TElement> Of(ImmutableArray<TElement> array) => Of(ImmutableCollectionsMarshal.AsArray(array));

    /// <summary>The elements of a list (none for <see langword="null"/>).</summary>
    public static FieldElements<TElement> Of(IReadOnlyList<TElement>? list) => list switch
    {
        null => new([], null, 0),
        TElement[] array => Of(array),
        _ => new(null, list, list.Count),
    };

    /// <summary>Enumerates the elements in order (a struct enumerator: <c>foreach</c> allocates nothing).</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates the elements of a <see cref="FieldElements{TElement}"/>.</summary>
    public struct Enumerator
    {
        private readonly FieldElements<TElement> _elements;
        private int _index;

        internal Enumerator(FieldElements<TElement> elements)
        {
            _elements = elements;
            _index = -1;
        }

        /// <summary>The current element.</summary>
        public readonly TElement Current => _elements[_index];

        /// <summary>Moves to the next element; <see langword="false"/> past the last.</summary>
        public bool MoveNext() => ++_index < _elements.Count;
    }
}

/// <summary>Creates the <see cref="FieldReader{T}"/> of a field from a typed getter (what the source generator emits).</summary>
public static class FieldReader
{
    /// <summary>A single-valued field read by <paramref name="read"/>.</summary>
    public static ValueReader<T, TValue> Value<T, TValue>(Func<T, TValue> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        return new ValueReader<T, TValue>(read);
    }

    /// <summary>A collection field held in an <see cref="ImmutableArray{T}"/> (a default one has no elements).</summary>
    public static CollectionReader<T, TElement> Collection<T, TElement>(Func<T, ImmutableArray<TElement>> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        return new CollectionReader<T, TElement>(record => FieldElements<TElement>.Of(read(record)), record => read(record));
    }

    /// <summary>A collection field held in an array.</summary>
    public static CollectionReader<T, TElement> Collection<T, TElement>(Func<T, TElement[]?> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        return new CollectionReader<T, TElement>(record => FieldElements<TElement>.Of(read(record)), record => read(record));
    }

    /// <summary>A collection field held in a <see cref="List{T}"/>.</summary>
    public static CollectionReader<T, TElement> Collection<T, TElement>(Func<T, List<TElement>?> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        return new CollectionReader<T, TElement>(record => FieldElements<TElement>.Of(read(record)), record => read(record));
    }

    /// <summary>A collection field held in an <see cref="IReadOnlyList{T}"/>.</summary>
    public static CollectionReader<T, TElement> Collection<T, TElement>(Func<T, IReadOnlyList<TElement>?> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        return new CollectionReader<T, TElement>(record => FieldElements<TElement>.Of(read(record)), record => read(record));
    }

    /// <summary>
    /// The reader of a field known only by a getter returning <see cref="object"/> (the boxed form), for metadata made
    /// from getters alone: the value as <see cref="object"/>, or a collection's elements as objects (a list of
    /// references read through its <see cref="IReadOnlyList{T}"/>; any other <see cref="IList"/> or
    /// <see cref="IEnumerable"/> through a view made per read).
    /// </summary>
    internal static FieldReader<T> Boxed<T>(Func<T, object?> read, bool isCollection)
        where T : class => isCollection
        ? new CollectionReader<T, object?>(record => BoxedElements(read(record)), read)
        : new ValueReader<T, object?>(read);

    private static FieldElements<object?> BoxedElements(object? value) => value switch
    {
        null => FieldElements<object?>.Of((object?[]?)null),
        IReadOnlyList<object?> list => FieldElements<object?>.Of(list), // arrays and lists of references, ImmutableArray<string>
        IList list => FieldElements<object?>.Of(new ListView(list)),
        IEnumerable sequence => FieldElements<object?>.Of(System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Cast<object?>(sequence))),
        _ => FieldElements<object?>.Of((object?[]?)null),
    };

    private sealed class ListView(IList list) : IReadOnlyList<object?>
    {
        public int Count => list.Count;

        public object? this[int index] => list[index];

        public IEnumerator<object?> GetEnumerator() => System.Linq.Enumerable.Cast<object?>(list).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => list.GetEnumerator();
    }
}
