using System;
using FsCheck.Xunit;

namespace BorderDomain.Tests;

/// <summary>
/// An FsCheck.Xunit property whose parameters are drawn from <see cref="Arbitraries"/>: failures shrink and are reported
/// through xunit with the counterexample and the seed to replay it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BdqPropertyAttribute : PropertyAttribute
{
    public BdqPropertyAttribute() => Arbitrary = [typeof(Arbitraries)];
}
