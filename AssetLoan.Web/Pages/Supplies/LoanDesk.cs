using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>The loan as the handover, return, follow-up and compensation pages and the printed documents show it.</summary>
public sealed record LoanSummary(
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

    public static async Task<LoanSummary?> SummaryAsync(AppDbContext db, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await (
                from l in db.Loans.AsNoTracking()
                join b in db.Borrowers.AsNoTracking() on l.BorrowerId equals b.Id
                join d in db.Divisions.AsNoTracking() on b.DivisionId equals d.Id into ds
                from d in ds.DefaultIfEmpty()
                join u in db.Users.AsNoTracking() on b.UserId equals u.Id into us
                from u in us.DefaultIfEmpty()
                where l.Id == id
                select new
                {
                    l.Id,
                    l.Reference,
                    l.Status,
                    Borrower = b,
                    UserPhone = u.PhoneNumber,
                    UserEmail = u.Email,
                    Division = d.Name,
                    l.Purpose,
                    l.Place,
                    l.OffPremises,
                    l.Case,
                    l.StartOn,
                    l.DueOn,
                    l.SubmittedAtUtc,
                    l.ApprovedByName,
                    l.ApprovedRole,
                    l.DecidedAtUtc,
                    l.DelegationOrder,
                    l.HandedOverOn,
                    l.HandedOverByName,
                    l.ReceiverName,
                    l.ReceiverSignaturePath,
                    l.ReturnedOn,
                    l.ReceivedBackByName,
                })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var borrower = row.Borrower;
        return new LoanSummary(row.Id, row.Reference, row.Status, borrower.Name, borrower.Kind, borrower.ContactPerson, borrower.Phone ?? row.UserPhone,
            borrower.Email ?? row.UserEmail, borrower.Position, row.Division, borrower.AddressLine, row.Purpose, row.Place, row.OffPremises, row.Case, row.StartOn, row.DueOn, row.SubmittedAtUtc, row.ApprovedByName,
            row.ApprovedRole, row.DecidedAtUtc, row.DelegationOrder, row.HandedOverOn, row.HandedOverByName, row.ReceiverName, row.ReceiverSignaturePath is not null,
            row.ReturnedOn, row.ReceivedBackByName);
    }
}
