using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Borrowers;

/// <summary>
/// /supplies/borrower/{id}: one borrower for the staff who handle loans. The national ID is masked for everyone; the
/// supplies roles may reveal it (a POST), and every reveal is an audit event (domain.md §10). Other staff also see the
/// phone masked and only the district and province of the address.
/// </summary>
[ReadableBy(Roles.Executive, Roles.Auditor)]
[HandlerRoles("Reveal", Roles.SuppliesOfficer, Roles.FinanceDirector)]
public sealed class DetailModel(AppDbContext db, NationalIdProtector ids) : PageModel
{
    public BorrowerView Borrower { get; private set; } = null!;

    public IReadOnlyList<BorrowerLoan> Loans { get; private set; } = [];

    /// <summary>Shown only in the response to the reveal POST, never stored in a URL or a cookie.</summary>
    public string? FullNationalId { get; private set; }

    /// <summary>The supplies roles: the supplies officer and the head of the supplies unit (ผู้อำนวยการกองคลัง).</summary>
    /// <summary>Sees the borrower in full and may reveal the national ID: the roles of the Reveal handler.</summary>
    public bool MayReveal => HandlerRolesAttribute.Permits<DetailModel>(User, "Reveal");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevealAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var cipher = await db.Borrowers.AsNoTracking().Where(b => b.Id == id).Select(b => b.NationalIdCipher).SingleAsync(ct);
        if (cipher is null)
        {
            return Page();
        }

        await db.RecordNationalIdViewAsync(id, ct);
        FullNationalId = ThaiNationalId.Format(ids.Unprotect(cipher));
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var borrower = await db.Borrowers.AsNoTracking()
            .Where(b => b.Id == id)
            .Select(b => new BorrowerView(b.Id, b.Kind, b.Name, b.ContactPerson, b.Position, b.NationalIdTail, b.NationalIdCipher != null, b.Phone, b.Email,
                b.HouseNumber, b.Moo, b.Subdistrict, b.District, b.Province, b.AnonymisedAtUtc, b.LineUserId, b.PreferredChannel))
            .SingleOrDefaultAsync(ct);
        if (borrower is null)
        {
            return false;
        }

        Borrower = borrower;
        Loans = await db.Loans.AsNoTracking()
            .Where(l => l.BorrowerId == id)
            .OrderByDescending(l => l.SubmittedAtUtc)
            .Select(l => new BorrowerLoan(l.Id, l.Reference, l.Status, l.StartOn, l.DueOn))
            .ToListAsync(ct);
        return true;
    }

    public sealed record BorrowerView(int Id, BorrowerKind Kind, string Name, string? ContactPerson, string? Position, string? NationalIdTail, bool HasNationalId,
        string? Phone, string? Email, string? HouseNumber, string? Moo, string? Subdistrict, string? District, string? Province, DateTime? AnonymisedAtUtc,
        string? LineUserId, ContactChannel PreferredChannel)
    {
        /// <summary>The LINE user id is shown masked to every role (it is never needed in full: the system sends the messages).</summary>
        public string MaskedLineUserId => ContactChannels.MaskLineUserId(LineUserId);

        public string MaskedNationalId => NationalIdTail is { Length: 3 } t ? $"x-xxxx-xxxxx-{t[..2]}-{t[2]}" : "";
    }

    public sealed record BorrowerLoan(int Id, string Reference, LoanStatus Status, DateOnly StartOn, DateOnly DueOn);
}
