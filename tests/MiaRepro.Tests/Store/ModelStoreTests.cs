using FluentAssertions;
using MiaRepro.Store;
using MiaRepro.Training;

namespace MiaRepro.Tests.Store;

public sealed class ModelStoreTests
{
    private const int Examples = 5;
    private const int Queries = 2;
    private const int Classes = 3;

    private static ModelKey Key(long seed = 7) =>
        new("data-id", ModelKey.HashKeepRow([true, false, true, false, true]), "recipe-hash", seed, Queries, 2, Trainer.Version, "cpu:2-threads");

    private static TrainingResult Result()
    {
        var logits = Enumerable.Range(0, Examples * Queries * Classes).Select(i => (float)(i * 0.25 - 3)).ToArray();
        return new TrainingResult(logits, Queries, Classes, 0.9, 0.7, 4, 6, 0.55, Weights: [1, 2, 3, 4, 5]);
    }

    [Fact]
    public void A_saved_model_is_found_with_its_logits_and_record()
    {
        using var temp = new TempFolder();
        var store = new ModelStore(temp.Path);

        store.Save(Key(), "baseline", Result(), seconds: 12.5);
        var found = store.Find(Key(), Examples, Queries, Classes);

        found.Discarded.Should().BeNull();
        found.Model.Should().NotBeNull();
        var r = found.Model!.Result;
        r.Logits.Should().Equal(Result().Logits);
        (r.TrainAccuracy, r.TestAccuracy, r.StopEpoch, r.EpochsRun, r.BestValidationLoss).Should().Be((0.9, 0.7, 4, 6, 0.55));
        found.Model.Seconds.Should().Be(12.5);
        File.ReadAllBytes(Path.Combine(store.PathOf(Key()), "weights.bin")).Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public void Another_key_is_a_miss_and_leaves_the_stored_model_alone()
    {
        using var temp = new TempFolder();
        var store = new ModelStore(temp.Path);
        store.Save(Key(seed: 7), "baseline", Result(), 1);

        var found = store.Find(Key(seed: 8), Examples, Queries, Classes);

        found.Should().Be(StoreLookup.Miss);
        Directory.Exists(store.PathOf(Key(seed: 7))).Should().BeTrue();
        Key(seed: 7).Hash.Should().NotBe(Key(seed: 8).Hash).And.MatchRegex("^[0-9a-f]{64}$");
    }

    [Theory]
    [InlineData("truncate logits", "logits.npy has")]
    [InlineData("flip a logit byte", "logits.npy fails its SHA-256")]
    [InlineData("flip a weight byte", "weights.bin fails its SHA-256")]
    [InlineData("delete weights", "weights.bin is missing")]
    [InlineData("garble manifest", "unreadable model.json")]
    [InlineData("delete manifest", "unreadable model.json")]
    [InlineData("edit test accuracy", "training result (accuracies, epochs, loss) fails its SHA-256")]
    [InlineData("edit stop epoch", "training result (accuracies, epochs, loss) fails its SHA-256")]
    [InlineData("null logits entry", "lists no logits.npy")] // once a NullReferenceException
    [InlineData("null weights entry", "lists no weights.bin")]
    [InlineData("a key given twice", "unreadable model.json")] // once: the last one won, silently
    [InlineData("huge logits entry", "more than float32")] // refused before the file is read
    public void A_damaged_model_is_discarded_with_the_reason_and_never_used(string damage, string reason)
    {
        using var temp = new TempFolder();
        var store = new ModelStore(temp.Path);
        store.Save(Key(), "baseline", Result(), 1);
        var folder = store.PathOf(Key());
        Damage(folder, damage);

        var found = store.Find(Key(), Examples, Queries, Classes);

        found.Model.Should().BeNull();
        found.Discarded.Should().Contain(reason).And.Contain(folder);
        Directory.Exists(folder).Should().BeFalse("a damaged model is removed so that it is trained and stored again");
        store.Find(Key(), Examples, Queries, Classes).Should().Be(StoreLookup.Miss);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("null")]
    public void An_entry_without_its_metrics_checksum_is_discarded_never_signed_afresh(string how)
    {
        // Given a stored model whose model.json lost its metrics_sha256 (deleted, or set to null) and whose train
        // accuracy was then edited
        using var temp = new TempFolder();
        var store = new ModelStore(temp.Path);
        store.Save(Key(), "baseline", Result(), 1);
        var folder = store.PathOf(Key());
        var manifest = Path.Combine(folder, "model.json");
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
        if (how == "delete")
        {
            node.Remove("metrics_sha256");
        }
        else
        {
            node["metrics_sha256"] = null;
        }

        node["train_accuracy"] = 0.99;
        File.WriteAllText(manifest, node.ToJsonString());

        // When it is looked up
        var found = store.Find(Key(), Examples, Queries, Classes);

        // Then it is not used and not re-signed: it is discarded, to be trained again
        found.Model.Should().BeNull();
        found.Discarded.Should().Contain("no checksum of its training result");
        Directory.Exists(folder).Should().BeFalse();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_where_a_model_folder_belongs_is_moved_aside_and_the_model_stored(bool atPrefix)
    {
        // Given a regular file at the model's folder, or at its two-letter prefix folder
        using var temp = new TempFolder();
        var store = new ModelStore(temp.Path);
        var folder = store.PathOf(Key());
        var misplaced = atPrefix ? Path.GetDirectoryName(folder)! : folder;
        Directory.CreateDirectory(Path.GetDirectoryName(misplaced)!);
        File.WriteAllText(misplaced, "not a model");

        // When it is looked up, then trained and saved
        var found = store.Find(Key(), Examples, Queries, Classes);
        store.Save(Key(), "baseline", Result(), 1);

        // Then the file was reported and moved aside (kept, not deleted), and the model is stored
        found.Model.Should().BeNull();
        found.Discarded.Should().Contain(misplaced).And.Contain("moved aside");
        Directory.EnumerateFiles(Path.GetDirectoryName(misplaced)!, "*.not-a-model-*").Should().ContainSingle();
        store.Find(Key(), Examples, Queries, Classes).Model.Should().NotBeNull();
    }

    [Fact]
    public void A_model_stored_for_another_shape_is_discarded()
    {
        using var temp = new TempFolder();
        var store = new ModelStore(temp.Path);
        store.Save(Key(), "baseline", Result(), 1);

        var found = store.Find(Key(), Examples + 1, Queries, Classes);

        found.Model.Should().BeNull();
        found.Discarded.Should().Contain("shape");
    }

    [Fact]
    public void Saving_an_existing_key_keeps_the_first_copy_and_leaves_no_staging_behind()
    {
        using var temp = new TempFolder();
        var store = new ModelStore(temp.Path);
        store.Save(Key(), "baseline", Result(), 1);

        store.Save(Key(), "baseline", Result() with { TestAccuracy = 0.1 }, 2);

        store.Find(Key(), Examples, Queries, Classes).Model!.Result.TestAccuracy.Should().Be(0.7);
        Directory.EnumerateFileSystemEntries(Path.Combine(temp.Path, "tmp")).Should().BeEmpty();
    }

    [Fact]
    public void Staging_folders_of_dead_processes_are_removed_on_open_and_live_ones_kept()
    {
        using var temp = new TempFolder();
        var dead = Path.Combine(temp.Path, "tmp", "999999999-abc");
        MiaRepro.IO.OwnedFolder.CreateStaging(dead, "999999999-abc");
        File.WriteAllText(Path.Combine(dead, "logits.npy"), "half a file");
        var live = Path.Combine(temp.Path, "tmp", $"{Environment.ProcessId}-def");
        MiaRepro.IO.OwnedFolder.CreateStaging(live, $"{Environment.ProcessId}-def");

        _ = new ModelStore(temp.Path);

        Directory.Exists(dead).Should().BeFalse();
        Directory.Exists(live).Should().BeTrue();
    }

    [Fact]
    public void Store_root_that_is_a_file_is_rejected_with_the_fix()
    {
        using var temp = new TempFolder();
        var file = temp.File("not-a-folder");
        File.WriteAllText(file, "x");

        var act = () => new ModelStore(file);

        act.Should().Throw<InputException>().WithMessage("store *: is a file*folder*").Which.Problems.Should().ContainSingle(p => p.Setting == Setting.Store);
    }

    [Fact]
    public void Default_root_is_the_environment_variable_else_the_user_cache()
    {
        var previous = Environment.GetEnvironmentVariable(ModelStore.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ModelStore.EnvironmentVariable, "/some/store");
            ModelStore.DefaultRoot().Should().Be("/some/store");
            Environment.SetEnvironmentVariable(ModelStore.EnvironmentVariable, null);
            ModelStore.DefaultRoot().Should().EndWith(Path.Combine(".cache", "miarepro"));
            Environment.SetEnvironmentVariable(ModelStore.EnvironmentVariable, "  ");
            var blank = () => ModelStore.DefaultRoot();
            blank.Should().Throw<InputException>().WithMessage("MIAREPRO_STORE is set but blank*unset it*");
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModelStore.EnvironmentVariable, previous);
        }
    }

