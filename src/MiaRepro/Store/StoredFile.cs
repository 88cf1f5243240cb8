namespace MiaRepro.Store;

/// <summary>One file of a stored model: its length in bytes and its SHA-256 (lowercase hex).</summary>
public sealed record StoredFile(long Bytes, string Sha256);
