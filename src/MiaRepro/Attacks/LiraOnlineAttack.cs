using MiaRepro.Numerics;
using MiaRepro.Populations;

namespace MiaRepro.Attacks;

/// <summary>
/// Online LiRA (Carlini et al.): score = mean over queries of log N(φ; μ_in, σ_in) − log N(φ; μ_out, σ_out),
/// the Gaussians fitted (ddof 0) to the φ of the shadow models where the example was IN / OUT, target left out;
/// centres, global σ and shadows as <paramref name="convention"/> says (by default MiaRepro's, computed in O(1) per
/// target and cell from <see cref="ShadowStatistics"/>; any other through <see cref="LiraShadowFit"/>).
/// </summary>
public sealed class LiraOnlineAttack(LiraVariance variance = LiraVariance.PerExample, LiraConvention? convention = null) : IMembershipAttack
{
    private readonly LiraConvention _convention = convention ?? LiraConvention.MiaRepro;

    public string Name => _convention.AttackName(online: true, variance);

    public LiraConvention Convention => _convention;

    public string? MissingInput(Population population) => ShadowStatistics.MissingShadows(population);

    public AttackScores Score(Population population)
    {
        if (_convention != LiraConvention.MiaRepro)
        {
            return LiraShadowFit.Score(population, online: true, variance, _convention);
        }

        var shadows = new ShadowStatistics(population);
        var (examples, queries) = (population.Examples, population.Queries);
        var values = new double[population.Models * examples];
        Parallel.For(0, population.Models, () => new int[examples], (target, _, partners) =>
        {
            shadows.Partners(target, partners);
            var (sigmaIn, sigmaOut) = variance == LiraVariance.Global ? shadows.GlobalSigmas(target, partners) : default;
            var (logSigmaIn, logSigmaOut) = (Math.Log(sigmaIn), Math.Log(sigmaOut));
            for (var n = 0; n < examples; n++)
            {
                var sum = 0.0;
                for (var q = 0; q < queries; q++)
                {
                    var x = shadows.Phi(target, n, q);
                    if (variance == LiraVariance.Global)
                    {
                        var meanIn = shadows.MeanWithout(true, target, n, q, partners[n]);
                        var meanOut = shadows.MeanWithout(false, target, n, q, partners[n]);
                        sum += StandardNormal.LogPdf(x, meanIn, sigmaIn, logSigmaIn) - StandardNormal.LogPdf(x, meanOut, sigmaOut, logSigmaOut);
                    }
                    else
                    {
                        var g = shadows.Without(target, n, q, partners[n]);
                        sum += StandardNormal.LogPdf(x, g.MeanIn, g.SigmaIn) - StandardNormal.LogPdf(x, g.MeanOut, g.SigmaOut);
                    }
                }

                values[(target * examples) + n] = sum / queries;
            }

            return partners;
        }, _ => { });
        return new AttackScores(population.Models, examples, values);
    }
}
