using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Bots.Text;

namespace Bots.ArticleStore.Dedup;

/// <summary>
/// The hashed word-pair shingles of an article (stop words dropped, Porter-stemmed), about 4 bytes
/// per word. The share of common shingles measures how much of the shorter text the longer one
/// repeats. Sampling (by hash value, not position, so samples stay comparable) is possible through
/// <see cref="SampleRate"/>, but at 1-in-4 the seed rewrite's score became too noisy to trust.
/// Rewrites keep many content-word pairs ("humanitarian aid", "veto power") even when the
/// sentences are reworded; unrelated stories on the same subject share far fewer.
/// </summary>
public sealed class ArticleFingerprint
{
    // One in SampleRate shingles is kept; one in KeyRate of those (by hash) is indexed for lookup:
    // a rewrite sharing ~75 shingles shares ~4.7 keys and is missed with odds (15/16)^75, under 1%.
    // Every key is a random write into the key index on import, so one in 8 cost a third more
    // import time at 100,000 articles for recall only on rewrites that share few pairs.
    public const uint SampleRate = 1;
    public const uint KeyRate = 16;
    private const int MaxKeys = 96;

    private ArticleFingerprint(uint[] sample) => Sample = sample;

    /// <summary>Sorted, distinct sampled shingle hashes.</summary>
    public uint[] Sample { get; }

    /// <summary>The part of the sample put in the lookup index: articles sharing a key are compared.</summary>
    public IEnumerable<long> Keys => Sample.Where(h => h % (SampleRate * KeyRate) == 0).Take(MaxKeys).Select(h => (long)h);

    public static ArticleFingerprint Of(string body)
    {
        var terms = Terms.Of(body);
        var hashes = new uint[Math.Max(0, terms.Count - 1)];
        var count = 0;
        for (var i = 0; i + 1 < terms.Count; i++)
        {
            var hash = Hash(terms[i], terms[i + 1]);
            if (hash % SampleRate == 0)
            {
                hashes[count++] = hash;
            }
        }
        var sample = hashes.AsSpan(0, count);
        sample.Sort();
        var distinct = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (distinct == 0 || sample[i] != sample[distinct - 1])
            {
                sample[distinct++] = sample[i];
            }
        }
        return new ArticleFingerprint(sample[..distinct].ToArray());
    }

    public static ArticleFingerprint FromBytes(ReadOnlySpan<byte> bytes)
    {
        var sample = new uint[bytes.Length / 4];
        if (BitConverter.IsLittleEndian)
        {
            // The stored order: one copy, where reading a value at a time was a noticeable part of comparing candidates.
            bytes[..(sample.Length * 4)].CopyTo(MemoryMarshal.AsBytes(sample.AsSpan()));
            return new ArticleFingerprint(sample);
        }
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }
        return new ArticleFingerprint(sample);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[Sample.Length * 4];
        for (var i = 0; i < Sample.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), Sample[i]);
        }
        return bytes;
    }

    /// <summary>Shared samples over the smaller sample: 1 when one text repeats the other entirely.</summary>
    public double Containment(ArticleFingerprint other, out int shared)
    {
        shared = 0;
        ReadOnlySpan<uint> mine = Sample, theirs = other.Sample;
        int i = 0, j = 0;
        // Branch-free steps: which side advances is random, and mispredicted branches were most of the writer's
        // time comparing an article with its candidates.
        while (i < mine.Length && j < theirs.Length)
        {
            var a = mine[i];
            var b = theirs[j];
            shared += a == b ? 1 : 0;
            i += a <= b ? 1 : 0;
            j += b <= a ? 1 : 0;
        }
        var smaller = Math.Min(Sample.Length, other.Sample.Length);
        return smaller == 0 ? 0 : (double)shared / smaller;
    }

    // FNV-1a: stable across processes and versions, unlike string.GetHashCode.
    private static uint Hash(string a, string b)
    {
        var hash = 2166136261u;
        foreach (var c in a)
        {
            hash = (hash ^ c) * 16777619u;
        }
        hash = (hash ^ ' ') * 16777619u;
        foreach (var c in b)
        {
            hash = (hash ^ c) * 16777619u;
        }
        // Final avalanche so the low bits used for sampling are well mixed.
        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35u;
        hash ^= hash >> 16;
        return hash;
    }
}
