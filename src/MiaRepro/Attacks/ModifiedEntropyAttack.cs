using MiaRepro.Populations;
using MiaRepro.Signals;

namespace MiaRepro.Attacks;

/// <summary>
/// The modified-entropy attack with class-dependent thresholds (Song &amp; Mittal 2021, "Systematic evaluation of
/// privacy risks of machine learning models"): Mentr(p, y) = −(1 − p_y) log p_y − Σ_{i≠y} p_i log(1 − p_i), low for
/// members. Per target and per class c, the threshold τ_c is fitted on the shadows' Mentr of the class-c examples
/// (IN vs OUT, all other models): τ_c is the shadow value that maximizes the shadow balanced accuracy of
/// "member iff Mentr ≤ τ_c" (ties grouped; the smallest such value). Score = τ_c − Mentr, so one global threshold
/// on the score is the paper's per-class thresholds. Mentr is the mean over queries. Needs the full logits.
/// </summary>
public sealed class ModifiedEntropyAttack : IMembershipAttack
{
    public string Name => "modified-entropy";

    public string? MissingInput(Population population) => OutputVectors.Missing(population);

    public AttackScores Score(Population population)
    {
        var mentr = CellSignals.MeanOverQueries(population, OutputSignals.ModifiedEntropy);
        PopulationValidation.RequireShadowsForEveryTarget(population);
        var (models, examples) = (population.Models, population.Examples);
        var classes = Enumerable.Range(0, population.Classes)
            .Select(c => SortedClass(population, mentr, Enumerable.Range(0, examples).Where(n => population.Labels[n] == c).ToArray()))
            .ToArray();
        var values = new double[models * examples];
        Parallel.For(0, models, target =>
        {
            var thresholds = classes.Select(c => c.Threshold(target)).ToArray();
            for (var n = 0; n < examples; n++)
            {
                var cell = (target * examples) + n;
                values[cell] = thresholds[population.Labels[n]] - mentr[cell];
            }
        });
        return new AttackScores(models, examples, values);
    }

    /// <summary>Every model's Mentr on the examples of one class, ascending, with the model and membership of each.</summary>
    private static SortedValues SortedClass(Population population, double[] mentr, int[] members)
    {
        var keys = new double[population.Models * members.Length];
        var cells = new int[keys.Length];
        for (var m = 0; m < population.Models; m++)
        {
            for (var k = 0; k < members.Length; k++)
            {
                var cell = (m * population.Examples) + members[k];
                keys[(m * members.Length) + k] = mentr[cell];
                cells[(m * members.Length) + k] = cell;
            }
        }

        Array.Sort(keys, cells);
        var models = new int[cells.Length];
        var inside = new byte[cells.Length];
        var (totalIn, modelIn) = (0, new int[population.Models]);
        for (var i = 0; i < cells.Length; i++)
        {
            models[i] = cells[i] / population.Examples;
            inside[i] = population.Keep[cells[i]] ? (byte)1 : (byte)0;
            totalIn += inside[i];
            modelIn[models[i]] += inside[i];
        }

        return new SortedValues(keys, models, inside, totalIn, modelIn, members.Length);
    }

    /// <param name="Keys">Every model's Mentr on the class's examples, ascending.</param>
    /// <param name="Models">The model of each key.</param>
    /// <param name="Inside">1 where the key's example was IN its model, else 0 (counted without branches).</param>
    /// <param name="TotalIn">How many keys are IN.</param>
    /// <param name="ModelIn">Per model, how many of its keys are IN.</param>
    /// <param name="PerModel">Keys per model (the class's examples).</param>
    private sealed record SortedValues(double[] Keys, int[] Models, byte[] Inside, int TotalIn, int[] ModelIn, int PerModel)
    {
        /// <summary>The shadow value τ that maximizes the balanced accuracy of "member iff Mentr ≤ τ", target left out.</summary>
        public double Threshold(int target)
        {
            var totalIn = TotalIn - ModelIn[target];
            var totalOut = Keys.Length - TotalIn - (PerModel - ModelIn[target]);
            if (totalIn == 0 || totalOut == 0)
            {
                return 0.0; // an empty class: no target example uses this threshold
            }

            var (inBelow, outBelow) = (0, 0);
            var (best, threshold) = (double.NegativeInfinity, 0.0);
            for (var i = 0; i < Keys.Length; i++)
            {
                if (Models[i] == target)
                {
                    continue; // the target's own values are neither counted nor candidates
                }

                inBelow += Inside[i];
                outBelow += 1 - Inside[i];
                var next = i + 1;
                while (next < Keys.Length && Models[next] == target)
                {
                    next++;
                }

                if (next < Keys.Length && Keys[next] == Keys[i])
                {
                    continue;
                }

                var balanced = (((double)inBelow / totalIn) + 1.0 - ((double)outBelow / totalOut)) / 2.0;
                if (balanced > best)
                {
                    (best, threshold) = (balanced, Keys[i]);
                }
            }

            return threshold;
        }
    }
}
