using FluentAssertions;
using MiaRepro.Attacks;
using MiaRepro.Metrics;
using Xunit;

namespace MiaRepro.Tests.Claims;

/// <summary>
/// Whether the replicated design's intervals (<see cref="ReplicateEstimate"/>: R = 5 replicates, t on 4 df) cover the
/// design's effect, for both kinds of effect the claims test: a ratio of TPRs at 0.1% FPR (pooled over the replicates,
/// delete-one-replicate jackknife — as the claims decide it — and, beside it, the geometric mean of the replicates'
/// ratios) and a difference of AUCs.
/// 1,000 simulated independent runs (<see cref="CoverageSimulation"/>: own examples, keep matrix and models; models
/// differ in how much they memorize, cells carry their own noise — the dependence inside a run that a single run's
/// bootstrap must model) are grouped into 200 designs of 5; each design's interval is compared with the same
/// statistic over the other 995 runs (their pooled ratio, mean log ratio, mean difference). Nothing inside a run is modelled: the interval's variance is the
/// spread between the runs. The simulation allocates on every core, so it runs alone.
/// </summary>
[Collection(nameof(CoverageTests))]
public sealed class ReplicatedCoverageTests(ITestOutputHelper output)
{
    private const int Runs = 1000;
    private const int Replicates = 5;

    [Theory]
    [InlineData(0.3, 1.0)]
    [InlineData(1.0, 1.0)]
    public void The_replicated_intervals_cover_the_design_effect_for_TPR_ratios_and_AUC_differences(double between, double noise)
    {
        // Given 1,000 independent runs of one design in which recipe A leaks twice as much as recipe B
        var ratios = new double[Runs];
        var (tprA, tprB) = (new double[Runs], new double[Runs]);
        var differences = new double[Runs];
        var attack = AttackCatalog.Get(CoverageSimulation.Attack);
        Parallel.For(0, Runs, r =>
        {
            var (a, b) = CoverageSimulation.Run(5000 + r, models: 16, examples: 2000, shiftA: 2.0, shiftB: 1.0, between, noise);
            var (ma, mb) = (AttackEvaluation.Run(attack, a).Pooled, AttackEvaluation.Run(attack, b).Pooled);
            (tprA[r], tprB[r]) = (ma.Tpr(0.001)!.Value, mb.Tpr(0.001)!.Value);
            ratios[r] = tprA[r] / tprB[r];
            differences[r] = ma.Auc - mb.Auc;
        });

        // When each design of 5 runs gives its intervals, compared with the other runs' mean effect
        var (ratioCovered, pooledCovered, differenceCovered) = (0, 0, 0);
        var designs = Runs / Replicates;
        for (var d = 0; d < designs; d++)
        {
            var members = Enumerable.Range(d * Replicates, Replicates).ToHashSet();
            var others = Enumerable.Range(0, Runs).Where(i => !members.Contains(i)).ToArray();
            var ratio = ReplicateEstimate.Of([.. members.Select(i => ratios[i])], ratio: true)!;
            var pooled = ReplicateEstimate.OfRatio([.. members.Select(i => tprA[i])], [.. members.Select(i => tprB[i])])!;
            pooledCovered += pooled.Ci95.Contains(others.Sum(i => tprA[i]) / others.Sum(i => tprB[i])) ? 1 : 0;
            var difference = ReplicateEstimate.Of([.. members.Select(i => differences[i])], ratio: false)!;
            ratioCovered += ratio.Ci95.Contains(Math.Exp(others.Average(i => Math.Log(ratios[i])))) ? 1 : 0;
            differenceCovered += difference.Ci95.Contains(others.Average(i => differences[i])) ? 1 : 0;
        }

        output.WriteLine(
            $"v = {between}, noise {noise}: TPR ratio at 0.1% FPR covered in {pooledCovered} of {designs} (pooled, jackknife), " +
            $"{ratioCovered} (geometric mean); AUC difference in {differenceCovered} of {designs}");

        // Then both cover in about 95% of designs (binomial SE 1.5% at 200 designs)
        ((double)pooledCovered / designs).Should().BeInRange(0.91, 0.99);
        ((double)ratioCovered / designs).Should().BeInRange(0.91, 0.99);
        ((double)differenceCovered / designs).Should().BeInRange(0.91, 0.99);
    }
}
