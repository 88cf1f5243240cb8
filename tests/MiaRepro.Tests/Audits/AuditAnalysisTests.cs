using FluentAssertions;
using MiaRepro.Audits;
using MiaRepro.Claims;
using MiaRepro.Metrics;
using MiaRepro.Reports;
using MiaRepro.Tests.Reports;

namespace MiaRepro.Tests.Audits;

/// <summary>The audit's analysis on synthetic runs with known answers: a recipe that leaks less, one that leaks more, too few non-members.</summary>
public sealed class AuditAnalysisTests
{
    [Fact]
    public void A_recipe_that_leaks_far_less_is_supported_at_its_accuracy_cost()
    {
        // Given a baseline whose members stand out (shift 2) and a recipe whose members hardly do (0.2), 10,400 non-member scores
        var run = SyntheticRun.Create("unused", examples: 2600, otherShift: 0.2, other: "crop-flip");

        // When
        var audit = AuditAnalysis.Analyse(run, 1e-5);

        // Then the verdict is the reduction factor's, above 1 with its interval
        var finding = audit.Findings.Should().ContainSingle().Which;
        finding.Recipe.Should().Be("crop-flip");
        finding.Verdict.Should().Be(Verdict.Supported);
        finding.Reduction!.RatioCi95.Lower.Should().BeGreaterThan(1);
        AuditReport.VerdictLine(finding, audit).Should().StartWith("crop-flip lowers lira-").And.Contain("supported");

        // and the cost is the difference of the mean test accuracies (the synthetic gap differs by 0.12), inside its interval
        var models = run.Recipes.ToDictionary(r => r.Key, r => r.Value.Trained.Models.Average(m => m.TestAccuracy));
        finding.Cost.Cost.Should().BeApproximately(models["baseline"] - models["crop-flip"], 1e-12);
        finding.Cost.Ci95.Contains(finding.Cost.Cost).Should().BeTrue();

        // and the baseline shows a larger ε than the recipe, each with its counts
        var epsilon = audit.Recipes.ToDictionary(r => r.Recipe, r => r.Epsilon!);
        epsilon["baseline"].Lower.Should().BeGreaterThan(epsilon["crop-flip"].Lower);
        epsilon["baseline"].Lower.Should().BeLessThanOrEqualTo(epsilon["baseline"].Estimate);
        (epsilon["baseline"].Members + epsilon["baseline"].NonMembers).Should().Be(4 * 2600, "the odd-numbered half of 8 targets counts");
    }

    [Fact]
    public void A_recipe_that_leaks_more_is_refuted()
    {
        var run = SyntheticRun.Create("unused", examples: 2600, otherShift: 4.0, other: "crop-flip");

        var finding = AuditAnalysis.Analyse(run, 1e-5).Findings.Single();

        finding.Verdict.Should().Be(Verdict.Refuted);
        finding.Reduction!.RatioCi95.Upper.Should().BeLessThan(1);
    }

    [Fact]
    public void Too_few_non_members_leave_the_verdict_inconclusive_with_the_reason_and_the_per_class_table_counts_every_score()
    {
        // Given 8 × 400 scores: 1,600 non-members cannot measure 0.1% FPR
        var run = SyntheticRun.Create("unused");

        var audit = AuditAnalysis.Analyse(run, 1e-5);

        var finding = audit.Findings.Single();
        finding.Verdict.Should().Be(Verdict.Inconclusive);
        finding.Reduction.Should().BeNull();
        finding.Unmeasured.Should().Contain("non-members");
        var baseline = audit.Recipes.First(r => r.Recipe == "baseline");
        baseline.PerClass.Sum(c => c.MemberScores + c.NonMemberScores).Should().Be(SyntheticRun.Models * SyntheticRun.Examples);
        baseline.PerClass.Should().OnlyContain(c => c.Tpr.Select(t => t.Fpr).SequenceEqual(AuditAnalysis.ClassFprs));
        audit.Leaking["baseline"].Should().HaveCount(AuditAnalysis.LeakingCount).And.BeInDescendingOrder(l => l.Score);
        audit.Leaking["baseline"].Should().OnlyContain(l => l.ScoreByRecipe.ContainsKey("crop-flip-early-stop"));
    }
}
