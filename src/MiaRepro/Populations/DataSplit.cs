using MiaRepro.Seeds;

namespace MiaRepro.Populations;

/// <summary>
/// Which examples play which part: the population (each model trains on half of it) and the validation set
/// (early stopping) are disjoint draws from the training split; the test set is drawn from the test split —
/// or, for a pooled dataset (<see cref="Data.Dataset.Pooled"/>), all three are disjoint draws from the pool.
/// </summary>
public sealed record DataSplit(IReadOnlyList<int> Population, IReadOnlyList<int> Validation, IReadOnlyList<int> Test)
{
    public static DataSplit Draw(int trainCount, int testCount, int population, int validation, int test, long seed, bool pooled = false)
    {
        var heldOut = validation + (pooled ? test : 0);
        if (trainCount <= heldOut)
        {
            throw new InputException(new SettingProblem(
                Setting.DataDir, null,
                $"The dataset has {trainCount} {(pooled ? "pooled" : "training")} examples, no more than the {heldOut} the scale holds out " +
                $"({validation} validation{(pooled ? $" and {test} test" : string.Empty)} examples), so none is left for a population; " +
                $"use a dataset with more than {heldOut} {(pooled ? "pooled" : "training")} examples."));
        }

        if (pooled)
        {
            if (population + validation + test > trainCount)
            {
                throw new InputException(new SettingProblem(
                    Setting.Population, $"{population}",
                    $"with {validation} validation and {test} test examples, exceeds the {trainCount} pooled examples of the dataset. " +
                    $"Use a population ≤ {trainCount - validation - test}."));
            }

            var pool = SeedSequence.Permutation(trainCount, SeedSequence.Derive(seed, "split-pool"));
            return new DataSplit(
                pool[..population], pool[population..(population + validation)],
                pool[(population + validation)..(population + validation + test)]);
        }

        if (population + validation > trainCount)
        {
            throw new InputException(new SettingProblem(
                Setting.Population, $"{population}",
                $"with {validation} validation examples, exceeds the {trainCount} training examples of the dataset. " +
                $"Use a population ≤ {trainCount - validation}."));
        }

        if (test > testCount)
        {
            throw new InputException($"The scale asks for {test} test examples but the dataset has {testCount}.");
        }

        var train = SeedSequence.Permutation(trainCount, SeedSequence.Derive(seed, "split-train"));
        var held = SeedSequence.Permutation(testCount, SeedSequence.Derive(seed, "split-test"));
        return new DataSplit(train[..population], train[population..(population + validation)], held[..test]);
    }
}
