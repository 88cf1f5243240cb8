using FluentAssertions;
using MiaRepro.Metrics;
using Xunit;

namespace MiaRepro.Tests.Claims;

public sealed class RankCorrelationTests
{
    [Fact]
    public void Monotone_relations_give_plus_or_minus_one()
    {
        double[] x = [1, 2, 3, 4, 5];
        RankCorrelation.Spearman(x, x.Select(v => Math.Exp(v)).ToArray()).Should().BeApproximately(1, 1e-12);
        RankCorrelation.Spearman(x, x.Select(v => -v * v).ToArray()).Should().BeApproximately(-1, 1e-12);
    }

    [Fact]
    public void Ties_share_their_mean_rank_as_scipy_does()
    {
        // scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]) = 0.9486832980505138
        RankCorrelation.Ranks([1, 2, 2, 3]).Should().Equal(1, 2.5, 2.5, 4);
        RankCorrelation.Spearman([1, 2, 2, 3], [1, 3, 2, 4]).Should().BeApproximately(0.9486832980505138, 1e-12);
    }

    [Fact]
    public void A_constant_variable_has_no_correlation()
    {
        double.IsNaN(RankCorrelation.Spearman([1, 1, 1], [1, 2, 3])).Should().BeTrue();
    }

    [Fact]
    public void The_partial_correlation_is_what_remains_of_x_and_y_beyond_z()
    {
        // Given gaps, TPRs and test accuracies of eight targets (value from the textbook formula on the ranks, as
        // pingouin.partial_corr(method="spearman"): ρxy 0.857, ρxz −0.976, ρyz −0.810)
        double[] gap = [0.12, 0.30, 0.25, 0.05, 0.40, 0.33, 0.18, 0.22];
        double[] tpr = [0.020, 0.050, 0.030, 0.010, 0.060, 0.040, 0.035, 0.015];
        double[] accuracy = [0.80, 0.72, 0.75, 0.85, 0.70, 0.71, 0.82, 0.78];

        // Then
        RankCorrelation.PartialSpearman(gap, tpr, accuracy).Should().BeApproximately(0.5252803702243746, 1e-12);
    }

    [Fact]
    public void Nothing_is_left_of_x_beyond_z_when_z_determines_it()
    {
        // Given a gap that is 1 − test accuracy for every target (train accuracy 1)
        double[] accuracy = [0.80, 0.72, 0.75, 0.85, 0.70];
        double[] gap = [.. accuracy.Select(a => 1 - a)];

        // Then
        double.IsNaN(RankCorrelation.PartialSpearman(gap, [0.02, 0.05, 0.03, 0.01, 0.06], accuracy)).Should().BeTrue();
    }
}
