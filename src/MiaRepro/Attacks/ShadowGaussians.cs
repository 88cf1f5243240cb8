namespace MiaRepro.Attacks;

/// <summary>The Gaussians fitted to one (example, query)'s φ over the IN and the OUT shadow models.</summary>
internal readonly record struct ShadowGaussians(double MeanIn, double SigmaIn, double MeanOut, double SigmaOut);
