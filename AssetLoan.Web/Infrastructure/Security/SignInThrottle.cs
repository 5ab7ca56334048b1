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
    private readonly FailureWindow _failures = new(time, () => TimeSpan.FromMinutes(config.GetValue("SignIn:WindowMinutes", 15)));

    public bool IsThrottled(string account, string address) =>
        _failures.Count("a:" + Normalize(account)) >= config.GetValue("SignIn:FailuresPerAccount", 5)
        || _failures.Count("c:" + address) >= config.GetValue("SignIn:FailuresPerAddress", 20);

    public void RecordFailure(string account, string address)
    {
        _failures.Add("a:" + Normalize(account));
        _failures.Add("c:" + address);
    }

    /// <summary>A successful sign-in clears the account's failures (not the address's).</summary>
    public void RecordSuccess(string account) => _failures.Forget("a:" + Normalize(account));

    private static string Normalize(string account) => account.Trim().ToUpperInvariant();
}
