using System.Globalization;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Pages.Loans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Reports;

/// <summary>The register's filters, bound from the query string of the page and of both exports.</summary>
public sealed class RegisterFilter
{
    /// <summary>ปีงบประมาณ (พ.ศ.); empty means the current fiscal year.</summary>
    public int? Fy { get; set; }

    public BorrowerKind? Kind { get; set; }

    public LoanStatus? Status { get; set; }

    /// <summary>An item id (from an older link; the page's field sends <see cref="ItemName"/>).</summary>
    public int? Item { get; set; }

    /// <summary>An item's name or part of it (<see cref="ItemNameFilter"/>).</summary>
    public string? ItemName { get; set; }

    public int? Division { get; set; }

    public string QueryString(int? page = null)
    {
        var parts = new List<string> { $"fy={Fy}" };
        if (Kind is { } k)
        {
            parts.Add($"kind={k}");
        }

        if (Status is { } s)
        {
            parts.Add($"status={s}");
        }

        if (Item is { } i)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"item={i}"));
        }

        if (!string.IsNullOrWhiteSpace(ItemName))
        {
            parts.Add("itemname=" + Uri.EscapeDataString(ItemName.Trim()));
        }

        if (Division is { } d)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"division={d}"));
        }

        if (page is > 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"pageNumber={page}"));
        }

        return "?" + string.Join('&', parts);
    }
}

/// <summary>
/// ทะเบียนคุมการยืมพัสดุ (domain.md §8): every loan filed in a fiscal year, in request-number order. A loan belongs to
/// the register of the year it was filed in (its number says so), whatever happens to it after 30 September.
/// Reads are projections in batches over the (FiscalYear, Number) index, so neither the page nor an export ever holds
/// more than one batch of a year in memory.
/// </summary>
public static class LoanRegister
{
    public const int BatchSize = 500;

    public static async Task<IQueryable<Loan>> LoansAsync(AppDbContext db, RegisterFilter f, int fiscalYear, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(f);
        var q = db.Loans.AsNoTracking().Where(l => l.FiscalYear == fiscalYear);
        if (f.Kind is { } kind)
        {
            q = q.Where(l => l.BorrowerKind == kind);
        }

        if (f.Status is { } status)
        {
            q = q.Where(l => l.Status == status);
        }

        q = await q.WithItemAsync(db, f.Item, f.ItemName, ct);

        if (f.Division is { } division)
        {
            q = q.Where(l => l.BorrowerDivisionId == division);
        }

        return q;
    }

    /// <summary>One screen page of the register (numbers in order).</summary>
    public static Task<List<RegisterRow>> PageAsync(AppDbContext db, IQueryable<Loan> loans, int page, int pageSize, CancellationToken ct) =>
        ReadAsync(db, loans.OrderBy(l => l.Number).Skip((page - 1) * pageSize).Take(pageSize), ct);

