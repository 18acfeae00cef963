using BorderDomain.Model;
using BorderDomain.Storage;

namespace BorderDomain.CompilerServices;

/// <summary>
/// A date comparison as the days a matching value may cover: its first day at or after <c>From</c> and its last day
/// at or before <c>To</c> (<see cref="DateIndex.Within"/> and <see cref="DateIndex.Covers"/>). On or after a date is
/// a first day from the date's first; after it, from the day past its last; on or before it, a last day up to its
/// last; before it, up to the day before its first; inside a range (or equal to a date), both.
/// </summary>
internal static class DateBounds
{
    /// <summary>The days <paramref name="op"/> with <paramref name="values"/> (partial dates) allows.</summary>
    public static (int From, int To) Of(PredicateOperator op, object[] values)
    {
        var first = (PartialDate)values[0];
        return op switch
        {
            PredicateOperator.GreaterOrEqual => (first.StartDayNumber, DateIndex.AnyLastDay),
            PredicateOperator.Greater => (first.EndDayNumber + 1, DateIndex.AnyLastDay),
            PredicateOperator.LessOrEqual => (DateIndex.AnyFirstDay, first.EndDayNumber),
            PredicateOperator.Less => (DateIndex.AnyFirstDay, first.StartDayNumber - 1),
            PredicateOperator.Equal => (first.StartDayNumber, first.EndDayNumber),
            PredicateOperator.Between => (first.StartDayNumber, ((PartialDate)values[1]).EndDayNumber),
            _ => throw OperatorTable.Unhandled(op),
        };
    }
}
