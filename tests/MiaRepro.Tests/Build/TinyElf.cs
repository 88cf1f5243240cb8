namespace MiaRepro.Tests.Build;

/// <summary>
/// A small ELF64 file built in memory, with the file offset of each Vernaux entry's vna_flags field,
/// keyed "file/version" (e.g. "libstdc++.so.6/GLIBCXX_3.4.32").
/// </summary>
public sealed record TinyElf(byte[] Bytes, IReadOnlyDictionary<string, int> FlagOffsets)
{
    public byte[] Copy() => (byte[])Bytes.Clone();
}
