using MiaRepro.Attacks;
using MiaRepro.Metrics;
using MiaRepro.Populations;
using MiaRepro.Reports.Text;
using MiaRepro.Results;
using static System.FormattableString;

namespace MiaRepro.Reports.Plots;

/// <summary>
/// The figures of a report, as data: per recipe the ROC curves of every attack (<c>roc-&lt;recipe&gt;.png</c>); the ROC of
/// the run's LiRA attack on each recipe (<c>roc-lira-by-recipe.png</c>); and per-target TPR against the generalization
/// gap, one point per model (<c>tpr-vs-gap.png</c>, the paper's central figure).
/// </summary>
public static class ReportFigures
{
    public const string LiraByRecipeFile = "roc-lira-by-recipe.png";
    public const string GapFile = "tpr-vs-gap.png";

    /// <summary>The FPRs tried, in order, for the gap figure: the paper's 0.1% first, then the first every target can measure.</summary>
    public static IReadOnlyList<double> GapFprs { get; } = [OperatingPoints.Headline, OperatingPoints.OnePercent, OperatingPoints.TenPercent];

    /// <summary>The figures of a run, read with its LiRA variant (<see cref="RunSummary.LiraAttack"/>).</summary>
    public static FigureSet For(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary switch
        {
            ReproductionResult result => For(result),
            AttackRun run => For(run),
            var other => throw new ArgumentException($"No figures for a {other.GetType().Name}.", nameof(summary)),
        };
    }

    /// <summary>The figures of a reproduction run; the LiRA attack is the scale's (<see cref="Recipes.ScaleProfile.LiraAttack"/>).</summary>
    private static FigureSet For(ReproductionResult result)
    {
        var recipes = result.Recipes
            .Select((r, i) => new RecipeData(
                r.Key,
                i,
                r.Value.Trained.Population,
                r.Value.Suite,
                Gaps(r.Value.Trained.Models.Select(m => (m.Index, (double?)(m.TrainAccuracy - m.TestAccuracy))), r.Value.Trained.Population.Models)))
            .ToList();
        var attack = result.LiraAttack;
        var figures = new List<Figure>();
        var notDrawn = new List<string>();
        figures.AddRange(recipes.Select((r, i) => Roc(r, first: i == 0)));
        Add(LiraByRecipe(recipes, attack, $"the attack the claims are decided with at {result.Settings.Scale.Name} scale"), figures, notDrawn);
        Add(Gap(recipes, attack), figures, notDrawn);
        return new FigureSet(figures, notDrawn);
    }

    /// <summary>
    /// The figures of <c>miarepro attack</c> on one population folder: its ROC plot and, when <c>models.json</c> gives
    /// the accuracies, the gap figure for the LiRA variant its model count calls for (<see cref="Recipes.ScaleProfile.LiraAttackFor"/>).
    /// </summary>
    private static FigureSet For(AttackRun run)
    {
        var (folder, suite, _) = run;
        var p = folder.Population;
        var recipe = new RecipeData(p.Name, 0, p, suite, Gaps(folder.Models.Select(m => (m.Index, m.TrainAccuracy - m.TestAccuracy)), p.Models));
        var notDrawn = new List<string>();
        var figures = new List<Figure> { Roc(recipe, first: true) };
        Add(Gap([recipe], run.LiraAttack), figures, notDrawn);
        return new FigureSet(figures, notDrawn);
    }

    /// <summary>The name of a recipe's ROC plot: <c>roc-&lt;recipe&gt;.png</c>, any character unsafe in a file name or link replaced by '-'.</summary>
    public static string RocFileName(string recipe) =>
        $"roc-{string.Concat((recipe ?? throw new ArgumentNullException(nameof(recipe))).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'))}.png";

