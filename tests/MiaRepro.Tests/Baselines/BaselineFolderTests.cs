using FluentAssertions;
using MiaRepro.Testing.Baselines;
using Xunit;

namespace MiaRepro.Tests.Baselines;

public sealed class BaselineFolderTests : IDisposable
{
    private readonly TempFolder _root = new();

    private static Snapshot Numbers(double auc, double tpr, string verdict = "supported") => Snapshot.Of(
        [KeyValuePair.Create("verdict", verdict)],
        [KeyValuePair.Create<string, double?>("baseline.lira.auc", auc), KeyValuePair.Create<string, double?>("baseline.lira.tpr_at_fpr_1e-3", tpr),
         KeyValuePair.Create<string, double?>("ci95_upper", double.PositiveInfinity), KeyValuePair.Create<string, double?>("effect", null)]);

    public void Dispose() => _root.Dispose();

    [Fact]
    public void A_first_run_fails_and_writes_the_received_file_to_accept()
    {
        // Given an empty baseline folder
        var folder = new BaselineFolder(_root.Path, "cpu-portable");

        // When
        var check = folder.Check("C9_Test.Method", Numbers(0.69, 0.03));

        // Then
        check.Matches.Should().BeFalse();
        check.Message.Should().Contain("no verified baseline yet").And.Contain("accept-baselines.sh").And.Contain(BaselineFolder.AcceptVariable);
        File.Exists(Path.Combine(_root.Path, "cpu-portable", "C9_Test.Method.received.json")).Should().BeTrue();
    }

    [Fact]
    public void Identical_numbers_match_exactly_and_a_stale_received_file_is_removed()
    {
        // Given an accepted baseline and a leftover received file
        var folder = new BaselineFolder(_root.Path, "cpu-portable");
        folder.Check("C9_Test.Method", Numbers(0.690, 0.030), accept: true).Matches.Should().BeTrue();
        File.WriteAllText(Path.Combine(folder.Folder, "C9_Test.Method.received.json"), "{}");

        // When the same numbers come again
        var check = folder.Check("C9_Test.Method", Numbers(0.690, 0.030));

        // Then
        check.Matches.Should().BeTrue(check.Message);
        File.Exists(Path.Combine(folder.Folder, "C9_Test.Method.received.json")).Should().BeFalse();
    }

    [Fact]
    public void Under_the_exact_rule_the_last_bit_of_a_number_is_a_difference()
    {
        // Given
        var folder = new BaselineFolder(_root.Path, "cpu-portable");
        folder.Check("C9_Test.Method", Numbers(0.690, 0.030), accept: true);

        // When the AUC moves by one unit in the last place
        var check = folder.Check("C9_Test.Method", Numbers(Math.BitIncrement(0.690), 0.030));

        // Then
        check.Matches.Should().BeFalse();
        check.Differences.Should().ContainSingle().Which.Should().Be(
            "baseline.lira.auc: verified 0.69, received 0.6900000000000001 (tolerance exact)");
    }

    [Fact]
    public void A_moved_number_fails_with_a_readable_diff_and_never_rewrites_the_verified_file()
    {
        // Given
        var folder = new BaselineFolder(_root.Path, "cpu-portable");
        folder.Check("C9_Test.Method", Numbers(0.690, 0.030), accept: true);
        var verified = File.ReadAllText(Path.Combine(folder.Folder, "C9_Test.Method.verified.json"));

        // When a sign error turns the AUC around and the verdict with it
        var check = folder.Check("C9_Test.Method", Numbers(0.310, 0.001, "refuted"));

        // Then
        check.Matches.Should().BeFalse();
        check.Differences.Should().Contain("verdict: verified supported, received refuted");
        check.Differences.Should().Contain("baseline.lira.auc: verified 0.69, received 0.31 (tolerance exact)");
        check.Differences.Should().HaveCount(3);
        File.ReadAllText(Path.Combine(folder.Folder, "C9_Test.Method.verified.json")).Should().Be(verified);
        File.Exists(check.ReceivedPath).Should().BeTrue();
    }

    [Fact]
    public void Under_measured_tolerances_numbers_may_move_by_four_seed_deviations_and_the_verdict_is_not_compared()
    {
        // Given a baseline whose AUC varied by 0.01 and TPR by 0.002 (SD) across seeds
        var spread = new BaselineSpread([0, 1, 2], 4, 0.001, new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["C9_Test.Method"] = new Dictionary<string, double> { ["baseline.lira.auc"] = 0.01, ["baseline.lira.tpr_at_fpr_1e-3"] = 0.002 },
        });
        var folder = new BaselineFolder(_root.Path, "cpu-native", BaselineRule.Measured(spread));
        folder.Check("C9_Test.Method", Numbers(0.690, 0.030), accept: true);

        // When the AUC moves by 0.039 and the TPR by 0.009 (beyond 4 × 0.002), with another verdict
        var check = folder.Check("C9_Test.Method", Numbers(0.729, 0.039, "inconclusive"));

