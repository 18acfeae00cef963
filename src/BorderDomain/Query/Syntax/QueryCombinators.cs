using System;
using System.Collections.Generic;
using Sprache;

namespace BorderDomain.Query.Syntax;

/// <summary>
/// Sprache's combinators as the grammar uses them, with Sprache's meaning (what succeeds, where a failure stands, which
/// expectations it carries, in which order) but without Sprache's allocations on every try: Sprache's <c>Then</c>,
/// <c>Select</c> and <c>SelectMany</c> make a closure and a parser per call, <c>Or</c> and <c>Named</c> a closure per
/// failure, <c>Where</c> a formatted message per refusal, <c>Ref</c> three memo tables per call and <c>DelimitedBy</c>
/// lazy concatenations. These extension methods live in the grammar's namespace, so the grammar's query expressions and
/// calls bind to them before Sprache's (C# looks for extension methods in the enclosing namespaces before the imported
/// ones). Each allocates only the result it returns, plus the list of a repetition and, when two failures meet at the
/// same place, their merged expectations. Messages of failures are never shown (diagnostics are built from the position
/// and the expectations), so a refusal carries a shared one.
/// </summary>
internal static class QueryCombinators
{
    private const string Refused = "unexpected token";

    private static readonly string[] NoExpectations = [];

    /// <summary>As Sprache's <c>Then</c>: <paramref name="second"/> of the first's value, run where the first stopped.</summary>
    public static Parser<TOut> Then<T, TOut>(this Parser<T> first, Func<T, Parser<TOut>> second) => input =>
    {
        var result = first(input);
        return result.WasSuccessful ? second(result.Value)(result.Remainder) : Failed<TOut, T>(result);
    };

    /// <summary>As Sprache's <c>Select</c>: the value converted, the failure passed on.</summary>
    public static Parser<TOut> Select<T, TOut>(this Parser<T> parser, Func<T, TOut> convert) => input =>
    {
        var result = parser(input);
        return result.WasSuccessful ? Result.Success(convert(result.Value), result.Remainder) : Failed<TOut, T>(result);
    };

    /// <summary>As Sprache's <c>SelectMany</c> (a <c>from … in</c> after the first): the two in sequence, their values projected.</summary>
    public static Parser<TOut> SelectMany<T, TNext, TOut>(this Parser<T> parser, Func<T, Parser<TNext>> selector, Func<T, TNext, TOut> projector) => input =>
    {
        var first = parser(input);
        if (!first.WasSuccessful)
        {
            return Failed<TOut, T>(first);
        }

        var second = selector(first.Value)(first.Remainder);
        return second.WasSuccessful ? Result.Success(projector(first.Value, second.Value), second.Remainder) : Failed<TOut, TNext>(second);
    };

    /// <summary>As Sprache's <c>Return(parser, value)</c>: <paramref name="value"/> when the parser succeeds.</summary>
    public static Parser<TOut> Return<T, TOut>(this Parser<T> parser, TOut value) => parser.Select(_ => value);

    /// <summary>
    /// As Sprache's <c>Or</c>: the first's success when it read something; otherwise the second's success; otherwise the
    /// failure that got further, both merged when they stopped at the same place.
    /// </summary>
    public static Parser<T> Or<T>(this Parser<T> first, Parser<T> second) => input =>
    {
        var result = first(input);
        if (!result.WasSuccessful)
        {
            var other = second(input);
            return other.WasSuccessful ? other : BestError(result, other);
        }

        if (result.Remainder.Equals(input))
        {
            var other = second(input);
            return other.WasSuccessful ? other : result;
        }

        return result;
    };

    /// <summary>As Sprache's <c>Named</c>: a failure where the parser started expects <paramref name="name"/> alone.</summary>
    public static Parser<T> Named<T>(this Parser<T> parser, string name)
    {
        var expectations = new[] { name };
        return input =>
        {
            var result = parser(input);
            return result.WasSuccessful || !result.Remainder.Equals(input) ? result : Result.Failure<T>(result.Remainder, result.Message, expectations);
        };
    }

