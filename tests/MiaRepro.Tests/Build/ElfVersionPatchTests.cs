using FluentAssertions;
using MiaRepro.Build;
using Xunit;

namespace MiaRepro.Tests.Build;

/// <summary>The in-memory ELF patcher, on small files built by <see cref="TinyElfBuilder"/>.</summary>
public sealed class ElfVersionPatchTests
{
    private const string LibStdCxx = "libstdc++.so.6";
    private const string Target = "GLIBCXX_3.4.32";

    private static TinyElf TorchSharpLike() => new TinyElfBuilder()
        .Need("libc.so.6", ("GLIBC_2.2.5", 0), ("GLIBC_2.34", 0))
        .Need(LibStdCxx, ("CXXABI_1.3", 0), (Target, 0), ("GLIBCXX_3.4.30", 0), ("GLIBCXX_3.4", 0))
        .Build();

    [Fact]
    public void Weakening_sets_only_the_weak_flag_and_keeps_every_other_byte()
    {
        // Given a library that requires GLIBCXX_3.4.32 from libstdc++ among other versions
        var elf = TorchSharpLike();
        var bytes = elf.Copy();

        // When its GLIBCXX_3.4.32 requirement is weakened
        var result = ElfVersionPatch.WeakenVersionRequirement(bytes, Target, LibStdCxx);

        // Then only the two bytes of that entry's vna_flags may differ, and they now hold VER_FLG_WEAK
        result.Should().Be(PatchResult.Patched);
        bytes.Should().HaveSameCount(elf.Bytes);
        var flags = elf.FlagOffsets[LibStdCxx + "/" + Target];
        DifferingOffsets(elf.Bytes, bytes).Should().NotBeEmpty().And.OnlyContain(offset => offset == flags || offset == flags + 1);
        (bytes[flags] | (bytes[flags + 1] << 8)).Should().Be(ElfVersionPatch.WeakFlag);
        ElfVersionPatch.ReadRequirements(bytes)
            .Where(requirement => requirement.IsWeak)
            .Select(requirement => requirement.File + "/" + requirement.Version)
            .Should().Equal(LibStdCxx + "/" + Target);
    }

    [Fact]
    public void Weakening_keeps_the_other_flag_bits()
    {
        // Given a requirement whose flags already carry another bit (VER_FLG_INFO, 0x4)
        var elf = new TinyElfBuilder().Need(LibStdCxx, ("GLIBCXX_3.4", 0), (Target, 0x4)).Build();
        var bytes = elf.Copy();

        // When it is weakened
        ElfVersionPatch.WeakenVersionRequirement(bytes, Target, LibStdCxx);

        // Then both bits are set
        ElfVersionPatch.ReadRequirements(bytes).Single(requirement => requirement.Version == Target).Flags.Should().Be(0x6);
    }

    [Fact]
    public void A_second_weakening_is_a_no_op()
    {
        // Given a library already weakened once
        var bytes = TorchSharpLike().Copy();
        ElfVersionPatch.WeakenVersionRequirement(bytes, Target, LibStdCxx);
        var once = (byte[])bytes.Clone();

        // When it is weakened again
        var result = ElfVersionPatch.WeakenVersionRequirement(bytes, Target, LibStdCxx);

        // Then it says so and changes nothing
        result.Should().Be(PatchResult.AlreadyWeak);
        bytes.Should().Equal(once);
    }

    [Theory]
    [InlineData("GLIBCXX_3.4.33", LibStdCxx)]
    [InlineData(Target, "libc.so.6")]
    [InlineData("GLIBC_2.34", LibStdCxx)]
    public void A_version_not_required_from_the_named_file_is_left_alone(string version, string neededFile)
    {
        // Given a library that does not need this version from this file
        var elf = TorchSharpLike();
        var bytes = elf.Copy();

        // When that requirement is weakened
        var result = ElfVersionPatch.WeakenVersionRequirement(bytes, version, neededFile);

        // Then nothing is required, and nothing changed
        result.Should().Be(PatchResult.NotRequired);
        bytes.Should().Equal(elf.Bytes);
    }

    [Fact]
    public void Without_a_named_file_the_version_is_weakened_wherever_it_is_required()
    {
        // Given a library that requires GLIBCXX_3.4.32
        var bytes = TorchSharpLike().Copy();

        // When it is weakened without naming the file it comes from
        var result = ElfVersionPatch.WeakenVersionRequirement(bytes, Target);

        // Then the libstdc++ entry is weak
        result.Should().Be(PatchResult.Patched);
        ElfVersionPatch.ReadRequirements(bytes).Single(requirement => requirement.Version == Target).IsWeak.Should().BeTrue();
    }

    [Fact]
    public void A_library_without_version_requirements_requires_nothing()
    {
        // Given an ELF file with no .gnu.version_r section
        var elf = new TinyElfBuilder().Define("LIBTINY_1.0").Build();
        var bytes = elf.Copy();

        // When a version requirement is weakened
        var result = ElfVersionPatch.WeakenVersionRequirement(bytes, Target, LibStdCxx);

        // Then nothing is required and nothing changed
        result.Should().Be(PatchResult.NotRequired);
        bytes.Should().Equal(elf.Bytes);
    }

