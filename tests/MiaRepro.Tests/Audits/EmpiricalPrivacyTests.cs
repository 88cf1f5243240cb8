using FluentAssertions;
using MiaRepro.Audits;
using MiaRepro.Metrics;

namespace MiaRepro.Tests.Audits;

public sealed class EmpiricalPrivacyTests
{
    [Fact]
    public void Epsilon_is_the_larger_of_the_two_dp_inequalities_and_zero_for_a_useless_test()
    {
        // TPR ≤ e^ε FPR + δ: TPR 0.5 at FPR 0.05 → ε ≥ ln(10)
        EmpiricalPrivacy.Epsilon(0.5, 0.05, 0).Should().BeApproximately(Math.Log(10), 1e-12);
        // 1 − FPR ≤ e^ε (1 − TPR) + δ: TPR 0.99 at FPR 0.5 → ε ≥ ln(50)
        EmpiricalPrivacy.Epsilon(0.99, 0.5, 0).Should().BeApproximately(Math.Log(50), 1e-9);
        EmpiricalPrivacy.Epsilon(0.5, 0.05, 0.1).Should().BeApproximately(Math.Log(8), 1e-12);
        EmpiricalPrivacy.Epsilon(0.3, 0.3, 1e-5).Should().Be(0);
        EmpiricalPrivacy.Epsilon(0.2, 0.4, 1e-5).Should().Be(0);
        EmpiricalPrivacy.Epsilon(0.5, 0, 1e-5).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void A_perfect_attack_gives_a_finite_lower_bound_set_by_the_counts_and_chance_gives_none()
    {
        // Given 8 targets × 1,000 examples, half members, scored perfectly (members 1, non-members 0) and at random
        const int Models = 8, Examples = 1000;
        var keep = new bool[Models * Examples];
        var (perfect, random) = (new double[keep.Length], new double[keep.Length]);
        var rng = new Random(7);
        for (var i = 0; i < keep.Length; i++)
        {
            keep[i] = (i % Examples) % 2 == (i / Examples) % 2;
            perfect[i] = keep[i] ? 1 : 0;
            random[i] = rng.NextDouble();
        }

        // When
        var sharp = EmpiricalPrivacy.Of(perfect, keep, Models, Examples, 1e-5)!;
        var blind = EmpiricalPrivacy.Of(random, keep, Models, Examples, 1e-5)!;

        // Then the perfect test's bound comes from the odd targets' counts alone: TPR ≥ CP lower of 2,000 of 2,000, FPR ≤ CP upper of 0 of 2,000
        (sharp.TruePositives, sharp.Members, sharp.FalsePositives, sharp.NonMembers).Should().Be((2000, 2000, 0, 2000));
        sharp.Estimate.Should().Be(double.PositiveInfinity);
        var fprUpper = ClopperPearson.Of(0, 2000).Upper;
        sharp.Lower.Should().BeApproximately(Math.Log((ClopperPearson.Of(2000, 2000).Lower - 1e-5) / fprUpper), 1e-9);
        sharp.Lower.Should().BeInRange(6, 7, "ln(1 / 0.00184) ≈ 6.3: 2,000 trials cannot show more");

        // and chance shows nothing beyond its noise
        blind.Lower.Should().Be(0);
        blind.Estimate.Should().BeLessThan(0.3);
    }

    [Fact]
    public void The_bound_needs_two_targets()
    {
        EmpiricalPrivacy.Of([1, 0], [true, false], 1, 2, 1e-5).Should().BeNull();
    }
}
