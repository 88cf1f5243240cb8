namespace MiaRepro.Numerics;

/// <summary>Elementary functions that .NET lacks in an accurate form.</summary>
public static class Elementary
{
    /// <summary>log(1 + x) without losing the digits of a small x (the u = 1 + x correction trick).</summary>
    public static double LogOnePlus(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>log(e^a + e^b) without overflow; −∞ stands for a zero term.</summary>
    public static double LogAddExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a) || double.IsNegativeInfinity(b))
        {
            return Math.Max(a, b);
        }

        return Math.Max(a, b) + LogOnePlus(Math.Exp(-Math.Abs(a - b)));
    }
}
