using System.Collections.Concurrent;

namespace AssetLoan.Web.Infrastructure.Security;

/// <summary>
/// Failures per key over a sliding window, in memory (per instance): how many happened within the window, one more,
/// or forget a key. Past <see cref="MaxTracked"/> keys the expired ones are dropped, so a crowd of scripts cannot grow it
/// without bound. Used by the sign-in throttle and by LINE link codes.
/// </summary>
public sealed class FailureWindow(TimeProvider time, Func<TimeSpan> window)
{
    public const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<string, Queue<DateTime>> _failures = new(StringComparer.Ordinal);

    public FailureWindow(TimeProvider time, TimeSpan window)
        : this(time, () => window)
    {
    }

    public int Count(string key)
    {
        if (!_failures.TryGetValue(key, out var queue))
        {
            return 0;
        }

        lock (queue)
        {
            Expire(queue);
            return queue.Count;
        }
    }

    public void Add(string key)
    {
        if (_failures.Count > MaxTracked)
        {
            Prune();
        }

        var queue = _failures.GetOrAdd(key, _ => new Queue<DateTime>());
        lock (queue)
        {
            Expire(queue);
            queue.Enqueue(time.GetUtcNow().UtcDateTime);
        }
    }

    public void Forget(string key) => _failures.TryRemove(key, out _);

    private void Expire(Queue<DateTime> queue)
    {
        var since = time.GetUtcNow().UtcDateTime - window();
        while (queue.Count > 0 && queue.Peek() <= since)
        {
            queue.Dequeue();
        }
    }

    private void Prune()
    {
        foreach (var (key, queue) in _failures)
        {
            lock (queue)
            {
                Expire(queue);
                if (queue.Count == 0)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }
}