    [Fact]
    public void Requirements_are_read_by_following_the_verneed_and_vernaux_chains()
    {
        // Given two Verneed entries whose Vernaux entries all lie after both of them
        var elf = TorchSharpLike();

        // When the requirements are read
        var requirements = ElfVersionPatch.ReadRequirements(elf.Bytes);

        // Then every (file, version) pair comes back in order, with its flags offset
        requirements.Select(requirement => requirement.File + "/" + requirement.Version).Should().Equal(
            "libc.so.6/GLIBC_2.2.5",
            "libc.so.6/GLIBC_2.34",
            "libstdc++.so.6/CXXABI_1.3",
            "libstdc++.so.6/GLIBCXX_3.4.32",
            "libstdc++.so.6/GLIBCXX_3.4.30",
            "libstdc++.so.6/GLIBCXX_3.4");
        requirements.Select(requirement => requirement.FlagsOffset)
            .Should().Equal(requirements.Select(requirement => elf.FlagOffsets[requirement.File + "/" + requirement.Version]));
    }

    [Fact]
    public void Defined_versions_are_read_from_the_verdef_section()
    {
        // Given a library like libstdc++ that defines versions up to GLIBCXX_3.4.30 and requires others
        var elf = new TinyElfBuilder()
            .Soname(LibStdCxx)
            .Define("GLIBCXX_3.4", "GLIBCXX_3.4.29", "GLIBCXX_3.4.30", "CXXABI_1.3")
            .Need("libc.so.6", ("GLIBC_2.34", 0), (Target, 0))
            .Build();

        // When its definitions are asked for
        // Then the defined versions are found, and a version it only requires or lacks is not
        ElfVersionPatch.ReadDefinitions(elf.Bytes).Should().Equal(LibStdCxx, "GLIBCXX_3.4", "GLIBCXX_3.4.29", "GLIBCXX_3.4.30", "CXXABI_1.3");
        ElfVersionPatch.DefinesVersion(elf.Bytes, "GLIBCXX_3.4.30").Should().BeTrue();
        ElfVersionPatch.DefinesVersion(elf.Bytes, Target).Should().BeFalse();
        ElfVersionPatch.DefinesVersion(elf.Bytes, "GLIBC_2.34").Should().BeFalse();
    }

    [Fact]
    public void A_library_without_verdef_defines_nothing()
    {
        // Given a library with requirements only
        var elf = TorchSharpLike();

        // When its definitions are asked for
        // Then there are none
        ElfVersionPatch.DefinesVersion(elf.Bytes, "GLIBCXX_3.4").Should().BeFalse();
    }

    [Fact]
    public void Non_elf_input_is_rejected_with_a_clear_error()
    {
        // Given bytes that are not an ELF file
        var text = "#!/bin/sh\necho not a library\n"u8.ToArray();

        // When they are patched
        var act = () => ElfVersionPatch.WeakenVersionRequirement(text, Target);

        // Then the error says so
        act.Should().Throw<InvalidDataException>().WithMessage("not an ELF file*");
    }

    [Theory]
    [InlineData(2, "not an ELF file*")]
    [InlineData(20, "truncated ELF file*64-byte ELF64 header*")]
    [InlineData(64, "truncated ELF file*section header table*")]
    [InlineData(-1, "truncated ELF file*section headers*")]
    public void Truncated_input_is_rejected_with_a_clear_error(int length, string message)
    {
        // Given an ELF file cut short (a negative length cuts that many bytes off the end)
        var bytes = TorchSharpLike().Bytes;
        var cut = bytes[..(length < 0 ? bytes.Length + length : length)];

        // When it is patched
        var act = () => ElfVersionPatch.WeakenVersionRequirement(cut, Target);

        // Then the error says it is truncated, and where
        act.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Fact]
    public void A_section_that_runs_past_the_end_is_rejected()
    {
        // Given an ELF file whose .gnu.version_r claims more bytes than the file holds
        var bytes = TorchSharpLike().Copy();
        var verneedHeader = SectionHeaderOffset(bytes, 2);
        bytes[verneedHeader + 32 + 3] = 0x10;

        // When it is patched
        var act = () => ElfVersionPatch.WeakenVersionRequirement(bytes, Target);

        // Then the error names the section
        act.Should().Throw<InvalidDataException>().WithMessage("truncated ELF file: section 2*past the end*");
    }

    [Fact]
    public void A_chain_offset_past_its_section_is_rejected()
    {
        // Given an ELF file whose first vn_next points past .gnu.version_r
        var bytes = TorchSharpLike().Copy();
        var verneed = (int)BitConverter.ToUInt64(bytes, SectionHeaderOffset(bytes, 2) + 24);
        bytes[verneed + 12 + 2] = 0x01;

        // When it is patched
        var act = () => ElfVersionPatch.WeakenVersionRequirement(bytes, Target);

        // Then the error names the field
        act.Should().Throw<InvalidDataException>().WithMessage("vn_next offset*");
    }

    [Theory]
    [InlineData(4, 1, "unsupported ELF class 1*ELF64*")]
    [InlineData(5, 2, "unsupported ELF data encoding 2*little-endian*")]
    public void Other_elf_classes_and_byte_orders_are_rejected(int identIndex, byte value, string message)
    {
        // Given a 32-bit or big-endian ELF identification
        var bytes = TorchSharpLike().Copy();
        bytes[identIndex] = value;

        // When it is patched
        var act = () => ElfVersionPatch.WeakenVersionRequirement(bytes, Target);

        // Then the error says what is supported
        act.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    private static int SectionHeaderOffset(byte[] bytes, int index) =>
        (int)BitConverter.ToUInt64(bytes, 0x28) + (index * 64);

    private static List<int> DifferingOffsets(byte[] before, byte[] after) =>
        [.. Enumerable.Range(0, before.Length).Where(offset => before[offset] != after[offset])];
}
