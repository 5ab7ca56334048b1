namespace AssetLoan.Domain.Loans;

/// <summary>
/// Rule 4 when a division has no head: a staff request would wait for an endorsement nobody can give, so it goes to
/// the head of a fallback division (a setting; by default กองคลัง, whose director heads the supplies unit).
/// </summary>
public static class EndorsementRouting
{
    /// <summary>The history note of an endorsement given by the fallback division's head.</summary>
    public const string FallbackNote = "เห็นชอบแทน เนื่องจากหน่วยงานของผู้ยืมยังไม่มีหัวหน้าหน่วยงาน";

    /// <summary>
    /// The division whose head endorses a request of <paramref name="borrowerDivisionId"/>'s staff: that division when
    /// it has a head, else <paramref name="fallbackDivisionId"/> (null when there is none either).
    /// </summary>
    public static int? EndorsingDivision(int? borrowerDivisionId, bool borrowerDivisionHasHead, int? fallbackDivisionId) =>
        borrowerDivisionId is null ? null
        : borrowerDivisionHasHead ? borrowerDivisionId
        : fallbackDivisionId;
}
