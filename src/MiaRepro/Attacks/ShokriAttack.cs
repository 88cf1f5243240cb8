using MiaRepro.Populations;
using MiaRepro.Signals;

namespace MiaRepro.Attacks;

/// <summary>
/// The shadow-model attack of Shokri et al. 2017 ("Membership inference attacks against machine learning models"):
/// one attack model per class, trained on the shadows' outputs labelled IN/OUT from their keep rows, applied to the
/// target's output with the model of the example's true class. Here, per target (leave-one-out):
/// <list type="bullet">
/// <item>features: the softmax vector sorted in descending order (as in Salem et al.'s ML-Leaks), averaged over queries;</item>
/// <item>attack model: logistic regression on standardized features, from zero weights, <c>steps</c> full-batch
/// gradient-descent steps (default 50) of size 4/(C + 1) — the inverse of a bound on the curvature of the logistic
/// loss there, so that descent cannot diverge; deterministic, no random numbers;</item>
/// <item>training rows: at most <c>rowsPerClass</c> (default 1,000) per class, split evenly over the shadow models, each
/// model taking a run of that class's examples starting at a model-dependent offset, so every target costs
/// O(steps · rowsPerClass · C²) whatever the population's size; each example's row from the target's balanced
/// leave-one-out partner is left out, so the rows of every example come from as many IN as OUT models;</item>
/// <item>score: the attack model's log-odds of IN.</item>
/// </list>
/// Needs the full logits.
/// </summary>
public sealed class ShokriAttack(int steps = 50, int rowsPerClass = 1000) : IMembershipAttack
{
    public string Name => "shokri";

    public string? MissingInput(Population population) => OutputVectors.Missing(population);

    public AttackScores Score(Population population)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowsPerClass);
        OutputVectors.Require(population);
        PopulationValidation.RequireShadowsForEveryTarget(population);
        var (models, examples, classes) = (population.Models, population.Examples, population.Classes);
        var byClass = Enumerable.Range(0, classes)
            .Select(c => Enumerable.Range(0, examples).Where(n => population.Labels[n] == c).ToArray())
            .ToArray();
        var values = new double[models * examples];
        Parallel.For(0, models, target =>
        {
            var features = new double[classes];
            var partners = new int[examples];
            BalancedPartners.Of(population, target, partners);
            for (var c = 0; c < classes; c++)
            {
                if (byClass[c].Length == 0)
                {
                    continue;
                }

                var model = Train(population, target, byClass[c], partners);
                foreach (var n in byClass[c])
                {
                    Features(population, target, n, features);
                    values[(target * examples) + n] = model.LogOdds(features);
                }
            }
        });
        return new AttackScores(models, examples, values);
    }

    /// <summary>
    /// The attack model of one class for <paramref name="target"/>, trained on the other models' outputs, less each
    /// example's row from the target's partner (<see cref="BalancedPartners"/>): every example's rows then come from
    /// as many IN as OUT models, so the model's prior of IN does not lean against the target's own memberships.
    /// </summary>
    private LogisticModel Train(Population population, int target, int[] members, int[] partners)
    {
        var classes = population.Classes;
        var shadows = population.Models - 1;
        var perModel = Math.Min(members.Length, (rowsPerClass + shadows - 1) / shadows);
        var x = new List<double>(shadows * perModel * classes);
        var y = new List<double>(shadows * perModel);
        Span<double> features = stackalloc double[classes];
        for (var s = 0; s < shadows; s++)
        {
            var m = s < target ? s : s + 1;
            for (var k = 0; k < perModel; k++)
            {
                var n = members[((s * perModel) + k) % members.Length];
                if (partners[n] == m)
                {
                    continue;
                }

                Features(population, m, n, features);
                foreach (var f in features)
                {
                    x.Add(f);
                }

                y.Add(population.Keep[(m * population.Examples) + n] ? 1.0 : 0.0);
            }
        }

        return LogisticModel.Fit([.. x], [.. y], classes, steps);
    }

    /// <summary>The descending softmax vector of (model, example), averaged over queries.</summary>
    private static void Features(Population population, int model, int example, Span<double> features)
    {
        var classes = population.Classes;
        Span<double> sorted = stackalloc double[classes];
        features.Clear();
        for (var q = 0; q < population.Queries; q++)
        {
            OutputSignals.SortedSoftmax(OutputVectors.Of(population, model, example, q), sorted);
            for (var i = 0; i < classes; i++)
            {
                features[i] += sorted[i] / population.Queries;
            }
        }
    }

    /// <summary>Logistic regression on standardized features: log-odds = b + Σ w_i (x_i − μ_i)/σ_i.</summary>
    private sealed record LogisticModel(double[] Mean, double[] Scale, double[] Weights, double Bias)
    {
        public static LogisticModel Fit(double[] x, double[] y, int width, int steps)
        {
            var rows = y.Length;
            var mean = new double[width];
            var scale = new double[width];
            for (var r = 0; r < rows; r++)
            {
                for (var i = 0; i < width; i++)
                {
                    mean[i] += x[(r * width) + i] / rows;
                }
            }

            for (var r = 0; r < rows; r++)
            {
                for (var i = 0; i < width; i++)
                {
                    var d = x[(r * width) + i] - mean[i];
                    scale[i] += d * d / rows;
                }
            }

            for (var i = 0; i < width; i++)
            {
                scale[i] = scale[i] > 1e-24 ? Math.Sqrt(scale[i]) : 1.0;
            }

            var z = new double[x.Length];
            for (var r = 0; r < rows; r++)
            {
                for (var i = 0; i < width; i++)
                {
                    z[(r * width) + i] = (x[(r * width) + i] - mean[i]) / scale[i];
                }
            }

            var weights = new double[width];
            var gradient = new double[width];
            var bias = 0.0;
            var rate = 4.0 / (width + 1);
            for (var step = 0; step < steps; step++)
            {
                Array.Clear(gradient);
                var biasGradient = 0.0;
                for (int r = 0, start = 0; r < rows; r++, start += width)
                {
                    var logOdds = bias;
                    for (var i = 0; i < width; i++)
                    {
                        logOdds += weights[i] * z[start + i];
                    }

                    var error = OutputSignals.ProbabilityFromPhi(logOdds) - y[r];
                    biasGradient += error;
                    for (var i = 0; i < width; i++)
                    {
                        gradient[i] += error * z[start + i];
                    }
                }

                bias -= rate * biasGradient / rows;
                for (var i = 0; i < width; i++)
                {
                    weights[i] -= rate * gradient[i] / rows;
                }
            }

            return new LogisticModel(mean, scale, weights, bias);
        }

        public double LogOdds(ReadOnlySpan<double> features)
        {
            var sum = Bias;
            for (var i = 0; i < Weights.Length; i++)
            {
                sum += Weights[i] * (features[i] - Mean[i]) / Scale[i];
            }

            return sum;
        }
    }
}
