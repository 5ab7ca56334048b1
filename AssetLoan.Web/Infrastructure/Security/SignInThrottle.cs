using System.Collections.Concurrent;

namespace AssetLoan.Web.Infrastructure.Security;

/// <summary>
/// Slows password guessing without letting anyone lock a real account: failed sign-ins are counted per submitted
/// account (whether it exists or not, so the answer tells nothing) and per client address over a sliding window; past
/// the limit further attempts are refused unchecked until old failures leave the window. Nothing is stored on the user.
/// Settings: <c>SignIn:FailuresPerAccount</c> (5), <c>SignIn:FailuresPerAddress</c> (20), <c>SignIn:WindowMinutes</c> (15).
/// Counts are per instance.
/// </summary>
public sealed class SignInThrottle(TimeProvider time, IConfiguration config)
{
    private const int MaxTracked = 100_000;
    private readonly ConcurrentDictionary<string, Queue<DateTime>> _failures = new(StringComparer.Ordinal);

    private TimeSpan Window => TimeSpan.FromMinutes(config.GetValue("SignIn:WindowMinutes", 15));

    public bool IsThrottled(string account, string address) =>
        Count("a:" + Normalize(account)) >= config.GetValue("SignIn:FailuresPerAccount", 5)
        || Count("c:" + address) >= config.GetValue("SignIn:FailuresPerAddress", 20);

    public void RecordFailure(string account, string address)
    {
        if (_failures.Count > MaxTracked)
        {
            Prune();
        }

        Add("a:" + Normalize(account));
        Add("c:" + address);
    }

    /// <summary>A successful sign-in clears the account's failures (not the address's).</summary>
    public void RecordSuccess(string account) => _failures.TryRemove("a:" + Normalize(account), out _);

    private static string Normalize(string account) => account.Trim().ToUpperInvariant();

    private int Count(string key)
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

    private void Add(string key)
    {
        var queue = _failures.GetOrAdd(key, _ => new Queue<DateTime>());
        lock (queue)
        {
            Expire(queue);
            queue.Enqueue(time.GetUtcNow().UtcDateTime);
        }
    }

    private void Expire(Queue<DateTime> queue)
    {
        var since = time.GetUtcNow().UtcDateTime - Window;
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
