using System.Text.Json.Serialization;

namespace MiaRepro.Recipes;

/// <summary>
/// Stop when the monitored validation quantity has not improved by more than <paramref name="MinDelta"/> for
/// <paramref name="Patience"/> epochs; optionally restore the weights of the best epoch. The epoch whose
/// weights the model keeps is recorded as its stop epoch.
/// </summary>
public sealed record EarlyStopping(
    int Patience,
    double MinDelta,
    bool RestoreBestWeights,
    [property: JsonConverter(typeof(JsonStringEnumConverter<StopMonitor>))] StopMonitor Monitor = StopMonitor.ValidationLoss);
