using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>
/// Gamma, Beta and Dirichlet draws from an explicit CPU generator. ATen's <c>_standard_gamma</c> takes the generator
/// (unlike TorchSharp's distribution classes); Beta and Dirichlet are normalised Gamma draws.
/// </summary>
internal static class Sampling
{
    /// <summary>Gamma(<paramref name="concentration"/>, 1) draws of the given shape, float64 on the CPU.</summary>
    public static Tensor Gamma(double concentration, long[] shape, Generator generator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concentration);
        using var scope = NewDisposeScope();
        return _standard_gamma(full(shape, concentration, dtype: ScalarType.Float64), generator).MoveToOuterDisposeScope();
    }

    /// <summary><paramref name="n"/> draws of Dirichlet(α, …, α) over <paramref name="k"/> categories: [n, k], float64 on the CPU.</summary>
    public static Tensor Dirichlet(double alpha, long n, long k, Generator generator)
    {
        using var scope = NewDisposeScope();
        var gamma = Gamma(alpha, [n, k], generator);
        return gamma.div(gamma.sum(1, keepdim: true)).MoveToOuterDisposeScope();
    }

    /// <summary>One draw of Beta(<paramref name="a"/>, <paramref name="b"/>).</summary>
    public static double Beta(double a, double b, Generator generator)
    {
        using var scope = NewDisposeScope();
        var x = Gamma(a, [1], generator).item<double>();
        var y = Gamma(b, [1], generator).item<double>();
        return x / (x + y);
    }
}
