using System.Globalization;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// A figure a staff page keeps between requests (a total over many rows) until the next write that matters on any
/// instance (<see cref="PublicDataCache"/>). Each figure is a record: its key is spelled once, here, from what the figure
/// depends on (the filter as a query string, and the day when "today" changes it), and it says which store it goes in.
/// </summary>
public abstract record KeptFigure
{
    private protected KeptFigure()
    {
    }

    /// <summary>The cache key (invariant culture; unique per figure by its prefix).</summary>
    public abstract string Key { get; }

    /// <summary>
    /// Keyed by what someone typed (unbounded in kind): kept in the bounded search store
    /// (<see cref="PublicDataCache.SearchAsync{T}"/>), not in the shared memory cache.
    /// </summary>
    public abstract bool PerSearch { get; }
}

/// <summary>The register's totals for one filter (<c>LoanRegister.QueryString</c>, page left out); no "today" in them.</summary>
public sealed record RegisterTotalsFigure(string Filter) : KeptFigure
{
    public override string Key => "register-totals|" + Filter;

    public override bool PerSearch => true;
}

/// <summary>How many assets match a registry filter (<c>AssetFilter.With</c> without the sort).</summary>
public sealed record AssetCountFigure(string Filter) : KeptFigure
{
    public override string Key => "assets-count|" + Filter;

    public override bool PerSearch => true;
}

/// <summary>How many loans match a search on a day ("overdue" depends on the day); the search without sort and page.</summary>
public sealed record LoanCountFigure(DateOnly Day, string Search) : KeptFigure
{
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"loans-count|{Day.DayNumber}|{Search}");

    public override bool PerSearch => true;
}

/// <summary>The dashboard's figures for a fiscal year, as of a day (overdue, due this week).</summary>
public sealed record DashboardFigure(int BuddhistYear, DateOnly Day) : KeptFigure
{
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"dashboard-{BuddhistYear}-{Day.DayNumber}");

    public override bool PerSearch => false;
}

public static class KeptFigures
{
    /// <summary>The kept figure, or <paramref name="load"/>'s, kept in the store the figure names.</summary>
    public static Task<T> KeptAsync<T>(this PublicDataCache cache, KeptFigure figure, Func<Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(figure);
        return figure.PerSearch ? cache.SearchAsync(figure.Key, load) : cache.GetAsync(figure.Key, load);
    }
}
