using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Loans;

/// <summary>
/// What the request forms share (the staff form /loans/new and the officer's walk-in form): the item list with what
/// is free for the chosen dates, date parsing that accepts both ISO and "25/11/2569", and which field a domain rule
/// belongs beside.
/// </summary>
public static class LoanForm
{
    public const string DateFormatMessage = "กรุณากรอกวันที่ให้ถูกต้อง (วัน/เดือน/ปี พ.ศ.)";

    /// <summary>The catalogue items a kind of borrower may borrow, with the free quantity for [from, to] when the dates are known.</summary>
    public static async Task<IReadOnlyList<ItemChoice>> ChoicesAsync(AppDbContext db, BorrowerKind? kind, DateOnly? from, DateOnly? to, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var items = (await db.CatalogueItems.AsNoTracking().Where(c => !c.Retired).OrderBy(c => c.Name).ToListAsync(ct))
            .Where(c => kind is null || c.MayBeBorrowedBy(kind.Value))
            .ToList();
        var ids = items.Select(i => i.Id).ToList();
        var onHand = await db.UnitsOnHandAsync(ids, ct);
        var free = from is { } f && to is { } t && t >= f
            ? await db.AvailabilityAsync(ids, f, t, today, firmOnly: false, excludeLoanId: null, ct)
            : null;
        return items.Select(i => new ItemChoice(i.Id, i.Name, i.UnitNoun, i.Description, i.IsPooled, i.IsConsumable, i.MaxLoanDays, i.Audience,
                i.IsPooled ? i.PoolLendable : onHand.GetValueOrDefault(i.Id),
                free is null ? null : free.TryGetValue(i.Id, out var a) ? a.FreeQuantity : 0))
            .ToList();
    }

    /// <summary>Free quantity per item id for [from, to], for the live availability endpoint.</summary>
    public static async Task<IReadOnlyDictionary<int, int>> FreeAsync(AppDbContext db, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = await db.CatalogueItems.AsNoTracking().Where(c => !c.Retired).Select(c => c.Id).ToListAsync(ct);
        var free = await db.AvailabilityAsync(ids, from, to, today, firmOnly: false, excludeLoanId: null, ct);
        return free.ToDictionary(kv => kv.Key, kv => kv.Value.FreeQuantity);
    }

    /// <summary>Parses a date field, adding a Thai error beside it when it is missing or malformed.</summary>
    public static DateOnly? ParseDate(string? text, string field, ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(localizer);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ThaiDate.TryParse(text, out var date))
        {
            return date;
        }

        modelState.AddModelError(field, localizer[DateFormatMessage]);
        return null;
    }

    /// <summary>"ช่วงวันที่นี้ว่างเพียง 3 หลัง": what the chosen dates leave free, beside an item's quantity.</summary>
    public static string OnlyFree(IStringLocalizer s, int free, string unitNoun)
    {
        ArgumentNullException.ThrowIfNull(s);
        return string.Format(System.Globalization.CultureInfo.CurrentCulture, s["ช่วงวันที่นี้ว่างเพียง {0} {1}"], free, unitNoun);
    }

    /// <summary>
    /// Each line that asks more than is free gets <see cref="OnlyFree"/> beside its quantity, <paramref name="linesField"/>[i].Quantity,
    /// where i is the line's place among <paramref name="itemIdsInForm"/>.
    /// </summary>
    public static void AddShortages(ModelStateDictionary modelState, IStringLocalizer s, IEnumerable<Domain.Loans.Shortage> shortages,
        IReadOnlyList<int> itemIdsInForm, string linesField, IReadOnlyDictionary<int, string> unitNouns)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(shortages);
        ArgumentNullException.ThrowIfNull(itemIdsInForm);
        ArgumentNullException.ThrowIfNull(unitNouns);
        foreach (var shortage in shortages)
        {
            var i = itemIdsInForm.ToList().IndexOf(shortage.CatalogueItemId);
            modelState.AddModelError(i < 0 ? linesField : $"{linesField}[{i}].Quantity",
                OnlyFree(s, shortage.Free, unitNouns.GetValueOrDefault(shortage.CatalogueItemId, "")));
        }
    }

    /// <summary>The one map from a broken rule to the input it belongs beside, for every request form (staff, walk-in,
    /// public application, resubmission, the applicant's correction): <paramref name="prefix"/>.DueOn, …; a rule about
    /// the items goes beside <paramref name="prefix"/>.<paramref name="items"/> (the item table's summary field). A loan
    /// longer than an item allows is fixed by the dates, so it goes beside the due date.</summary>
    public static string FieldFor(string code, string prefix = "Input", string items = "Quantities") => code switch
    {
        "Loan.DueBeforeStart" or "Loan.TooLong" => $"{prefix}.DueOn",
        "Loan.StartInPast" or "Loan.StartBeyondHorizon" => $"{prefix}.StartOn",
        "Loan.PurposeRequired" or "Loan.PurposeTooLong" => $"{prefix}.Purpose",
        "Loan.PlaceRequired" or "Loan.PlaceTooLong" => $"{prefix}.Place",
        "Loan.UrgencyReasonRequired" => $"{prefix}.UrgencyReason",
        "Borrower.NameRequired" => $"{prefix}.Name",
        "Loan.NoItems" or "Loan.QuantityMin" or "Loan.QuantityOverStock" or "Loan.ItemNotForBorrower" or "Loan.UnknownItem"
            or "Loan.DuplicateItem" or "Loan.ConsumableOnlyToAgencies" => $"{prefix}.{items}",
        _ => "",
    };
}

/// <summary>One row of the item table on a request form.</summary>
public sealed record ItemChoice(int Id, string Name, string UnitNoun, string? Description, bool IsPooled, bool IsConsumable, int MaxLoanDays, BorrowerAudience Audience, int OnHand, int? Free);
