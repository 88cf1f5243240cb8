namespace MiaRepro.Recipes;

/// <summary>How the learning rate moves over a recipe's training steps.</summary>
public static class LearningRateSchedule
{
    /// <summary>From the recipe's rate at step 0 towards 0 at the last step along half a cosine (the default: <see cref="Recipe.Schedule"/> null).</summary>
    public const string Cosine = "cosine";

    /// <summary>The recipe's rate at every step.</summary>
    public const string Constant = "constant";

    public static IReadOnlyList<string> Names { get; } = [Cosine, Constant];

    /// <summary>The rate at <paramref name="step"/> of <paramref name="totalSteps"/> under <paramref name="schedule"/> (null: cosine).</summary>
    public static double RateAt(string? schedule, double baseRate, int step, int totalSteps) => schedule switch
    {
        null or Cosine => baseRate * 0.5 * (1 + Math.Cos(Math.PI * step / totalSteps)),
        Constant => baseRate,
        _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule, $"Unknown schedule; valid: {string.Join(", ", Names)}."),
    };
}
