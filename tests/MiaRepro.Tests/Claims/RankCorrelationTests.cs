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
}
