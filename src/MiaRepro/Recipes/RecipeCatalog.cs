namespace MiaRepro.Recipes;

/// <summary>The named recipes of SPEC.md, built from a scale profile's shared settings.</summary>
public static class RecipeCatalog
{
    private static readonly IReadOnlyDictionary<string, (bool Flip, bool Crop, bool EarlyStop)> s_techniques =
        new Dictionary<string, (bool, bool, bool)>
        {
            ["baseline"] = (false, false, false),
            ["flip"] = (true, false, false),
            ["crop"] = (false, true, false),
            ["crop-flip"] = (true, true, false),
            ["early-stop"] = (false, false, true),
            ["crop-flip-early-stop"] = (true, true, true),
        };

    public static IReadOnlyList<string> Names { get; } = [.. s_techniques.Keys];

    public static Recipe Create(string name, ScaleProfile profile)
    {
        if (!s_techniques.TryGetValue(name, out var t))
        {
            throw new InputException(
                $"Unknown recipe '{name}'. Valid recipes: {string.Join(", ", Names)}.");
        }

        return new Recipe(
            Name: name,
            Model: profile.Model,
            Epochs: profile.Epochs,
            BatchSize: profile.BatchSize,
            LearningRate: profile.LearningRate,
            Momentum: profile.Momentum,
            WeightDecay: profile.WeightDecay,
            LabelSmoothing: 0,
            Augmentation: new Augmentation(t.Flip, t.Crop ? profile.CropPadding : 0),
            EarlyStopping: t.EarlyStop ? new EarlyStopping(profile.Patience, 0, RestoreBestWeights: true) : null);
    }
}
