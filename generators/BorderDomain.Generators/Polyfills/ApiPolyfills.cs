// The few .NET Core APIs the linked query sources use that netstandard2.0 lacks, as C# 14 extension members, so
// the shared sources stay written for the library's own frameworks.
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace System
{
    internal static class NetStandardPolyfills
    {
        extension(ArgumentNullException)
        {
            public static void ThrowIfNull(object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
            {
                if (argument is null)
                {
                    throw new ArgumentNullException(paramName);
                }
            }
        }

        extension(Math)
        {
            public static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;

            public static double Log2(double value) => Math.Log(value, 2);
        }

        extension(string)
        {
            public static string Create(IFormatProvider provider, FormattableString text) => text.ToString(provider);
        }

        public static string Replace(this string text, string oldValue, string newValue, StringComparison comparison) =>
            comparison == StringComparison.Ordinal ? text.Replace(oldValue, newValue) : throw new NotSupportedException();

        public static int IndexOf(this string text, char value, StringComparison comparison) =>
            comparison == StringComparison.Ordinal ? text.IndexOf(value) : throw new NotSupportedException();

        public static bool Contains(this string text, string value, StringComparison comparison) =>
            text.IndexOf(value, comparison) >= 0;

        public static bool StartsWith(this string text, char value) => text.Length > 0 && text[0] == value;

        public static string[] Split(this string text, char separator, StringSplitOptions options) => text.Split([separator], options);

        public static StringBuilder AppendJoin<T>(this StringBuilder builder, string separator, IEnumerable<T> values)
        {
            var first = true;
            foreach (var value in values)
            {
                if (!first)
                {
                    builder.Append(separator);
                }

                builder.Append(value);
                first = false;
            }

            return builder;
        }

        public static string ToString(this int value, string format, CultureInfo culture) => value.ToString(format, (IFormatProvider)culture);
    }

    /// <summary>A minimal HashCode for netstandard2.0 (FNV-style mixing; only equality-consistent hashing is needed).</summary>
    internal struct HashCode
    {
        private int _hash;

        public void Add<T>(T value) => _hash = unchecked((_hash * 31) + (value is null ? 0 : EqualityComparer<T>.Default.GetHashCode(value)));

        public readonly int ToHashCode() => _hash;

        public static int Combine<T1, T2>(T1 first, T2 second)
        {
            var hash = default(HashCode);
            hash.Add(first);
            hash.Add(second);
            return hash.ToHashCode();
        }
    }
}