        // Then only the TPR differs; effect and interval bound (null and ∞ as before) match
        check.Differences.Should().ContainSingle().Which.Should().StartWith("baseline.lira.tpr_at_fpr_1e-3: verified 0.03, received 0.039 (tolerance ±0.008)");
        spread.ToleranceOf("C9_Test.Method", "baseline.lira.auc").Should().Be(new Tolerance(0.04));
        spread.ToleranceOf("C9_Test.Method", "unmeasured").Should().BeNull();
    }

    [Fact]
    public void A_number_without_a_measured_spread_is_a_difference_that_says_so()
    {
        // Given a spread that measured nothing for this baseline
        var rule = BaselineRule.Measured(new BaselineSpread([0, 1], 4, 0.001, new Dictionary<string, IReadOnlyDictionary<string, double>>()));

        // When
        var differences = BaselineFolder.Compare(Numbers(0.69, 0.03), Numbers(0.691, 0.03), rule, "C9_Test.Method");

        // Then a moved number is unmatched (an identical one always matches), and the line names the rule
        differences.Should().ContainSingle().Which.Should().StartWith(
            "baseline.lira.auc: verified 0.69, received 0.691 (tolerance none measured for this number: 4 × SD over seeds 0, 1");
    }

    [Fact]
    public void The_spread_is_the_sample_standard_deviation_per_number_and_survives_its_file()
    {
        // Given three seeds' snapshots
        IReadOnlyList<Snapshot> runs = [Numbers(0.68, 0.02), Numbers(0.70, 0.03), Numbers(0.72, 0.04)];

        // When
        var spread = BaselineSpread.Measure([0, 1, 2], new Dictionary<string, IReadOnlyList<Snapshot>> { ["C9_Test.Method"] = runs });
        var path = Path.Combine(_root.Path, BaselineSpread.FileName);
        File.WriteAllText(path, spread.ToJson());
        var back = BaselineSpread.Load(path);

        // Then (an infinite or null number has no spread)
        back.StandardDeviations["C9_Test.Method"]["baseline.lira.auc"].Should().BeApproximately(0.02, 1e-15);
        back.StandardDeviations["C9_Test.Method"]["baseline.lira.tpr_at_fpr_1e-3"].Should().BeApproximately(0.01, 1e-15);
        back.StandardDeviations["C9_Test.Method"].Should().NotContainKeys("effect", "ci95_upper");
        back.Seeds.Should().Equal(0, 1, 2);
        back.Multiplier.Should().Be(BaselineSpread.DefaultMultiplier);
        File.WriteAllText(path, "{}");
        var garbled = () => BaselineSpread.Load(path);
        garbled.Should().Throw<InputException>().WithMessage($"*{path}*measure-spread.sh*");
    }

    [Fact]
    public void Accepting_replaces_the_verified_file_with_the_received_one()
    {
        // Given
        var folder = new BaselineFolder(_root.Path, "cuda");
        folder.Check("C9_Test.Method", Numbers(0.690, 0.030), accept: true);

        // When
        var check = folder.Check("C9_Test.Method", Numbers(0.500, 0.010), accept: true);

        // Then
        check.Matches.Should().BeTrue();
        folder.Check("C9_Test.Method", Numbers(0.500, 0.010)).Matches.Should().BeTrue();
        Directory.GetFiles(folder.Folder).Should().ContainSingle().Which.Should().EndWith("cuda/C9_Test.Method.verified.json");
    }

    [Fact]
    public void A_number_that_appears_or_disappears_is_a_difference()
    {
        // Given
        var verified = Numbers(0.69, 0.03);
        var received = Snapshot.Of(verified.Texts, verified.Numbers.Where(p => p.Key != "effect").Append(KeyValuePair.Create<string, double?>("new.auc", 0.5)));

        // When
        var differences = BaselineFolder.Compare(verified, received);

        // Then
        differences.Should().BeEquivalentTo("effect: verified null, received (absent) (tolerance exact)", "new.auc: verified (absent), received 0.5 (tolerance exact)");
    }

    [Fact]
    public void Dangling_lists_verified_files_no_test_names()
    {
        // Given
        var folder = new BaselineFolder(_root.Path, "cpu-portable");
        folder.Check("Kept.Test", Numbers(0.6, 0.01), accept: true);
        folder.Check("Removed.Test", Numbers(0.6, 0.01), accept: true);
        folder.Check("Pending.Test", Numbers(0.6, 0.01));

        // When
        var dangling = folder.Dangling(["Kept.Test", "Pending.Test"]);

        // Then
        dangling.Should().ContainSingle().Which.Should().EndWith("Removed.Test.verified.json");
        new BaselineFolder(_root.Path, "absent-device").Dangling([]).Should().BeEmpty();
    }

    [Fact]
    public void Files_are_LF_UTF8_with_sorted_keys_and_every_digit()
    {
        // Given
        var snapshot = Snapshot.Of([KeyValuePair.Create("verdict", "supported")],
            [KeyValuePair.Create<string, double?>("z.auc", 0.123456789012345678), KeyValuePair.Create<string, double?>("a.effect", 98765.4321)]);

        // When
        var json = snapshot.ToJson();
        var back = Snapshot.FromJson(json, "x.verified.json");

        // Then
        json.Should().NotContain("\r").And.EndWith("\n");
        json.IndexOf("a.effect", StringComparison.Ordinal).Should().BeLessThan(json.IndexOf("z.auc", StringComparison.Ordinal));
        back.Numbers["z.auc"].Should().Be(0.123456789012345678);
        back.Numbers["a.effect"].Should().Be(98765.4321);
        BaselineFolder.Compare(snapshot, back).Should().BeEmpty();
    }

    [Fact]
    public void A_garbled_baseline_file_is_named_in_the_error()
    {
        var act = () => Snapshot.FromJson("{ not json", "baselines/cpu/X.Y.verified.json");
        act.Should().Throw<InputException>().WithMessage("*baselines/cpu/X.Y.verified.json*");
    }
}
