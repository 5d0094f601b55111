namespace Tunas.Web.Features.Registry.Imports;

/// <summary>
/// The row in which each NIK of a file was first seen, for "this NIK appears twice". A file's every NIK stays here for
/// the whole import, so it is kept as tight as it goes: 12 bytes a slot (the NIK's 16 digits as a long, the row as an
/// int) in two flat arrays with a quarter of the slots spare. A <see cref="Dictionary{TKey, TValue}"/> takes 24 bytes an
/// entry plus 4 a bucket: 28 MB for a million-row file where this takes 16 MB, and it doubles when a resumed file has
/// more rows than counted.
/// </summary>
public sealed class FirstRows
{
    private long[] _keys;
    private int[] _rows;

    /// <param name="expected">How many NIKs the file holds (its row count); more fit, by growing.</param>
    public FirstRows(int expected)
    {
        var slots = Slots(expected);
        _keys = new long[slots];
        _rows = new int[slots];
    }

    public int Count { get; private set; }

    /// <summary>Bytes the table holds, whatever is in it.</summary>
    public long Bytes => (long)_keys.Length * (sizeof(long) + sizeof(int));

    /// <summary>Remembers <paramref name="nik"/> at <paramref name="row"/>; false when it was seen before (<paramref name="first"/> is where).</summary>
    public bool TryAdd(long nik, int row, out int first)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nik);
        if (4L * (Count + 1) > 3L * _keys.Length)
        {
            Grow();
        }
        // Keys are stored plus one, so that an empty slot (0) is never a NIK.
        var stored = nik + 1;
        for (var i = Slot(stored, _keys.Length); ; i = i + 1 == _keys.Length ? 0 : i + 1)
        {
            if (_keys[i] == 0)
            {
                (_keys[i], _rows[i], first) = (stored, row, row);
                Count++;
                return true;
            }
            if (_keys[i] == stored)
            {
                first = _rows[i];
                return false;
            }
        }
    }

    private void Grow()
    {
        var (keys, rows) = (_keys, _rows);
        _keys = new long[keys.Length * 2];
        _rows = new int[keys.Length * 2];
        for (var j = 0; j < keys.Length; j++)
        {
            if (keys[j] == 0)
            {
                continue;
            }
            var i = Slot(keys[j], _keys.Length);
            while (_keys[i] != 0)
            {
                i = i + 1 == _keys.Length ? 0 : i + 1;
            }
            (_keys[i], _rows[i]) = (keys[j], rows[j]);
        }
    }

    private static int Slots(int expected) => (int)Math.Max(16, Math.Min(Array.MaxLength / 2, 4L * Math.Max(0, expected) / 3 + 1));

    /// <summary>A well-mixed hash of the key (NIKs share long runs of digits) mapped onto the slots by multiplication.</summary>
    private static int Slot(long key, int slots)
    {
        var h = (ulong)key * 0x9E3779B97F4A7C15UL;
        h ^= h >> 29;
        return (int)(((h >> 32) * (ulong)slots) >> 32);
    }
}