    [Fact]
    public void A_read_only_store_finds_models_but_changes_nothing_not_even_a_damaged_model()
    {
        // Given a store with two models, one of them damaged, opened read-only (as merge opens a shard's store)
        using var temp = new TempFolder();
        var writable = new ModelStore(temp.Path);
        writable.Save(Key(seed: 7), "baseline", Result(), 1);
        writable.Save(Key(seed: 8), "baseline", Result(), 1);
        Damage(writable.PathOf(Key(seed: 8)), "flip a logit byte");
        var readOnly = ModelStore.OpenReadOnly(temp.Path);

        // When both are looked up, and a model is saved
        var sound = readOnly.Find(Key(seed: 7), Examples, Queries, Classes);
        var damaged = readOnly.Find(Key(seed: 8), Examples, Queries, Classes);
        var save = () => readOnly.Save(Key(seed: 9), "baseline", Result(), 1);

        // Then the sound one is found, the damaged one reported and left in place, and nothing is written
        sound.Model!.Result.Logits.Should().Equal(Result().Logits);
        damaged.Model.Should().BeNull();
        damaged.Discarded.Should().Contain("logits.npy fails its SHA-256");
        Directory.Exists(readOnly.PathOf(Key(seed: 8))).Should().BeTrue();
        save.Should().Throw<InvalidOperationException>();
        Directory.Exists(readOnly.PathOf(Key(seed: 9))).Should().BeFalse();
        ModelStore.OpenReadOnly(Path.Combine(temp.Path, "absent")).Find(Key(), Examples, Queries, Classes).Should().Be(StoreLookup.Miss);
        Directory.Exists(Path.Combine(temp.Path, "absent")).Should().BeFalse();
    }