    /// <param name="first">The first ROC plot of the report explains how to read it; the others refer to it.</param>
    private static RocFigure Roc(RecipeData recipe, bool first)
    {
        var series = recipe.Suite.Outcomes.Values
            .Select((o, i) => new RocSeries(Legend(o.Attack, o.Pooled), AttackStyle(o.Attack, i), recipe.Curve(o.Attack)))
            .ToList();
        var pooled = recipe.Suite.Outcomes.Values.FirstOrDefault()?.Pooled;
        var nonMembers = pooled?.NonMembers ?? 0;
        var what = Invariant(
            $"Every attack on **{recipe.Name}**, all {recipe.Population.Models} targets pooled into one ROC ({nonMembers:N0} non-member and {pooled?.Members ?? 0:N0} member scores), log–log");
        var how = first
            ? Invariant($": the lower left is the low-FPR regime the paper measures, and a curve high there means confident membership calls. Dashed: chance. Points with FPR or TPR 0 have no place on log axes and are left out, so a curve starts at its first false positive (FPR 1/{nonMembers:N0}); left of the dotted line fewer than 10 false positives decide each point. The legend gives each attack's AUC and TPR at 0.1% FPR.")
            : "; read as the first ROC plot.";
        var notRun = recipe.Suite.Unavailable.Count == 0 ? string.Empty : $" Not run here: {string.Join(", ", recipe.Suite.Unavailable.Keys)} (see the attacks table).";
        return new RocFigure(RocFileName(recipe.Name), $"ROC of every attack: {recipe.Name}", what + how + notRun, series, nonMembers);
    }

    private static (Figure? Figure, string? NotDrawn) LiraByRecipe(IReadOnlyList<RecipeData> recipes, string attack, string why)
    {
        var drawn = recipes.Where(r => r.Suite.Outcomes.ContainsKey(attack)).ToList();
        if (drawn.Count == 0)
        {
            return (null, $"`{Figure.Folder}/{LiraByRecipeFile}`: {attack} could not run on any recipe ({Reason(recipes, attack)}).");
        }

        var series = drawn.Select(r => new RocSeries(Legend(r.Name, r.Suite.Outcomes[attack].Pooled), r.Style, r.Curve(attack))).ToList();
        var nonMembers = drawn.Min(r => r.Suite.Outcomes[attack].Pooled.NonMembers);
        var caption = $"{attack} ({why}) on each recipe, targets pooled, log–log as the first ROC plot: the lower a recipe's curve at low FPR, the less its models leak membership; on log axes the vertical distance between the baseline's curve and another's at 0.1% FPR is the log of that recipe's reduction factor (table above). Recipes are drawn in the legend's order, so a recipe with the same results as a later one (e.g. early stopping that never stopped early) lies hidden under it.";
        return (new RocFigure(LiraByRecipeFile, $"ROC of {attack} by recipe", caption, series, nonMembers), null);
    }

