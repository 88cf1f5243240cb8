using MiaRepro.Numerics;
using MiaRepro.Populations;

namespace MiaRepro.Attacks;

/// <summary>
/// Offline LiRA (Carlini et al.): only OUT shadows are needed; score = mean over queries of
/// log Φ((φ − μ_out)/σ_out), one-sided: the higher φ is above what non-member models give, the more likely a member.
/// Centres, global σ, shadows and the offline score as <paramref name="convention"/> says (by default MiaRepro's, from
/// <see cref="ShadowStatistics"/>; any other through <see cref="LiraShadowFit"/>).
/// </summary>
public sealed class LiraOfflineAttack(LiraVariance variance = LiraVariance.PerExample, LiraConvention? convention = null) : IMembershipAttack
{
    private readonly LiraConvention _convention = convention ?? LiraConvention.MiaRepro;

    public string Name => _convention.AttackName(online: false, variance);

    public LiraConvention Convention => _convention;

    public string? MissingInput(Population population) => ShadowStatistics.MissingShadows(population);

    public AttackScores Score(Population population)
    {
        if (_convention != LiraConvention.MiaRepro)
        {
            return LiraShadowFit.Score(population, online: false, variance, _convention);
        }

        var shadows = new ShadowStatistics(population);
        var (examples, queries) = (population.Examples, population.Queries);
        var values = new double[population.Models * examples];
        Parallel.For(0, population.Models, () => (Partners: new int[examples], Z: new double[examples * queries]), (target, _, row) =>
        {
            var (partners, z) = row;
            shadows.Partners(target, partners);
            var sigmaOutGlobal = variance == LiraVariance.Global ? shadows.GlobalSigmas(target, partners).SigmaOut : 0.0;
            for (var n = 0; n < examples; n++)
            {
                for (var q = 0; q < queries; q++)
                {
                    var (meanOut, sigmaOut) = variance == LiraVariance.Global
                        ? (shadows.MeanWithout(false, target, n, q, partners[n]), sigmaOutGlobal)
                        : shadows.SideWithout(false, target, n, q, partners[n]);
                    z[(n * queries) + q] = (shadows.Phi(target, n, q) - meanOut) / sigmaOut;
                }
            }

            // log Φ of the whole row at once (its series four at a time), then the mean over queries in query order.
            StandardNormal.LogCdf(z, z);
            for (var n = 0; n < examples; n++)
            {
                var sum = 0.0;
                for (var q = 0; q < queries; q++)
                {
                    sum += z[(n * queries) + q];
                }

                values[(target * examples) + n] = sum / queries;
            }

            return row;
        }, _ => { });
        return new AttackScores(population.Models, examples, values);
    }
}