    /// <summary>The rows of a slice of loans (at most one batch), projected with their lines, demands and compensation.</summary>
    public static async Task<List<RegisterRow>> ReadAsync(AppDbContext db, IQueryable<Loan> slice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var raw = await (
                from l in slice
                join b in db.Borrowers.AsNoTracking() on l.BorrowerId equals b.Id
                join d in db.Divisions.AsNoTracking() on l.BorrowerDivisionId equals d.Id into ds
                from d in ds.DefaultIfEmpty()
                join u in db.Users.AsNoTracking() on b.UserId equals u.Id into us
                from u in us.DefaultIfEmpty()
                orderby l.Number
                select new
                {
                    l.Id,
                    l.Number,
                    l.Reference,
                    l.SubmittedAtUtc,
                    BorrowerName = b.Name,
                    l.BorrowerKind,
                    DivisionName = d == null ? null : d.Name,
                    b.HouseNumber,
                    b.Moo,
                    b.Subdistrict,
                    b.District,
                    b.Province,
                    Phone = b.Phone ?? (u == null ? null : u.PhoneNumber),
                    l.Purpose,
                    l.Place,
                    l.StartOn,
                    l.DueOn,
                    l.Status,
                    l.ApprovedByName,
                    l.ApprovedRole,
                    l.DecidedAtUtc,
                    l.DelegationOrder,
                    l.PaperApprovalPath,
                    l.PaperApprovalReference,
                    l.HandedOverOn,
                    l.HandedOverByName,
                    l.ReturnedOn,
                    l.ReceivedBackByName,
                    l.KeyedInByOfficer,
                    l.DecisionReason,
                    Lines = l.Lines.OrderBy(x => x.Id).Select(x => new
                    {
                        x.ItemName,
                        x.UnitNoun,
                        x.Quantity,
                        x.IssuedQuantity,
                        x.ReturnedGood,
                        x.ReturnedDamaged,
                        x.ReturnedLost,
                        x.ReturnNote,
                        Numbers = x.Units.OrderBy(n => n.AssetNumber).Select(n => n.AssetNumber).ToList(),
                    }).ToList(),
                    Demands = l.Demands.OrderBy(x => x.IssuedOn).Select(x => x.IssuedOn).ToList(),
                    Compensations = l.Compensations.Select(c => new { c.Status, c.Method, c.ProposedAmount, c.FinalAmount }).ToList(),
                })
            .AsSplitQuery()
            .ToListAsync(ct);

        return raw.Select(r =>
        {
            var address = string.Join(" ", new[]
            {
                r.HouseNumber is null ? null : $"บ้านเลขที่ {r.HouseNumber}",
                r.Moo is null ? null : $"หมู่ {r.Moo}",
                r.Subdistrict is null ? null : $"ต.{r.Subdistrict}",
                r.District is null ? null : $"อ.{r.District}",
                r.Province is null ? null : $"จ.{r.Province}",
            }.Where(p => p is not null));
            var lines = r.Lines.Select(x => new RegisterLine(x.ItemName, x.UnitNoun, x.Quantity, x.IssuedQuantity, x.ReturnedGood, x.ReturnedDamaged, x.ReturnedLost, x.Numbers, x.ReturnNote)).ToList();
            var compensation = r.Compensations.Sum(c => c.FinalAmount ?? c.ProposedAmount ?? 0m);
            return new RegisterRow(
                r.Id, r.Number, r.Reference, BangkokTime.Today(r.SubmittedAtUtc), r.BorrowerName, r.BorrowerKind,
                r.BorrowerKind == BorrowerKind.Staff ? r.DivisionName ?? "" : address,
                PhoneNumbers.MaskToLastFour(r.Phone), r.Purpose, r.Place, r.StartOn, r.DueOn, r.Status,
                r.ApprovedByName, r.ApprovedRole, r.DecidedAtUtc is { } at && r.ApprovedByName is not null ? BangkokTime.Today(at) : null,
                r.DelegationOrder, r.PaperApprovalPath is not null,
                r.HandedOverOn, r.HandedOverByName, r.ReturnedOn, r.ReceivedBackByName, lines, r.Demands,
                r.Compensations.Count, compensation, r.Compensations.Count(c => c.Status == CompensationStatus.Settled),
                r.KeyedInByOfficer, r.DecisionReason, r.PaperApprovalReference);
        }).ToList();
    }

    /// <summary>Every row of the filtered register, one batch at a time (exports).</summary>
    public static async IAsyncEnumerable<RegisterRow> StreamAsync(AppDbContext db, IQueryable<Loan> loans, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var after = 0;
        while (true)
        {
            var from = after;
            var batch = await ReadAsync(db, loans.Where(l => l.Number > from).OrderBy(l => l.Number).Take(BatchSize), ct);
            foreach (var row in batch)
            {
                yield return row;
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            after = batch[^1].Number;
        }
    }

    /// <summary>The totals line, counted by the database over the whole filtered register (not over one page).</summary>
    public static async Task<RegisterTotals> TotalsAsync(IQueryable<Loan> loans, CancellationToken ct)
    {
        // Four reads over the year instead of nine (each one walks every loan of the filtered year: 333,000 in the bench).
        var byStatus = await loans.GroupBy(l => l.Status)
            .Select(g => new { g.Key, Count = g.Count(), HandedOver = g.Count(l => l.HandedOverOn != null), Returned = g.Count(l => l.ReturnedOn != null) })
            .ToListAsync(ct);
        var loanCount = byStatus.Sum(s => s.Count);
        var handedOver = byStatus.Sum(s => s.HandedOver);
        var returned = byStatus.Sum(s => s.Returned);
        var sums = await loans.SelectMany(l => l.Lines).GroupBy(x => 1)
            .Select(g => new { Requested = g.Sum(x => x.Quantity), Issued = g.Sum(x => x.IssuedQuantity), Damaged = g.Sum(x => x.ReturnedDamaged), Lost = g.Sum(x => x.ReturnedLost) })
            .FirstOrDefaultAsync(ct);
        var (requested, issued, damaged, lost) = sums is null ? (0, 0, 0, 0) : (sums.Requested, sums.Issued, sums.Damaged, sums.Lost);
        var demands = await loans.SelectMany(l => l.Demands).CountAsync(ct);
        // Compensation cases are few (a damaged or lost item); their amounts are summed here, money stays decimal.
        var amounts = await loans.SelectMany(l => l.Compensations).Select(c => c.FinalAmount ?? c.ProposedAmount).ToListAsync(ct);
        // An undecided case whose value the register does not give counts as a case with no amount yet.
        return new RegisterTotals(loanCount, byStatus.ToDictionary(s => s.Key, s => s.Count), requested, issued, damaged, lost, handedOver, returned, demands,
            amounts.Count, amounts.Sum(a => a ?? 0m));
    }
}

public sealed record RegisterLine(string ItemName, string UnitNoun, int Quantity, int Issued, int Good, int Damaged, int Lost, IReadOnlyList<string> AssetNumbers, string? ReturnNote)
{
    public string Text => AssetNumbers.Count == 0
        ? $"{ItemName} {Quantity} {UnitNoun}"
        : $"{ItemName} {Quantity} {UnitNoun} ({string.Join(", ", AssetNumbers)})";

