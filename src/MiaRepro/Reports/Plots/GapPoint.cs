namespace MiaRepro.Reports.Plots;

/// <summary>One model as target: its generalization gap (train accuracy − test accuracy) and the attack's TPR on it.</summary>
public readonly record struct GapPoint(int Model, double Gap, double Tpr);