    private static (Figure? Figure, string? NotDrawn) Gap(IReadOnlyList<RecipeData> recipes, string attack)
    {
        var file = $"`{Figure.Folder}/{GapFile}`";
        var attacked = recipes.Where(r => r.Suite.Outcomes.ContainsKey(attack)).ToList();
        if (attacked.Count == 0)
        {
            return (null, $"{file}: {attack} could not run ({Reason(recipes, attack)}).");
        }

        var targets = attacked.SelectMany(r => r.Suite.Outcomes[attack].PerTarget.Select((m, i) => (Recipe: r, Model: i, Metrics: m, Gap: r.Gaps[i])))
            .Where(t => t.Gap is not null)
            .ToList();
        if (targets.Count == 0)
        {
            return (null, $"{file}: no model's train and test accuracy is known (models.json does not give them).");
        }

        var fpr = GapFprs.FirstOrDefault(f => targets.All(t => t.Metrics.Tpr(f) is not null));
        var fewest = targets.Min(t => t.Metrics.NonMembers);
        if (fpr == 0.0)
        {
            return (null, Invariant($"{file}: a target has only {fewest:N0} non-members, too few for a TPR at {NumberText.FormatPercent(GapFprs[^1])} FPR."));
        }

        var floor = 0.5 / targets.Max(t => t.Metrics.Members);
        var series = attacked
            .Select(r => new GapSeries(
                r.Name,
                r.Style,
                [.. targets.Where(t => t.Recipe == r).Select(t => new GapPoint(t.Model, t.Gap!.Value, t.Metrics.Tpr(fpr)!.Value))]))
            .Where(s => s.Points.Count > 0)
            .ToList();
        var zeros = targets.Count(t => t.Metrics.Tpr(fpr) == 0.0);
        var whyFpr = fpr == GapFprs[0] ? string.Empty
            : Invariant($" — not the paper's 0.1%: that needs ≥ {AttackMetrics.MinimumNonMembers(GapFprs[0]):N0} non-members per target and a target here has {fewest:N0}, so this is the lowest FPR measurable on every target");
        var zeroText = zeros == 0 ? "No target has TPR 0."
            : Invariant($"{zeros} of {targets.Count} targets have TPR 0: they are drawn at {floor:0.###%} (half of 1/members, below the smallest nonzero TPR a target can have), on the dashed line, with open markers.");
        var caption = Invariant(
            $"The paper's central figure (claim C5): each point is one model as target ({targets.Count} models, {series.Count} recipes), its own generalization gap (its train accuracy − its test accuracy) against {attack}'s TPR at {NumberText.FormatPercent(fpr)} FPR on its own scores{whyFpr}. Log y-axis. {zeroText} If the gap predicts vulnerability, the points rise to the right. Recipes are drawn in the legend's order: a later recipe's point covers an earlier one's at the same place.");
        var title = "Per-model TPR vs generalization gap";
        return (new GapFigure(GapFile, title, caption, attack, fpr, floor, series), null);
    }

    private static string Reason(IReadOnlyList<RecipeData> recipes, string attack) =>
        recipes.Select(r => r.Suite.Unavailable.GetValueOrDefault(attack)).FirstOrDefault(r => r is not null) ?? "not in the run's attacks";

    private static void Add((Figure? Figure, string? NotDrawn) made, List<Figure> figures, List<string> notDrawn)
    {
        if (made.Figure is not null)
        {
            figures.Add(made.Figure);
        }

        if (made.NotDrawn is not null)
        {
            notDrawn.Add(made.NotDrawn);
        }
    }

    /// <summary>Two lines, so that the legend beside the plot stays narrow: the name, then AUC and TPR at 0.1% FPR.</summary>
    private static string Legend(string name, AttackMetrics pooled) =>
        Invariant($"{name}\nAUC {pooled.Auc:0.000}, TPR@0.1% {(pooled.Tpr(OperatingPoints.Headline) is { } tpr ? NumberText.FormatTpr(tpr) : "not measurable")}");

    /// <summary>An attack's place in the catalog, so that it has the same colour in every plot.</summary>
    private static int AttackStyle(string attack, int fallback)
    {
        var index = AttackCatalog.Names.ToList().IndexOf(attack);
        return index >= 0 ? index : fallback;
    }

    /// <summary>Each model's gap by its index; null for a model whose accuracies are unknown.</summary>
    private static double?[] Gaps(IEnumerable<(int Index, double? Gap)> models, int count)
    {
        var gaps = new double?[count];
        foreach (var (index, gap) in models.Where(m => m.Index >= 0 && m.Index < count))
        {
            gaps[index] = gap;
        }

        return gaps;
    }

    /// <summary>A recipe as the figures see it: its population, its attacks, and each model's gap (null where unknown).</summary>
    private sealed record RecipeData(string Name, int Style, Population Population, AttackSuite Suite, double?[] Gaps)
    {
        private readonly Dictionary<string, IReadOnlyList<RocPoint>> _curves = [];

        /// <summary>The attack's pooled ROC, thinned for log axes; computed once, as two plots draw it.</summary>
        public IReadOnlyList<RocPoint> Curve(string attack)
        {
            if (!_curves.TryGetValue(attack, out var curve))
            {
                curve = LogAxis.Thin(RocCurve.Compute(Suite.Outcomes[attack].Scores, Population.Keep).Points);
                _curves[attack] = curve;
            }

            return curve;
        }
    }
}
