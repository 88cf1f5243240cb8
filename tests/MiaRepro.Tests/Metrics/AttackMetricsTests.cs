using FluentAssertions;
using MiaRepro.Metrics;
using Xunit;

namespace MiaRepro.Tests.Metrics;

public sealed class AttackMetricsTests
{
    [Fact]
    public void Ties_count_half_in_the_auc_and_group_into_one_roc_point()
    {
        // Given a member and a non-member tied at 2
        double[] scores = [3, 2, 2, 1];
        bool[] members = [true, true, false, false];

        // When
        var metrics = AttackMetrics.Compute(scores, members);
        var roc = RocCurve.Compute(scores, members);

        // Then pairs: (3>2) (3>1) (2=2: ½) (2>1) → 3.5 / 4
        metrics.Auc.Should().Be(0.875);
        metrics.BalancedAccuracy.Should().Be(0.75);
        roc.Points.Select(p => (p.Fpr, p.Tpr)).Should().Equal((0.0, 0.0), (0.0, 0.5), (0.5, 1.0), (1.0, 1.0));
        roc.Points[2].Threshold.Should().Be(2.0);
    }

    [Fact]
    public void Perfect_separation_gives_auc_one_and_full_tpr()
    {
        // Given 1000 members scored above 1000 non-members
        var (scores, members) = Separated(1000, 1000, memberOffset: 1000);

        // When
        var metrics = AttackMetrics.Compute(scores, members);

        // Then
        metrics.Auc.Should().Be(1.0);
        metrics.BalancedAccuracy.Should().Be(1.0);
        metrics.Tpr(0.1).Should().Be(1.0);
        metrics.Tpr(0.01).Should().Be(1.0);
        metrics.Members.Should().Be(1000);
        metrics.NonMembers.Should().Be(1000);
    }

    [Fact]
    public void Inverted_separation_gives_auc_zero_and_chance_balanced_accuracy()
    {
        // Given members scored below every non-member
        var (scores, members) = Separated(200, 200, memberOffset: -1000);

        // When
        var metrics = AttackMetrics.Compute(scores, members);

        // Then
        metrics.Auc.Should().Be(0.0);
        metrics.BalancedAccuracy.Should().Be(0.5);
        metrics.Tpr(0.1).Should().Be(0.0);
    }

    [Fact]
    public void All_equal_scores_give_auc_one_half_and_zero_tpr()
    {
        // Given
        var scores = Enumerable.Repeat(0.3, 400).ToArray();
        var members = Enumerable.Range(0, 400).Select(i => i % 2 == 0).ToArray();

        // When
        var metrics = AttackMetrics.Compute(scores, members);

        // Then only (0,0) and (1,1) are on the curve
        metrics.Auc.Should().Be(0.5);
        metrics.BalancedAccuracy.Should().Be(0.5);
        metrics.Tpr(0.1).Should().Be(0.0);
        RocCurve.Compute(scores, members).Points.Should().HaveCount(2);
    }

    [Fact]
    public void Tpr_at_fpr_uses_points_with_fpr_strictly_below_the_target()
    {
        // Given 100 non-members: 50 members on top, then 10 non-members (FPR reaches exactly 0.1), then 50 members
        var scores = new List<double>();
        var members = new List<bool>();
        Add(scores, members, Enumerable.Range(0, 50).Select(i => 1000.0 + i), true);
        Add(scores, members, Enumerable.Range(0, 10).Select(i => 500.0 + i), false);
        Add(scores, members, Enumerable.Range(0, 50).Select(i => 200.0 + i), true);
        Add(scores, members, Enumerable.Range(0, 90).Select(i => (double)i), false);

        // When
        var metrics = AttackMetrics.Compute(scores.ToArray(), members.ToArray());

        // Then the point (0.1, 1.0) does not count for t = 0.1: FPR < t is strict
        metrics.Tpr(0.1).Should().Be(0.5);
    }

    [Fact]
    public void Tpr_at_fpr_is_null_with_a_reason_when_non_members_are_too_few()
    {
        // Given 2000 non-members
        var (scores, members) = Separated(2000, 2000, memberOffset: 0.5);

        // When
        var metrics = AttackMetrics.Compute(scores, members);

        // Then 10/t non-members are needed
        metrics.TprAtFpr.Select(t => t.Fpr).Should().Equal(0.1, 0.01, 0.001, 0.0001, 0.00001);
        metrics.Tpr(0.01).Should().NotBeNull();
        var entry = metrics.TprAtFpr.Single(t => t.Fpr == 0.001);
        entry.Tpr.Should().BeNull();
        entry.Reason.Should().Be("needs ≥ 10000 non-members, have 2000");
    }

    [Fact]
    public void Auc_equals_the_pairwise_probability_and_balanced_accuracy_the_best_threshold()
    {
        // Given random scores with many ties
        var random = new Random(7);
        var scores = Enumerable.Range(0, 300).Select(_ => Math.Round(random.NextDouble() * 20)).ToArray();
        var members = scores.Select(s => random.NextDouble() < 0.3 + (s / 40)).ToArray();

        // When
        var metrics = AttackMetrics.Compute(scores, members);

        // Then it agrees with brute force
        double wins = 0;
        var pairs = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            for (var j = 0; j < scores.Length; j++)
            {
                if (members[i] && !members[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }

        metrics.Auc.Should().BeApproximately(wins / pairs, 1e-12);
        var positives = members.Count(m => m);
        var negatives = members.Length - positives;
        var best = scores.Distinct().Append(double.PositiveInfinity).Max(t =>
            1 - (((double)Enumerable.Range(0, scores.Length).Count(i => !members[i] && scores[i] >= t) / negatives)
                + ((double)Enumerable.Range(0, scores.Length).Count(i => members[i] && scores[i] < t) / positives)) / 2);
        metrics.BalancedAccuracy.Should().BeApproximately(best, 1e-12);
    }

    [Fact]
    public void Nan_scores_are_a_bug()
    {
        var act = () => AttackMetrics.Compute([1.0, double.NaN], [true, false]);
        act.Should().Throw<ArgumentException>().WithMessage("*NaN*");
    }

    private static (double[] Scores, bool[] Members) Separated(int members, int nonMembers, double memberOffset)
    {
        var random = new Random(1);
        var scores = new double[members + nonMembers];
        var truth = new bool[members + nonMembers];
        for (var i = 0; i < scores.Length; i++)
        {
            truth[i] = i < members;
            scores[i] = random.NextDouble() + (truth[i] ? memberOffset : 0);
        }

        return (scores, truth);
    }

    private static void Add(List<double> scores, List<bool> members, IEnumerable<double> values, bool member)
    {
        foreach (var v in values)
        {
            scores.Add(v);
            members.Add(member);
        }
    }
}
