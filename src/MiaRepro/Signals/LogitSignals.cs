namespace MiaRepro.Signals;

// TEMPORARY stand-in until the attacks branch lands.
public static class LogitSignals
{
    public static double Phi(ReadOnlySpan<float> logits, long label)
    {
        var y = (int)label;
        var max = double.NegativeInfinity;
        for (var c = 0; c < logits.Length; c++) { if (c != y) { max = Math.Max(max, logits[c]); } }
        var sum = 0.0;
        for (var c = 0; c < logits.Length; c++) { if (c != y) { sum += Math.Exp(logits[c] - max); } }
        return logits[y] - (max + Math.Log(sum));
    }
}
