using System.ComponentModel;

namespace BorderDomain.CompilerServices;

/// <summary>
/// The version of the contract between the code the BorderDomain source generator writes and this library. The
/// namespace <c>BorderDomain.CompilerServices</c> holds everything generated code calls or names
/// (<see cref="GeneratedQuerySupport"/>, <see cref="IndexQueries"/>, <see cref="ValueSemantics"/>, <see cref="Grouping"/>,
/// <see cref="RowSort"/> and the enums they take) and nothing else; hand-written code should not use it, so its types
/// are hidden from completion lists. Its public members are a binary contract with every assembly the generator has
/// compiled: changing or removing one raises <see cref="Version"/>, and a generator checks that the library it
/// compiles against speaks its version.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedCodeContract
{
    /// <summary>
    /// The contract's version: 1 is the first; 2 added <see cref="TypedSemantics"/>, which typed predicates in generated
    /// code call; 3 added <see cref="OrderCosts"/>, and generated code reads the library's store and indexes through
    /// their public members (<c>BorderStore</c>'s typed tables, <c>EntityTable.TryGetRow</c>, <c>SortedIndex.RowsInKeyOrder</c>);
    /// 4: generated code intersects posting lists through <see cref="IndexQueries.Intersect(int[], int[], int[])"/> and
    /// its two-list overload, which allocate only the answer; 5: generated code steps through a plan's accesses as the
    /// run time does, through <see cref="IndexQueries.Found"/> and <see cref="IndexAccessArguments"/>, when they are not
    /// one to three single lists (a union of several posting lists, a date range); 6: a method returning a read-only list
    /// or a sequence of records returns a <see cref="RecordList{T}"/> over the rows it found (no second array); 7 (one
    /// session's two changes): such a method answering a key lookup returns its one record in a
    /// <see cref="SingleRecordList{T}"/>, and a query ordered by one sorted key without a <c>take</c> and with nothing to
    /// test row by row orders its rows found through <see cref="IndexQueries.FoundInOrder"/>, which keeps them a row set
    /// (a bitmap when dense) while it walks or sorts.
    /// </summary>
    public const int Version = 7;
}
