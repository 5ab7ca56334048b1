using System.Reflection;
using AssetLoan.Domain.Loans;

namespace AssetLoan.Tests.Builders;

/// <summary>
/// Gives entities the ids the database would give them, for pure domain tests (the domain's setters are private).
/// </summary>
public static class Ids
{
    private static int _next = 1000;

    /// <summary>Sets <c>Id</c> on any entity with an <c>int Id { get; private set; }</c>.</summary>
    public static T Set<T>(T entity, int id)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        var property = typeof(T).GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no Id.");
        property.SetValue(entity, id);
        return entity;
    }

    public static int Next() => Interlocked.Increment(ref _next);

    /// <summary>Numbers the loan's lines and compensation cases that are still 0, as a save would.</summary>
    public static Loan Assign(Loan loan) => Assign(loan, Next);

    /// <summary>As <see cref="Assign(Loan)"/>, with the ids <paramref name="next"/> gives.</summary>
    public static Loan Assign(Loan loan, Func<int> next)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(next);
        if (loan.Id == 0)
        {
            Set(loan, next());
        }

        foreach (var line in loan.Lines.Where(l => l.Id == 0))
        {
            Set(line, next());
        }

        foreach (var c in loan.Compensations.Where(c => c.Id == 0))
        {
            Set(c, next());
        }

        return loan;
    }
}
