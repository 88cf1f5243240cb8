using MiaRepro.Recipes;
using static TorchSharp.torch;

namespace MiaRepro.Training;

/// <summary>
/// Tracks the monitored validation quantity (loss or accuracy) epoch by epoch: remembers the best epoch (and a
/// copy of its weights when the rule restores them) and says when <see cref="EarlyStopping.Patience"/> epochs
/// have passed without an improvement larger than <see cref="EarlyStopping.MinDelta"/>.
/// </summary>
internal sealed class EarlyStopper(EarlyStopping rule)
{
    private Dictionary<string, Tensor>? _bestWeights;
    private int _sinceBest;

    private double _best = double.NegativeInfinity;

    /// <summary>The validation loss at the best epoch (whichever quantity is monitored).</summary>
    public double BestLoss { get; private set; } = double.NaN;

    public int BestEpoch { get; private set; }

    public bool ShouldStop => _sinceBest >= rule.Patience;

    public void Observe(int epoch, double loss, double accuracy, nn.Module model)
    {
        // Both quantities as "higher is better", so one comparison serves both monitors.
        var value = rule.Monitor == StopMonitor.ValidationAccuracy ? accuracy : -loss;
        if (value > _best + rule.MinDelta)
        {
            _best = value;
            BestLoss = loss;
            BestEpoch = epoch;
            _sinceBest = 0;
            if (rule.RestoreBestWeights)
            {
                DisposeBest();
                _bestWeights = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
            }
        }
        else
        {
            _sinceBest++;
        }
    }

    /// <summary>Restores the best weights when the rule asks for it; returns the epoch whose weights the model now has.</summary>
    public int Finish(nn.Module model, int lastEpoch)
    {
        if (_bestWeights is null)
        {
            return lastEpoch;
        }

        model.load_state_dict(_bestWeights);
        DisposeBest();
        return BestEpoch;
    }

    private void DisposeBest()
    {
        if (_bestWeights is null)
        {
            return;
        }

        foreach (var t in _bestWeights.Values)
        {
            t.Dispose();
        }

        _bestWeights = null;
    }
}
