using System.Collections.Concurrent;
using System.Threading;

namespace BorderDomain.Query;

/// <summary>
/// A bounded cache that evicts the least recently used entry. Thread-safe: a lookup takes no lock (it reads a
/// concurrent dictionary and stamps the entry with a use count); adding takes a short lock and, when full, evicts the
/// entry with the oldest stamp. Stamps written by racing lookups may be slightly out of order, so under contention
/// the evicted entry is one of the least recently used rather than exactly the least.
/// </summary>
internal sealed class QueryCache<TValue>(int capacity)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(System.StringComparer.Ordinal);
    private readonly Entry?[] _slots = new Entry?[System.Math.Max(0, capacity)];
    private readonly object _gate = new();
    private int _used;
    private long _clock;
    private volatile Entry? _lastFound;

    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _used;
            }
        }
    }

    internal bool TryGet(string key, out TValue value)
    {
        // The entry found last is compared first (as Regex's cache does): a query run again and again is found by one
        // comparison of its text, without hashing it.
        var entry = _lastFound;
        if ((entry is not null && string.Equals(entry.Key, key, System.StringComparison.Ordinal) && IsLive(entry)) || _entries.TryGetValue(key, out entry))
        {
            _lastFound = entry;
            // The entry used last is stamped already: a query run again and again writes nothing shared.
            if (Volatile.Read(ref entry.Stamp) != Volatile.Read(ref _clock))
            {
                Volatile.Write(ref entry.Stamp, Interlocked.Increment(ref _clock));
            }

            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    internal void Add(string key, TValue value)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_gate)
        {
            var entry = new Entry(key, value) { Stamp = Interlocked.Increment(ref _clock) };
            if (_entries.TryGetValue(key, out var existing))
            {
                entry.Slot = existing.Slot;
            }
            else if (_used < _slots.Length)
            {
                entry.Slot = _used++;
            }
            else
            {
                // Full: the slot of the entry used longest ago takes the new one.
                var oldest = 0;
                for (var i = 1; i < _slots.Length; i++)
                {
                    if (Volatile.Read(ref _slots[i]!.Stamp) < Volatile.Read(ref _slots[oldest]!.Stamp))
                    {
                        oldest = i;
                    }
                }

                _entries.TryRemove(_slots[oldest]!.Key, out _);
                entry.Slot = oldest;
            }

            _slots[entry.Slot] = entry;
            _entries[key] = entry;
        }
    }

    // An entry is live while its slot holds it: an evicted one is not found again through _lastFound.
    private bool IsLive(Entry entry) => ReferenceEquals(Volatile.Read(ref _slots[entry.Slot]), entry);

    private sealed class Entry(string key, TValue value)
    {
        public long Stamp;

        public string Key { get; } = key;

        public TValue Value { get; } = value;

        public int Slot { get; set; }
    }
}
