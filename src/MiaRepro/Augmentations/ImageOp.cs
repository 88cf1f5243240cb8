namespace MiaRepro.Augmentations;

/// <summary>
/// The image operations of AutoAugment, RandAugment, TrivialAugment and AugMix, as named by torchvision's
/// <c>_apply_op</c>. The geometric ones (<see cref="ShearX"/> … <see cref="Rotate"/>) are contiguous.
/// </summary>
internal enum ImageOp
{
    Identity,
    ShearX,
    ShearY,
    TranslateX,
    TranslateY,
    Rotate,
    Brightness,
    Color,
    Contrast,
    Sharpness,
    Posterize,
    Solarize,
    AutoContrast,
    Equalize,
    Invert,
}
