namespace AssetLoan.Domain;

/// <summary>
/// A rule of the borrowing regulation was broken. <see cref="Code"/> is stable ("Loan.ApproverIsRequester") so the
/// web layer can show a localized message; <see cref="Exception.Message"/> is the English fallback.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }

    /// <summary>
    /// Facts the message names, in any language (the conflicting request numbers, the unit or item short): the web
    /// layer shows them after the localized message.
    /// </summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>The loan line the rule is about, when it is about one (the web layer shows the message beside that line).</summary>
    public int? LineId { get; init; }

    public static void ThrowIf(bool condition, string code, string message)
    {
        if (condition)
        {
            throw new DomainRuleException(code, message);
        }
    }

    public static void ThrowIf(bool condition, string code, string message, int lineId)
    {
        if (condition)
        {
            throw new DomainRuleException(code, message) { LineId = lineId };
        }
    }
}