    /// <summary>As Sprache's <c>Where</c>: a value <paramref name="predicate"/> refuses fails where the parser started, expecting nothing.</summary>
    public static Parser<T> Where<T>(this Parser<T> parser, Func<T, bool> predicate) => input =>
    {
        var result = parser(input);
        return !result.WasSuccessful || predicate(result.Value) ? result : Result.Failure<T>(input, Refused, NoExpectations);
    };

    /// <summary>As Sprache's <c>Many</c>: the parser as often as it succeeds and reads something; never fails.</summary>
    public static Parser<IEnumerable<T>> Many<T>(this Parser<T> parser) => input =>
    {
        var (items, rest, _) = Repeat(parser, input);
        return Result.Success(items, rest);
    };

    /// <summary>
    /// As Sprache's <c>XMany</c>: as <see cref="Many{T}"/>, but a last try that failed after reading something is the
    /// failure of the whole. (Sprache runs that last try twice; its result is the same, so it is kept from the loop.)
    /// </summary>
    public static Parser<IEnumerable<T>> XMany<T>(this Parser<T> parser) => input =>
    {
        var (items, rest, last) = Repeat(parser, input);
        return !last.WasSuccessful && !last.Remainder.Equals(rest) ? Failed<IEnumerable<T>, T>(last) : Result.Success(items, rest);
    };

    /// <summary>As Sprache's <c>Optional</c>: the value when the parser succeeds, nothing read otherwise.</summary>
    public static Parser<IOption<T>> Optional<T>(this Parser<T> parser) => input =>
    {
        var result = parser(input);
        return result.WasSuccessful ? Result.Success<IOption<T>>(new Some<T>(result.Value), result.Remainder) : Result.Success<IOption<T>>(None<T>.Instance, input);
    };

    /// <summary>As Sprache's <c>XOptional</c>: as <see cref="Optional{T}"/>, but a failure after reading something is passed on.</summary>
    public static Parser<IOption<T>> XOptional<T>(this Parser<T> parser) => input =>
    {
        var result = parser(input);
        if (result.WasSuccessful)
        {
            return Result.Success<IOption<T>>(new Some<T>(result.Value), result.Remainder);
        }

        return result.Remainder.Equals(input) ? Result.Success<IOption<T>>(None<T>.Instance, input) : Failed<IOption<T>, T>(result);
    };

    /// <summary>
    /// As Sprache's <c>DelimitedBy</c>: one item, then delimiter and item as long as both succeed (a delimiter without an
    /// item after it is left unread).
    /// </summary>
    public static Parser<IEnumerable<T>> DelimitedBy<T, TDelimiter>(this Parser<T> parser, Parser<TDelimiter> delimiter) => input =>
    {
        var head = parser(input);
        if (!head.WasSuccessful)
        {
            return Failed<IEnumerable<T>, T>(head);
        }

        var items = new List<T> { head.Value };
        var rest = head.Remainder;
        while (true)
        {
            var separator = delimiter(rest);
            var item = separator.WasSuccessful ? parser(separator.Remainder) : null;
            if (item is not { WasSuccessful: true })
            {
                return Result.Success<IEnumerable<T>>(items, rest);
            }

            items.Add(item.Value);
            rest = item.Remainder;
        }
    };

    /// <summary>
    /// As Sprache's <c>XDelimitedBy</c>: one item, then delimiter and item while they read something; a delimiter or item
    /// that fails after reading something is the failure of the whole.
    /// </summary>
    public static Parser<IEnumerable<T>> XDelimitedBy<T, TDelimiter>(this Parser<T> parser, Parser<TDelimiter> delimiter) => input =>
    {
        var head = parser(input);
        if (!head.WasSuccessful)
        {
            return Failed<IEnumerable<T>, T>(head);
        }

        var items = new List<T> { head.Value };
        var rest = head.Remainder;
        while (true)
        {
            var separator = delimiter(rest);
            var item = separator.WasSuccessful ? parser(separator.Remainder) : Failed<T, TDelimiter>(separator);
            if (!item.WasSuccessful || item.Remainder.Equals(rest))
            {
                return !item.WasSuccessful && !item.Remainder.Equals(rest) ? Failed<IEnumerable<T>, T>(item) : Result.Success<IEnumerable<T>>(items, rest);
            }

            items.Add(item.Value);
            rest = item.Remainder;
        }
    };