    /// <summary>Replaces the one match of <paramref name="pattern"/> in <paramref name="path"/>.</summary>
    private static void Edit(string path, string pattern, string replacement)
    {
        var text = File.ReadAllText(path);
        System.Text.RegularExpressions.Regex.Matches(text, pattern).Should().ContainSingle(text);
        File.WriteAllText(path, System.Text.RegularExpressions.Regex.Replace(text, pattern, replacement));
    }

    private static void Damage(string folder, string damage)
    {
        var logits = Path.Combine(folder, "logits.npy");
        var weights = Path.Combine(folder, "weights.bin");
        var manifest = Path.Combine(folder, "model.json");
        switch (damage)
        {
            case "truncate logits":
                var bytes = File.ReadAllBytes(logits);
                File.WriteAllBytes(logits, bytes[..^7]);
                break;
            case "flip a logit byte":
                FlipLastByte(logits);
                break;
            case "flip a weight byte":
                FlipLastByte(weights);
                break;
            case "delete weights":
                File.Delete(weights);
                break;
            case "garble manifest":
                File.WriteAllText(manifest, "{ not json");
                break;
            case "delete manifest":
                File.Delete(manifest);
                break;
            case "edit test accuracy":
                Edit(manifest, "\"test_accuracy\":\\s*0.7,", "\"test_accuracy\": 0.8,");
                break;
            case "edit stop epoch":
                Edit(manifest, "\"stop_epoch\":\\s*4,", "\"stop_epoch\": 5,");
                break;
            case "null logits entry":
                EditFiles(manifest, files => files["logits.npy"] = null);
                break;
            case "null weights entry":
                EditFiles(manifest, files => files["weights.bin"] = null);
                break;
            case "huge logits entry":
                EditFiles(manifest, files => files["logits.npy"]!["bytes"] = 1L << 40);
                break;
            case "a key given twice":
                Edit(manifest, "\"test_accuracy\":", "\"test_accuracy\": 0.99, \"test_accuracy\":");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }
    }

    private static void EditFiles(string manifest, Action<System.Text.Json.Nodes.JsonObject> edit)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
        edit(node["files"]!.AsObject());
        File.WriteAllText(manifest, node.ToJsonString());
    }

    private static void FlipLastByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }
}
