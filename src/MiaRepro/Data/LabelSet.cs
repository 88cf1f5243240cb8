namespace MiaRepro.Data;

/// <summary>The checks every dataset of one's own passes: classes 0 … C − 1 with C ≥ 2, each with a training image.</summary>
public static class LabelSet
{
    /// <summary>The class count of <paramref name="labels"/>, the training labels read from <paramref name="source"/>.</summary>
    /// <exception cref="InputException">A negative label, fewer than two classes, or a class without a training image.</exception>
    public static int Classes(IReadOnlyList<long> labels, string source)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count > 0 && labels.Min() is var min && min < 0)
        {
            throw new InputException($"{source} holds the label {min}; labels are class indices 0 … C − 1.");
        }

        var classes = labels.Count == 0 ? 0 : labels.Max() + 1;
        if (classes < 2)
        {
            throw new InputException($"{source} holds one class only; membership inference needs a classifier of at least two classes.");
        }

        if (classes > 100_000)
        {
            throw new InputException($"{source} holds the label {classes - 1}; labels are class indices 0 … C − 1 with at most 100,000 classes.");
        }

        var seen = new bool[classes];
        foreach (var label in labels)
        {
            seen[label] = true;
        }

        var missing = Array.IndexOf(seen, false);
        return missing < 0
            ? (int)classes
            : throw new InputException(
                $"{source}: class {missing} has no training image, though labels go up to {classes - 1}; renumber the classes 0 … C − 1 without gaps.");
    }

    /// <summary>Refuses a label of <paramref name="labels"/> (read from <paramref name="source"/>) outside 0 … <paramref name="classes"/> − 1.</summary>
    public static void RequireWithin(IReadOnlyList<long> labels, int classes, string source)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var label in labels)
        {
            if (label < 0 || label >= classes)
            {
                throw new InputException($"{source} holds the label {label}, outside the training labels' classes 0 … {classes - 1}.");
            }
        }
    }
}
