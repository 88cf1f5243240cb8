using System.Diagnostics.CodeAnalysis;

namespace MiaRepro.IO;

/// <summary>The NumPy element types MiaRepro reads and writes (always little-endian on disk).</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name NumPy's dtypes (float32, float64, int64).")]
public enum NpyDType
{
    /// <summary><c>|b1</c>: one byte, 0 or 1.</summary>
    Bool,

    /// <summary><c>&lt;f4</c>.</summary>
    Float32,

    /// <summary><c>&lt;f8</c>.</summary>
    Float64,

    /// <summary><c>&lt;i8</c>.</summary>
    Int64,

    /// <summary><c>|u1</c>: one byte, 0–255 (images).</summary>
    UInt8,
}
