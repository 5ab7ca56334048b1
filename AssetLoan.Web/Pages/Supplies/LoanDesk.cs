using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Riok.Mapperly.Abstractions;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>The loan as the handover, return, follow-up and compensation pages and the printed documents show it.</summary>
public sealed record LoanDeskHeader(
    int Id,
    string Reference,
    LoanStatus Status,
    string BorrowerName,
    BorrowerKind BorrowerKind,
    string? ContactPerson,
    string? BorrowerPhone,
    string? BorrowerEmail,
    string? Position,
    string? DivisionName,
    string Address,
    string Purpose,
    string Place,
    bool OffPremises,
    LoanCase Case,
    DateOnly StartOn,
    DateOnly DueOn,
    DateTime SubmittedAtUtc,
    string? ApprovedByName,
    string? ApprovedRole,
    DateTime? DecidedAtUtc,
    string? DelegationOrder,
    DateOnly? HandedOverOn,
    string? HandedOverByName,
    string? ReceiverName,
    bool HasSignature,
    DateOnly? ReturnedOn,
    string? ReceivedBackByName)
{
    public int Days => DueOn.DayNumber - StartOn.DayNumber + 1;

    /// <summary>Whom a letter is addressed to: the responsible person of an organisation, else the borrower.</summary>
    public string Addressee => BorrowerKind.IsOrganisation() && ContactPerson is not null ? ContactPerson : BorrowerName;
}

/// <summary>Reads shared by the supplies officer's loan pages.</summary>
public static class LoanDesk
{
    /// <summary>
    /// Why <paramref name="actor"/> may not take <paramref name="action"/> on the loan now, from the same answer as the
    /// loan page's buttons (<see cref="LoanActions"/>): a rule code, or null when the desk form may be shown.
    /// </summary>
    public static async Task<string?> RefusalAsync(AppDbContext db, int id, Actor actor, LoanAction action, DateOnly today, CancellationToken ct)
    {
        var view = await Loans.LoanView.LoadAsync(db, id, ct);
        return view is null ? "Loan.IllegalTransition" : LoanActions.Refusal(view.Facts, actor, action, await view.ActionContextAsync(db, today, ct));
    }

    /// <summary>The message a desk page shows instead of its form: null when the loan is simply not at that step (the page says so by its status).</summary>
    public static string? RefusalMessage(string? code, Microsoft.Extensions.Localization.IStringLocalizer s) =>
        code is null or "Loan.IllegalTransition" ? null : Infrastructure.DomainErrors.Message(code, s);

    public static async Task<LoanDeskHeader?> HeaderAsync(AppDbContext db, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await (
                from l in db.Loans.AsNoTracking()
                join b in db.Borrowers.AsNoTracking() on l.BorrowerId equals b.Id
                join d in db.Divisions.AsNoTracking() on b.DivisionId equals d.Id into ds
                from d in ds.DefaultIfEmpty()
                join u in db.Users.AsNoTracking() on b.UserId equals u.Id into us
                from u in us.DefaultIfEmpty()
                where l.Id == id
                select new LoanDeskHeaderSource
                {
                    Loan = l,
                    Borrower = b,
                    DivisionName = d.Name,
                    Address = Borrower.AddressLineOf(b.HouseNumber, b.Moo, b.Subdistrict, b.District, b.Province),
                    BorrowerPhone = b.Phone ?? u.PhoneNumber,
                    BorrowerEmail = b.Email ?? u.Email,
                    HasSignature = l.ReceiverSignaturePath != null,
                })
            .ProjectToHeader()
            .SingleOrDefaultAsync(ct);
    }
}

/// <summary>
/// The loan, its borrower, the borrower's division and account as <see cref="LoanDesk.HeaderAsync"/> joins them, with
/// the values computed in the query. Only an expression for <see cref="LoanDeskMappings.ProjectToHeader"/>: never
/// materialized, so the SQL reads the columns the header names, not the entities.
/// </summary>
public sealed class LoanDeskHeaderSource
{
    public required Loan Loan { get; init; }

    public required Borrower Borrower { get; init; }

    public string? DivisionName { get; init; }

    public required string Address { get; init; }

    /// <summary>The borrower's own phone, else their account's.</summary>
    public string? BorrowerPhone { get; init; }

    /// <summary>The borrower's own e-mail, else their account's.</summary>
    public string? BorrowerEmail { get; init; }

    public bool HasSignature { get; init; }
}

/// <summary>
/// <see cref="LoanDeskHeader"/> projected in SQL. <see cref="RequiredMappingStrategy.Target"/> with warnings as errors:
/// a header property with no source, or a renamed one, breaks the build.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class LoanDeskMappings
{
    public static partial IQueryable<LoanDeskHeader> ProjectToHeader(this IQueryable<LoanDeskHeaderSource> query);

    [MapNestedProperties(nameof(LoanDeskHeaderSource.Loan))]
    [MapperIgnoreTarget(nameof(LoanDeskHeader.Addressee))] // computed from the header's own properties
    [MapProperty(nameof(@LoanDeskHeaderSource.Borrower.Name), nameof(LoanDeskHeader.BorrowerName))]
    [MapProperty(nameof(@LoanDeskHeaderSource.Borrower.Kind), nameof(LoanDeskHeader.BorrowerKind))]
    [MapProperty(nameof(@LoanDeskHeaderSource.Borrower.ContactPerson), nameof(LoanDeskHeader.ContactPerson))]
    [MapProperty(nameof(@LoanDeskHeaderSource.Borrower.Position), nameof(LoanDeskHeader.Position))]
    private static partial LoanDeskHeader ToHeader(LoanDeskHeaderSource source);
}
