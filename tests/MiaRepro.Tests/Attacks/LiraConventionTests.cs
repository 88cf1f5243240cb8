using System.Text.Json.Nodes;
using FluentAssertions;
using MiaRepro.Attacks;
using MiaRepro.Numerics;
using MiaRepro.Populations;

namespace MiaRepro.Tests.Attacks;

/// <summary>
/// The LiRA conventions: the <c>-reference</c> variants give what the reference code (tensorflow/privacy
/// <c>research/mi_lira_2021/plot.py</c>) gives for the same arrays; the <c>-leakpro</c> global variants give LeakPro's
/// fixed variance; MiaRepro's own convention fitted directly equals its O(1) leave-one-out form.
/// </summary>
public sealed class LiraConventionTests
{
    /// <summary>
    /// The fixture (<c>Fixtures/lira-reference/fixture.json</c>): 8 models, 3 examples, 2 queries, and per variant the
    /// [models × examples] scores, in MiaRepro's sign (higher: member), that the reference's own <c>generate_ours</c> /
    /// <c>generate_ours_offline</c> (tensorflow/privacy at 03035d5, NumPy 1.24, SciPy 1.10) give when called for every
    /// target with the other models, in model order, as its shadows (<c>scripts/lira-reference-expected.py</c> wrote them).
    /// </summary>
    private static JsonNode FixtureJson =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "lira-reference", "fixture.json")))!;

    public static TheoryData<string> ReferenceVariants() =>
        new("lira-online-reference", "lira-online-global-reference", "lira-offline-reference", "lira-offline-global-reference");

    [Theory]
    [MemberData(nameof(ReferenceVariants))]
    public void The_reference_variants_give_the_reference_codes_scores(string attack)
    {
        // Given the fixture population and the reference code's scores for it
        var population = Fixture();
        var expected = FixtureJson["expected"]![attack]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

        // When the reference variant scores every target
        var scores = AttackCatalog.Get(attack).Score(population);

        // Then each score is the reference's, to rounding
        scores.Values.Should().HaveCount(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            scores.Values[i].Should().BeApproximately(expected[i], 1e-12 * Math.Max(1.0, Math.Abs(expected[i])), $"score {i} of {attack}");
        }
    }

    [Fact]
    public void One_reference_score_worked_by_hand()
    {
        // Given target 0 and example 2, which target 0 did not train on. Its shadows are models 1–7 in order; the IN
        // side (models 4–7) is cut to the first 3 (the fewest IN shadows any example has for this target): models 4, 5, 6.
        // The OUT side is models 1, 2, 3. Query 0: φ = −0.5; IN φ 2.2, 1.6, 3.4 (median 2.2, np.std √0.56);
        // OUT φ 0.3, −1.4, 0.8 (median 0.3, np.std √(2.66/3)). Query 1: φ = −0.2; IN 2.7, 1.2, 2.8 (median 2.7,
        // np.std √(1.60667/3)); OUT 0.1, −0.9, 1.1 (median 0.1, np.std √(2/3)).
        static double Term(double x, double centreIn, double varianceIn, double centreOut, double varianceOut) =>
            (-0.5 * Math.Log(varianceIn)) - ((x - centreIn) * (x - centreIn) / (2 * varianceIn))
            + (0.5 * Math.Log(varianceOut)) + ((x - centreOut) * (x - centreOut) / (2 * varianceOut));
        var expected = (Term(-0.5, 2.2, 0.56, 0.3, 2.66 / 3) + Term(-0.2, 2.7, (0.4667 * 0.4667 + 1.0333 * 1.0333 + 0.5667 * 0.5667) / 3, 0.1, 2.0 / 3)) / 2;

        // When the online reference variant scores it
        var score = AttackCatalog.Get("lira-online-reference").Score(Fixture()).Values[2];

        // Then it is the mean over queries of log N(φ; median_in, σ_in) − log N(φ; median_out, σ_out)
        expected.Should().BeApproximately(-6.796, 0.001);
        score.Should().BeApproximately(expected, 1e-3);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_leakpro_global_variants_use_the_std_of_each_side_about_its_grand_mean(bool online)
    {
        // Given a population whose examples differ in level, so the grand-mean σ and the pooled σ differ
        var population = SyntheticPopulation.Gaussian(models: 10, examples: 40, queries: 2, shift: 1.0, seed: 5);

        // When the LeakPro global variant scores it
        var attack = online ? "lira-online-global-leakpro" : "lira-offline-global-leakpro";
        var scores = AttackCatalog.Get(attack).Score(population);

        // Then every score is LeakPro's formula, written out here from its lira.py: each side's σ is np.std of all that
        // side's shadow scores; the centres are each example's means; offline is log Φ. Shadows: balanced leave-one-out.
        var expected = LeakProGlobal(population, online);
        for (var i = 0; i < expected.Length; i++)
        {
            scores.Values[i].Should().BeApproximately(expected[i], 1e-9 * Math.Max(1.0, Math.Abs(expected[i])), $"score {i}");
        }

        var miarepro = AttackCatalog.Get(online ? "lira-online-global" : "lira-offline-global").Score(population);
        miarepro.Values.Should().NotEqual(scores.Values, "LeakPro's σ is about the grand mean, MiaRepro's about each example's");
    }

    [Theory]
    [InlineData(true, LiraVariance.PerExample)]
    [InlineData(true, LiraVariance.Global)]
    [InlineData(false, LiraVariance.PerExample)]
    [InlineData(false, LiraVariance.Global)]
    public void MiaRepros_convention_fitted_directly_equals_its_leave_one_out_form(bool online, LiraVariance variance)
    {
        // Given a population with signal
        var population = SyntheticPopulation.Gaussian(models: 12, examples: 60, queries: 2, shift: 1.0, seed: 7);

        // When MiaRepro's convention is fitted shadow by shadow and through the O(1) removal of ShadowStatistics
        var direct = LiraShadowFit.Score(population, online, variance, LiraConvention.MiaRepro);
        IMembershipAttack attack = online ? new LiraOnlineAttack(variance) : new LiraOfflineAttack(variance);
        var fast = attack.Score(population);

        // Then the two agree to rounding
        for (var i = 0; i < direct.Values.Length; i++)
        {
            fast.Values[i].Should().BeApproximately(direct.Values[i], 1e-9 * Math.Max(1.0, Math.Abs(direct.Values[i])), $"score {i}");
        }
    }

    [Fact]
    public void Every_lira_attack_names_its_convention()
    {
        AttackCatalog.Names.Should().OnlyHaveUniqueItems();
        AttackCatalog.Names.Should().Contain(
        [
            "lira-online", "lira-offline", "lira-online-global", "lira-offline-global",
            "lira-online-reference", "lira-offline-reference", "lira-online-global-reference", "lira-offline-global-reference",
            "lira-online-global-leakpro", "lira-offline-global-leakpro",
        ]);
    }

    private static Population Fixture()
    {
        var json = FixtureJson;
        var keep = json["keep"]!.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<bool>()).ToArray()).ToArray();
        var scores = json["scores"]!.AsArray().Select(m => m!.AsArray().Select(n => n!.AsArray().Select(v => v!.GetValue<double>()).ToArray()).ToArray()).ToArray();
        var (models, examples, queries) = (scores.Length, scores[0].Length, scores[0][0].Length);
        return SyntheticPopulation.Of(models, examples, queries, [.. keep.SelectMany(r => r)], [.. scores.SelectMany(m => m.SelectMany(n => n))]);
    }

    /// <summary>LeakPro's <c>run_attack</c> with <c>var_calculation="fixed"</c>, per query, target and partner left out.</summary>
    private static double[] LeakProGlobal(Population p, bool online)
    {
        var (models, examples, queries) = (p.Models, p.Examples, p.Queries);
        double Phi(int m, int n, int q) => p.Scores[(((m * examples) + n) * queries) + q];
        bool In(int m, int n) => p.Keep[(m * examples) + n];
        var result = new double[models * examples];
        for (var t = 0; t < models; t++)
        {
            var shadows = new List<int>[examples];
            for (var n = 0; n < examples; n++)
            {
                var partner = Enumerable.Range(1, models - 1).Select(k => (t + k) % models).First(m => In(m, n) != In(t, n));
                shadows[n] = [.. Enumerable.Range(0, models).Where(m => m != t && m != partner)];
            }

            double Std(bool side)
            {
                var all = Enumerable.Range(0, examples)
                    .SelectMany(n => shadows[n].Where(m => In(m, n) == side).SelectMany(m => Enumerable.Range(0, queries).Select(q => Phi(m, n, q))))
                    .ToArray();
                var mean = all.Average();
                return Math.Sqrt(all.Select(x => (x - mean) * (x - mean)).Average());
            }

            var (stdIn, stdOut) = (Std(true), Std(false));
            for (var n = 0; n < examples; n++)
            {
                var score = 0.0;
                for (var q = 0; q < queries; q++)
                {
                    var x = Phi(t, n, q);
                    var meanIn = shadows[n].Where(m => In(m, n)).Average(m => Phi(m, n, q));
                    var meanOut = shadows[n].Where(m => !In(m, n)).Average(m => Phi(m, n, q));
                    score += online
                        ? LogPdf(x, meanIn, stdIn + 1e-30) - LogPdf(x, meanOut, stdOut + 1e-30)
                        : StandardNormal.LogCdf((x - meanOut) / (stdOut + 1e-30));
                }

                result[(t * examples) + n] = score / queries;
            }
        }

        return result;
    }

    private static double LogPdf(double x, double mean, double sigma) =>
        (-0.5 * Math.Log(2 * Math.PI)) - Math.Log(sigma) - ((x - mean) * (x - mean) / (2 * sigma * sigma));
}
