using FluentAssertions;
using MiaRepro.Attacks;
using MiaRepro.Populations;
using MiaRepro.Tests.Populations;

namespace MiaRepro.Tests.Attacks;

/// <summary>
/// <c>rmia-online-authors</c> and <c>rmia-offline-authors</c> against a naive computation written from the RMIA
/// research code's definitions (privacytrustlab/ml_privacy_meter <c>research/2024_rmia</c>), and their pieces by hand.
/// </summary>
public sealed class RmiaAuthorsTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 1.0 + 1.0 + 0.5 + (1.0 / 6))]
    [InlineData(-2.0, 1.0 - 2.0 + 2.0 - (8.0 / 6))]
    public void The_taylor_polynomial_of_order_4_stops_at_the_cube(double u, double expected) =>
        RmiaAuthorsAttack.Taylor(u, 4).Should().BeApproximately(expected, 1e-15);

    [Theory]
    [InlineData(new double[] { 4, 1, 9, 2, 7, 3, 10, 5, 8, 6 }, 5.5)] // scipy.stats.trim_mean(…, 0.2): 5.5
    [InlineData(new double[] { 5, 1, 7, 2, 6, 3, 4 }, 4.0)] // ⌊1.4⌋ = 1 from each end: 4.0
    [InlineData(new double[] { 3, 1, 2 }, 2.0)] // ⌊0.6⌋ = 0: the mean, 2.0
    public void The_trimmed_mean_is_scipys(double[] values, double expected) =>
        RmiaAuthorsAttack.TrimmedMean(values.ToArray(), 0.2).Should().Be(expected);

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 2)]
    [InlineData(true, 3)]
    [InlineData(false, 1)]
    public void The_attack_matches_a_naive_computation_of_the_research_code(bool online, int queries)
    {
        // Given a population with logits and a membership signal
        var population = PopulationFiles.WithLogits(SyntheticPopulation.Gaussian(models: 8, examples: 30, queries, shift: 1.5, seed: 12), classes: 3);

        // When the authors' RMIA scores it
        var scores = new RmiaAuthorsAttack(online).Score(population);

        // Then every score is the naive one
        var expected = Naive(population, online, RmiaSettings.Authors);
        for (var i = 0; i < expected.Length; i++)
        {
            scores.Values[i].Should().BeApproximately(expected[i], 1e-12, $"score {i}");
        }

        scores.Values.Should().Contain(v => v > 0.2, "the signal is strong enough for some examples to beat many z");
    }

    [Fact]
    public void Without_logits_the_attack_says_what_it_needs()
    {
        var population = SyntheticPopulation.Gaussian(models: 8, examples: 30, queries: 2, shift: 1.0, seed: 1);
        new RmiaAuthorsAttack(online: true).MissingInput(population).Should().Be(OutputVectors.MissingReason);
    }

    [Fact]
    public void Settings_out_of_range_are_refused()
    {
        var act = () => new RmiaAuthorsAttack(true, RmiaSettings.Authors with { TrimFraction = 0.5 });
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*trimmed fraction*");
    }

    /// <summary>
    /// O(M·N²·Q) from the definitions: the signal T(ℓ_y/T − m) ÷ (Σ_{c≠y} T(ℓ_c/T) + T(ℓ_y/T − m)); references the other
    /// models, per side the first k in model order (k the fewest over examples), offline the OUT side; Pr(x) their
    /// trimmed mean (offline ½((1 + a)·Pr + (1 − a))); z the examples OUT for the target; x beats z when the ratio of
    /// likelihood ratios exceeds γ in more than half of the queries; score the fraction of the other z beaten.
    /// </summary>
    private static double[] Naive(Population p, bool online, RmiaSettings s)
    {
        var (models, examples, queries) = (p.Models, p.Examples, p.Queries);
        bool In(int m, int n) => p.Keep[(m * examples) + n];
        double Taylor(double u) => 1 + u + (u * u / 2) + (u * u * u / 6);
        double Signal(int m, int n, int q)
        {
            var logits = OutputVectors.Of(p, m, n, q).ToArray();
            var y = (int)p.Labels[n];
            var own = Taylor((logits[y] / s.Temperature) - s.Margin);
            return own / (Enumerable.Range(0, p.Classes).Where(c => c != y).Sum(c => Taylor(logits[c] / s.Temperature)) + own);
        }

        double TrimMean(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            var cut = (int)(s.TrimFraction * sorted.Length);
            return sorted.Skip(cut).Take(sorted.Length - (2 * cut)).Average();
        }

        var result = new double[models * examples];
        for (var t = 0; t < models; t++)
        {
            var others = Enumerable.Range(0, models).Where(m => m != t).ToArray();
            var inSize = Enumerable.Range(0, examples).Min(n => others.Count(m => In(m, n)));
            var outSize = Enumerable.Range(0, examples).Min(n => others.Count(m => !In(m, n)));
            double Ratio(int n, int q)
            {
                var references = others.Where(m => !In(m, n)).Take(outSize).ToList();
                if (online)
                {
                    references.AddRange(others.Where(m => In(m, n)).Take(inSize));
                }

                var mean = TrimMean(references.Select(m => Signal(m, n, q)));
                return Signal(t, n, q) / (online ? mean : (((1 + s.OfflineA) / 2) * mean) + ((1 - s.OfflineA) / 2));
            }

            var ratios = Enumerable.Range(0, examples).Select(n => Enumerable.Range(0, queries).Select(q => Ratio(n, q)).ToArray()).ToArray();
            var z = Enumerable.Range(0, examples).Where(n => !In(t, n)).ToArray();
            for (var n = 0; n < examples; n++)
            {
                var x = n;
                var compared = z.Where(i => i != x).ToArray();
                var beaten = compared.Count(i => Enumerable.Range(0, queries).Count(q => ratios[x][q] / ratios[i][q] > s.Gamma) * 2 > queries);
                result[(t * examples) + n] = (double)beaten / compared.Length;
            }
        }

        return result;
    }
}
