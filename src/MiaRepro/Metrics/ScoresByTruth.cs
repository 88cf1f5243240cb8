namespace MiaRepro.Metrics;

/// <summary>
/// Scores split by truth into the members' and the non-members' <see cref="SortableKeys"/>, each sorted ascending:
/// the form an exact ROC is walked from (<see cref="RocSweep.Walk{TVisitor}(ReadOnlySpan{ulong}, ReadOnlySpan{ulong}, ref TVisitor)"/>).
/// Reusable: <see cref="Load"/> keeps its arrays when they are large enough, so one instance per thread serves
/// every target of a population without allocating.
/// </summary>
internal sealed class ScoresByTruth
{
    private ulong[] _members = [];
    private ulong[] _nonMembers = [];
    private ulong[] _memberBuffer = [];
    private ulong[] _nonMemberBuffer = [];
    private int _memberCount;
    private int _nonMemberCount;

    public ReadOnlySpan<ulong> Members => _members.AsSpan(0, _memberCount);

    public ReadOnlySpan<ulong> NonMembers => _nonMembers.AsSpan(0, _nonMemberCount);

    /// <summary>Splits and sorts <paramref name="scores"/>; with <paramref name="parallel"/>, the two sides sort concurrently.</summary>
    /// <exception cref="ArgumentException">A NaN score or mismatched lengths.</exception>
    public void Load(ReadOnlySpan<double> scores, ReadOnlySpan<bool> isMember, bool parallel = false)
    {
        if (scores.Length != isMember.Length)
        {
            throw new ArgumentException($"{scores.Length} scores but {isMember.Length} membership labels.", nameof(isMember));
        }

        _memberCount = isMember.Count(true);
        _nonMemberCount = isMember.Length - _memberCount;
        Reserve(ref _members, _memberCount);
        Reserve(ref _nonMembers, _nonMemberCount);
        Reserve(ref _memberBuffer, _memberCount);
        Reserve(ref _nonMemberBuffer, _nonMemberCount);
        var (m, n) = (0, 0);
        for (var i = 0; i < scores.Length; i++)
        {
            var score = scores[i];
            if (double.IsNaN(score))
            {
                throw new ArgumentException($"Score {i} is NaN: an attack produced an undefined score.", nameof(scores));
            }

            if (isMember[i])
            {
                _members[m++] = SortableKeys.FromScore(score);
            }
            else
            {
                _nonMembers[n++] = SortableKeys.FromScore(score);
            }
        }

        if (parallel)
        {
            Parallel.Invoke(SortMembers, SortNonMembers);
        }
        else
        {
            SortMembers();
            SortNonMembers();
        }
    }

    private void SortMembers() => SortableKeys.Sort(_members.AsSpan(0, _memberCount), _memberBuffer);

    private void SortNonMembers() => SortableKeys.Sort(_nonMembers.AsSpan(0, _nonMemberCount), _nonMemberBuffer);

    private static void Reserve(ref ulong[] array, int length)
    {
        if (array.Length < length)
        {
            array = GC.AllocateUninitializedArray<ulong>(length);
        }
    }
}
