using FluentAssertions;
using MiaRepro.Baselines;
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
        var folder = new BaselineFolder(_root.Path, "cpu");

        // When
        var check = folder.Check("C9_Test.Method", Numbers(0.69, 0.03));

        // Then
        check.Matches.Should().BeFalse();
        check.Message.Should().Contain("no verified baseline yet").And.Contain("accept-baselines.sh").And.Contain(BaselineFolder.AcceptVariable);
        File.Exists(Path.Combine(_root.Path, "cpu", "C9_Test.Method.received.json")).Should().BeTrue();
    }

    [Fact]
    public void Numbers_within_tolerance_match_and_a_stale_received_file_is_removed()
    {
        // Given an accepted baseline and a leftover received file
        var folder = new BaselineFolder(_root.Path, "cpu");
        folder.Check("C9_Test.Method", Numbers(0.690, 0.030), accept: true).Matches.Should().BeTrue();
        File.WriteAllText(Path.Combine(folder.Folder, "C9_Test.Method.received.json"), "{}");

        // When the AUC moves by 0.005 and the TPR by 20%
        var check = folder.Check("C9_Test.Method", Numbers(0.695, 0.036));

        // Then
        check.Matches.Should().BeTrue(check.Message);
        File.Exists(Path.Combine(folder.Folder, "C9_Test.Method.received.json")).Should().BeFalse();
    }

    [Fact]
    public void A_moved_number_fails_with_a_readable_diff_and_never_rewrites_the_verified_file()
    {
        // Given
        var folder = new BaselineFolder(_root.Path, "cpu");
        folder.Check("C9_Test.Method", Numbers(0.690, 0.030), accept: true);
        var verified = File.ReadAllText(Path.Combine(folder.Folder, "C9_Test.Method.verified.json"));

        // When a sign error turns the AUC around and the verdict with it
        var check = folder.Check("C9_Test.Method", Numbers(0.310, 0.001, "refuted"));

        // Then
        check.Matches.Should().BeFalse();
        check.Differences.Should().Contain("verdict: verified supported, received refuted");
        check.Differences.Should().Contain(d => d.StartsWith("baseline.lira.auc: verified 0.69, received 0.31 (tolerance ±0.01)", StringComparison.Ordinal));
        check.Differences.Should().HaveCount(3);
        File.ReadAllText(Path.Combine(folder.Folder, "C9_Test.Method.verified.json")).Should().Be(verified);
        File.Exists(check.ReceivedPath).Should().BeTrue();
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
        differences.Should().BeEquivalentTo("effect: verified null, received (absent) (tolerance ±(0.05 + 25%))", "new.auc: verified (absent), received 0.5 (tolerance ±0.01)");
    }

    [Fact]
    public void Dangling_lists_verified_files_no_test_names()
    {
        // Given
        var folder = new BaselineFolder(_root.Path, "cpu");
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
    public void Files_are_LF_UTF8_with_sorted_keys_and_round_to_four_significant_digits()
    {
        // Given
        var snapshot = Snapshot.Of([KeyValuePair.Create("verdict", "supported")],
            [KeyValuePair.Create<string, double?>("z.auc", 0.123456789), KeyValuePair.Create<string, double?>("a.effect", 98765.4321)]);

        // When
        var json = snapshot.ToJson();
        var back = Snapshot.FromJson(json, "x.verified.json");

        // Then
        json.Should().NotContain("\r").And.EndWith("\n");
        json.IndexOf("a.effect", StringComparison.Ordinal).Should().BeLessThan(json.IndexOf("z.auc", StringComparison.Ordinal));
        back.Numbers["z.auc"].Should().Be(0.1235);
        back.Numbers["a.effect"].Should().Be(98770);
        BaselineFolder.Compare(snapshot, back).Should().BeEmpty();
    }

    [Fact]
    public void A_garbled_baseline_file_is_named_in_the_error()
    {
        var act = () => Snapshot.FromJson("{ not json", "baselines/cpu/X.Y.verified.json");
        act.Should().Throw<InputException>().WithMessage("*baselines/cpu/X.Y.verified.json*");
    }

    [Theory]
    [InlineData("baseline.lira-online.auc", 0.70, 0.709, true)]
    [InlineData("baseline.lira-online.auc", 0.70, 0.712, false)]
    [InlineData("baseline.test_accuracy", 0.819, 0.811, true)]
    [InlineData("baseline.lira-online.tpr_at_fpr_1e-3", 0.0326, 0.0400, true)]
    [InlineData("baseline.lira-online.tpr_at_fpr_1e-3", 0.0326, 0.0450, false)]
    [InlineData("effect", 9.85, 12.0, true)]
    [InlineData("effect", 9.85, 13.0, false)]
    [InlineData("crop-flip-early-stop.stop_epoch", 15.7, 17.5, true)]
    public void Tolerances_depend_on_the_metric(string key, double verified, double received, bool allowed)
    {
        Tolerance.For(key).Allows(verified, received).Should().Be(allowed);
    }
}
