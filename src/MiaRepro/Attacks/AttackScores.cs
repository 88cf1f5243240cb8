namespace MiaRepro.Attacks;

/// <summary>Membership scores [Models, Examples] in C order: row t holds every example's score with model t as the target.</summary>
public sealed record AttackScores(int Models, int Examples, double[] Values)
{
    public double this[int model, int example] => Values[(model * Examples) + example];
}
