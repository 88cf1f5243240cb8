using FluentAssertions;
using MiaRepro.Signals;
using Xunit;

namespace MiaRepro.Tests.Signals;

public sealed class OutputSignalsTests
{
    private static readonly float[] Logits = [1.5f, -0.25f, 3f, 0.5f];

    private static double[] NaiveSoftmax(float[] logits)
    {
        var exp = logits.Select(z => Math.Exp(z)).ToArray();
        return [.. exp.Select(e => e / exp.Sum())];
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(2.0, 0.8807970779778823)]
    [InlineData(-2.0, 0.11920292202211755)]
    [InlineData(-1e4, 0.0)]
    [InlineData(1e4, 1.0)]
    public void Probability_from_phi_is_the_sigmoid(double phi, double expected)
    {
        OutputSignals.ProbabilityFromPhi(phi).Should().BeApproximately(expected, 1e-15);
        OutputSignals.LogProbabilityFromPhi(phi).Should().BeApproximately(phi < -700 ? phi : Math.Log(expected), 1e-12);
    }

    [Fact]
    public void Entropy_matches_the_definition()
    {
        var p = NaiveSoftmax(Logits);
        OutputSignals.Entropy(Logits).Should().BeApproximately(-p.Sum(x => x * Math.Log(x)), 1e-12);
        OutputSignals.Entropy([0f, 0f, 0f]).Should().BeApproximately(Math.Log(3), 1e-15);
    }

    [Fact]
    public void Modified_entropy_matches_the_definition_of_song_and_mittal()
    {
        // Given
        var p = NaiveSoftmax(Logits);

        foreach (var y in new[] { 0, 2 })
        {
            // When
            var mentr = OutputSignals.ModifiedEntropy(Logits, y);

            // Then Mentr = −(1 − p_y) log p_y − Σ_{i≠y} p_i log(1 − p_i)
            var expected = (-(1 - p[y]) * Math.Log(p[y])) - Enumerable.Range(0, 4).Where(i => i != y).Sum(i => p[i] * Math.Log(1 - p[i]));
            mentr.Should().BeApproximately(expected, 1e-12);
        }

        OutputSignals.ModifiedEntropy([0f, 0f], 0).Should().BeApproximately(Math.Log(2), 1e-15);
    }

    [Fact]
    public void Modified_entropy_is_finite_and_ordered_for_extreme_logits()
    {
        // When: right and sure, wrong and sure
        var right = OutputSignals.ModifiedEntropy([1e4f, -1e4f, 0f], 0);
        var wrong = OutputSignals.ModifiedEntropy([1e4f, -1e4f, 0f], 1);

        // Then: 0 for a sure right answer; for the sure wrong one −log p_1 = 2e4 plus −p_0 log(1 − p_0) with
        // 1 − p_0 ≈ p_2 = e^{−1e4}, i.e. 1e4 (a naive 1 − p_0 would be 0 and give ∞)
        right.Should().BeApproximately(0.0, 1e-12);
        wrong.Should().BeApproximately(3e4, 1e-6);
    }

    [Fact]
    public void Sorted_softmax_is_descending_and_sums_to_one()
    {
        var sorted = new double[4];
        OutputSignals.SortedSoftmax(Logits, sorted);
        sorted.Should().BeInDescendingOrder().And.Equal(NaiveSoftmax(Logits).OrderDescending(), (a, b) => Math.Abs(a - b) < 1e-14);
    }
}