    /// <summary>
    /// As Sprache's <c>Ref</c>, without its left-recursion memo (three tables per call; <see cref="QueryInput"/> keeps
    /// none, and the grammar has no left recursion: every reference follows a token it has read).
    /// </summary>
    public static Parser<T> Ref<T>(Func<Parser<T>> reference)
    {
        Parser<T>? parser = null;
        return input => (parser ??= reference())(input);
    }

    /// <summary>The parser's value and the position where it stopped (what the grammar read of Sprache's <c>Span</c>).</summary>
    public static Parser<(T Value, int End)> WithEnd<T>(this Parser<T> parser) => input =>
    {
        var result = parser(input);
        return result.WasSuccessful ? Result.Success((result.Value, result.Remainder.Position), result.Remainder) : Failed<(T Value, int End), T>(result);
    };

    /// <summary>The absent option, as <see cref="Optional{T}"/> and <see cref="XOptional{T}"/> give it (one shared instance per type).</summary>
    public static IOption<T> Nothing<T>() => None<T>.Instance;

    /// <summary>A failure of one type passed on as a failure of another: its place, message and expectations.</summary>
    public static IResult<TOut> Failed<TOut, T>(IResult<T> failure) =>
        Result.Failure<TOut>(failure.Remainder, failure.Message, failure.Expectations);

    /// <summary>
    /// As Sprache's choice between two failures: the one that got further; at the same place, the first with the
    /// expectations of both (the first's, then the second's that are new: a union, made at once rather than lazily).
    /// </summary>
    public static IResult<T> BestError<T>(IResult<T> first, IResult<T> second)
    {
        if (second.Remainder.Position > first.Remainder.Position)
        {
            return second;
        }

        return second.Remainder.Position == first.Remainder.Position
            ? Result.Failure<T>(first.Remainder, first.Message, Union(first.Expectations, second.Expectations))
            : first;
    }

    // The distinct strings of 'first' then 'second', in order (Enumerable.Union's result). The expectation lists the
    // grammar makes have no repeats, so an empty side gives the other unchanged.
    private static IEnumerable<string> Union(IEnumerable<string> first, IEnumerable<string> second)
    {
        if (second is ICollection<string> { Count: 0 })
        {
            return first;
        }

        if (first is ICollection<string> { Count: 0 })
        {
            return second;
        }

        var union = new List<string>();
        AddNew(union, first);
        AddNew(union, second);
        return union;
    }

    private static void AddNew(List<string> union, IEnumerable<string> expectations)
    {
        if (expectations is IReadOnlyList<string> list)
        {
            // Indexed: a foreach over an array seen as IEnumerable allocates an enumerator.
            for (var i = 0; i < list.Count; i++)
            {
                if (!union.Contains(list[i]))
                {
                    union.Add(list[i]);
                }
            }

            return;
        }

        foreach (var expectation in expectations)
        {
            if (!union.Contains(expectation))
            {
                union.Add(expectation);
            }
        }
    }

    // The parser run as often as it succeeds and reads something: the values, where the last success stopped, and the
    // last try (a failure, or a success that read nothing).
    private static (IEnumerable<T> Items, IInput Stop, IResult<T> Last) Repeat<T>(Parser<T> parser, IInput input)
    {
        List<T>? items = null;
        var rest = input;
        var result = parser(input);
        while (result.WasSuccessful && !rest.Equals(result.Remainder))
        {
            (items ??= []).Add(result.Value);
            rest = result.Remainder;
            result = parser(rest);
        }

        return (items ?? (IEnumerable<T>)Array.Empty<T>(), rest, result);
    }

    private sealed class Some<T>(T value) : IOption<T>
    {
        public bool IsEmpty => false;

        public bool IsDefined => true;

        public T GetOrDefault() => value;

        public T Get() => value;
    }

    private sealed class None<T> : IOption<T>
    {
        public static readonly None<T> Instance = new();

        public bool IsEmpty => true;

        public bool IsDefined => false;

        public T GetOrDefault() => default!;

        public T Get() => throw new InvalidOperationException("No value.");
    }
}