    /// <summary>สภาพเมื่อคืน: what came back and how, or nothing while nothing came back (Thai, as the exports write it).</summary>
    public string? Condition => ConditionIn(null);

    /// <summary><see cref="Condition"/> in the reader's language (<paramref name="s"/>), or Thai without one.</summary>
    public string? ConditionIn(IStringLocalizer? s)
    {
        if (Good + Damaged + Lost == 0)
        {
            return null;
        }

        var parts = new List<string>();
        if (Good > 0)
        {
            parts.Add(RegisterText.Say(s, "ปกติ {0}", Good));
        }

        if (Damaged > 0)
        {
            parts.Add(RegisterText.Say(s, "ชำรุด {0}", Damaged));
        }

        if (Lost > 0)
        {
            parts.Add(RegisterText.Say(s, "สูญหาย {0}", Lost));
        }

        return $"{ItemName}: {string.Join(" ", parts)} {UnitNoun}";
    }
}

/// <summary>The words the register adds around the data: Thai for the exports, or the reader's language on screen.</summary>
public static class RegisterText
{
    public static string Say(IStringLocalizer? s, string format, params object[] args) =>
        s is null ? string.Format(CultureInfo.InvariantCulture, format, args) : s[format, args].Value;
}

public sealed record RegisterRow(
    int Id,
    int Number,
    string Reference,
    DateOnly FiledOn,
    string BorrowerName,
    BorrowerKind Kind,
    string DivisionOrAddress,
    string MaskedPhone,
    string Purpose,
    string Place,
    DateOnly StartOn,
    DateOnly DueOn,
    LoanStatus Status,
    string? ApprovedByName,
    string? ApprovedRole,
    DateOnly? ApprovedOn,
    string? DelegationOrder,
    bool PaperApproval,
    DateOnly? HandedOverOn,
    string? HandedOverByName,
    DateOnly? ReturnedOn,
    string? ReceivedBackByName,
    IReadOnlyList<RegisterLine> Lines,
    IReadOnlyList<DateOnly> DemandDates,
    int CompensationCases,
    decimal CompensationAmount,
    int CompensationSettled,
    bool KeyedIn,
    string? DecisionReason,
    string? PaperReference = null)
{
    public string Approval => ApprovalIn(null);

    public string Remarks => RemarksIn(null);

    public string Compensation => CompensationIn(null);

    /// <summary>Who approved, in what role and under which order; Thai without <paramref name="s"/> (exports).</summary>
    public string ApprovalIn(IStringLocalizer? s) => ApprovedByName is null
        ? ""
        : string.Join(" ", new[]
        {
            ApprovedByName,
            ApprovedRole is null ? null : $"({RegisterText.Say(s, LoanText.Role(ApprovedRole))})",
            DelegationOrder is null ? null : RegisterText.Say(s, "ตามคำสั่งมอบอำนาจ {0}", DelegationOrder),
            PaperApproval ? RegisterText.Say(s, "(อนุมัติในกระดาษ)") : null,
        }.Where(p => p is not null));

    public string RemarksIn(IStringLocalizer? s) => string.Join("; ", new[]
    {
        RegisterText.Say(s, LoanText.Status(Status)),
        PaperReference is not null ? RegisterText.Say(s, "บันทึกจากทะเบียนกระดาษ (หนังสืออนุมัติ {0})", PaperReference)
            : KeyedIn ? RegisterText.Say(s, "เจ้าหน้าที่บันทึกแทน") : null,
        Status is LoanStatus.Rejected or LoanStatus.Cancelled or LoanStatus.SentBack ? DecisionReason : null,
    }.Concat(Lines.Select(l => l.ReturnNote)).Where(p => !string.IsNullOrWhiteSpace(p)));

    public string CompensationIn(IStringLocalizer? s) => CompensationCases == 0
        ? ""
        : RegisterText.Say(s, "{0} กรณี {1} บาท (ยุติแล้ว {2})", CompensationCases, CompensationAmount.ToString("#,##0.00", CultureInfo.InvariantCulture), CompensationSettled);
}

public sealed record RegisterTotals(int Loans, IReadOnlyDictionary<LoanStatus, int> ByStatus, int QuantityRequested, int QuantityIssued, int QuantityDamaged, int QuantityLost,
    int HandedOver, int Returned, int Demands, int CompensationCases, decimal CompensationAmount);
