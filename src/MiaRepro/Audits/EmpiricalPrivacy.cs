using MiaRepro.Metrics;
using MiaRepro.Numerics;

namespace MiaRepro.Audits;

/// <summary>
/// An empirical lower bound on ε from a membership test, as privacy auditing does (Jagielski et al. 2020; Nasr et al.
/// 2021): any (ε, δ)-DP training makes every test obey TPR ≤ e^ε·FPR + δ and 1 − FPR ≤ e^ε·(1 − TPR) + δ, so a
/// test with TPR and FPR gives ε ≥ max(ln((TPR − δ)/FPR), ln((1 − δ − FPR)/(1 − TPR))). Every (target, example) cell
/// is one trial. The threshold is chosen on the even-numbered targets, as the one whose conservative bound there is
/// largest among 200 quantiles of the member scores (the median when none is above the median's); the counts at it are then taken from the odd-numbered targets
/// alone, so that choosing the threshold does not inflate the bound. The conservative ε uses the Clopper–Pearson 95%
/// lower bound of TPR and upper bound of FPR; the optimistic one the other two bounds.
/// </summary>
public static class EmpiricalPrivacy
{
    /// <summary>Candidate thresholds: quantiles of the selection half's member scores.</summary>
    public const int Candidates = 200;

    /// <summary>δ when none is given: 10⁻⁵, below 1/n for the datasets this harness trains on.</summary>
    public const double DefaultDelta = 1e-5;

    /// <summary>ε of a test with <paramref name="tpr"/> and <paramref name="fpr"/> under δ: 0 when it shows nothing, +∞ when it is perfect.</summary>
    public static double Epsilon(double tpr, double fpr, double delta)
    {
        var forward = fpr <= 0 ? (tpr - delta > 0 ? double.PositiveInfinity : 0) : Math.Log((tpr - delta) / fpr);
        var backward = tpr >= 1 ? (1 - delta - fpr > 0 ? double.PositiveInfinity : 0) : Math.Log((1 - delta - fpr) / (1 - tpr));
        var epsilon = Math.Max(double.IsNaN(forward) ? 0 : forward, double.IsNaN(backward) ? 0 : backward);
        return Math.Max(0, epsilon);
    }

    /// <summary>
    /// The bound from <paramref name="scores"/> [models, examples] (higher = member) and the keep matrix
    /// <paramref name="isMember"/>; null with fewer than 2 targets (no half to choose on and one to count on).
    /// </summary>
    public static EpsilonBound? Of(double[] scores, bool[] isMember, int models, int examples, double delta)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(isMember);
        if (models < 2 || delta is < 0 or >= 1)
        {
            return null;
        }

        var (selectMembers, selectOthers) = Half(scores, isMember, models, examples, parity: 0);
        var (countMembers, countOthers) = Half(scores, isMember, models, examples, parity: 1);
        if (selectMembers.Length == 0 || selectOthers.Length == 0 || countMembers.Length == 0 || countOthers.Length == 0)
        {
            return null;
        }

        // The median member score unless another candidate's conservative bound is strictly larger: a test that
        // shows nothing is reported at its median, not at an extreme where the observed rates are all or nothing.
        double Candidate(int q) => selectMembers[(int)((long)q * (selectMembers.Length - 1) / (Candidates - 1))];
        var median = Candidate(Candidates / 2);
        var best = (Threshold: median, Epsilon: Bound(selectMembers, selectOthers, median, delta).Lower);
        for (var q = 0; q < Candidates; q++)
        {
            var lower = Bound(selectMembers, selectOthers, Candidate(q), delta).Lower;
            if (lower > best.Epsilon)
            {
                best = (Candidate(q), lower);
            }
        }

        return Bound(countMembers, countOthers, best.Threshold, delta);
    }

    /// <summary>The bound of the test "score ≥ <paramref name="threshold"/>" on sorted member and non-member scores.</summary>
    private static EpsilonBound Bound(double[] members, double[] others, double threshold, double delta)
    {
        var tp = members.Length - SortedSearch.CountBelow(members, threshold);
        var fp = others.Length - SortedSearch.CountBelow(others, threshold);
        var tprCi = ClopperPearson.Of(tp, members.Length);
        var fprCi = ClopperPearson.Of(fp, others.Length);
        var (tpr, fpr) = ((double)tp / members.Length, (double)fp / others.Length);
        return new EpsilonBound(
            delta, threshold, tp, members.Length, fp, others.Length, tprCi, fprCi,
            Epsilon(tpr, fpr, delta), Epsilon(tprCi.Lower, fprCi.Upper, delta), Epsilon(tprCi.Upper, fprCi.Lower, delta));
    }

    /// <summary>The finite scores of the targets of one parity, members and non-members apart, each sorted ascending.</summary>
    private static (double[] Members, double[] Others) Half(double[] scores, bool[] isMember, int models, int examples, int parity)
    {
        var (members, others) = (new List<double>(), new List<double>());
        for (var t = parity; t < models; t += 2)
        {
            for (var e = 0; e < examples; e++)
            {
                var s = scores[(t * examples) + e];
                if (double.IsFinite(s))
                {
                    (isMember[(t * examples) + e] ? members : others).Add(s);
                }
            }
        }

        var (m, o) = (members.ToArray(), others.ToArray());
        Array.Sort(m);
        Array.Sort(o);
        return (m, o);
    }
}

/// <summary>
/// The ε a membership test shows (see <see cref="EmpiricalPrivacy"/>): the threshold, the counts that support it, the
/// Clopper–Pearson 95% intervals of TPR and FPR, and ε from the observed rates (<see cref="Estimate"/>), from the
/// conservative bounds (<see cref="Lower"/>, the lower bound to cite) and from the optimistic ones (<see cref="Upper"/>).
/// </summary>
public sealed record EpsilonBound(
    double Delta,
    double Threshold,
    long TruePositives,
    long Members,
    long FalsePositives,
    long NonMembers,
    Interval TprCi95,
    Interval FprCi95,
    double Estimate,
    double Lower,
    double Upper)
{
    public double Tpr => (double)TruePositives / Members;

    public double Fpr => (double)FalsePositives / NonMembers;
}
