namespace AssetLoan.Web.Pages.Shared;

/// <summary>
/// What <c>_Pager.cshtml</c> draws: the page shown, how many there are (null when a list only knows whether another page
/// follows), and the address of page n with the page's own filter kept (<see cref="Href"/>: the page's typed
/// <c>Url.Page(…)</c> plus the query string its filter builds). Texts come from the page, already in its language.
/// </summary>
public sealed record PagerView(int Page, int? Pages, Func<int, string?> Href, string Label)
{
    /// <summary>How many page numbers to show either side of the current one.</summary>
    public const int Window = 3;

    /// <summary>For a list without a count: whether a next page exists.</summary>
    public bool More { get; init; }

    /// <summary>The previous/next words when they are not "ก่อนหน้า"/"ถัดไป" (the transparency register: newer/older).</summary>
    public string? PreviousText { get; init; }

    public string? NextText { get; init; }

    /// <summary>Classes for the nav (e.g. "no-print", "mt-3").</summary>
    public string? NavClass { get; init; }

    public bool Small { get; init; }

    public bool HasPrevious => Page > 1;

    public bool HasNext => Pages is { } n ? Page < n : More;

    /// <summary>Drawn only when there is somewhere to go.</summary>
    public bool Shown => HasPrevious || HasNext;

    public IEnumerable<int> Numbers => Pages is { } n
        ? Enumerable.Range(Math.Max(1, Page - Window), Math.Max(0, Math.Min(n, Page + Window) - Math.Max(1, Page - Window) + 1))
        : [];
}
