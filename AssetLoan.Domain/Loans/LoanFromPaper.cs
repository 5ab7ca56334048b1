using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.People;

namespace AssetLoan.Domain.Loans;

/// <summary>One line of a paper loan: the item, the quantity and, for numbered items, the units the paper names.</summary>
public sealed record PaperLine(int CatalogueItemId, int Quantity, IReadOnlyList<int> AssetIds);

/// <summary>What an earlier key-in is to a paper record being keyed in now.</summary>
public enum PaperKeyIn
{
    /// <summary>Another paper approval: another loan.</summary>
    Other,

    /// <summary>The same key-in posted again (a double tap, Back and submit): answered with the first loan.</summary>
    Same,

    /// <summary>The same paper approval keyed in a second time: refused, the book would count it twice.</summary>
    Duplicate,
}

/// <summary>Issue 13 §10: a past loan keyed in from the paper register, so a municipality starts with its whole current book.</summary>
public sealed partial class Loan
{
    /// <summary>
    /// One signed paper approval (its reference and date) is one loan. Keyed in again by the same officer within
    /// <see cref="ResubmissionWindow"/> it is the same key-in posted twice; otherwise it is a duplicate of the book.
    /// Needs <see cref="History"/>.
    /// </summary>
    public PaperKeyIn KeyedInAgainAs(PaperLoanRecord paper, Actor officer, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(officer);
        if (!FromPaper || PaperApprovedOn != paper.ApprovedOn
            || !string.Equals(PaperApprovalReference, paper.ApprovalReference?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return PaperKeyIn.Other;
        }

        var keyedIn = _history.FirstOrDefault(h => h.Summary == KeyedInFromPaperSummary);
        // Either side of the first key-in: two servers' clocks differ by a little.
        return keyedIn is not null && keyedIn.ActorUserId == officer.UserId && (nowUtc - keyedIn.AtUtc).Duration() <= ResubmissionWindow
            ? PaperKeyIn.Same
            : PaperKeyIn.Duplicate;
    }

    /// <summary>The history summary of a loan keyed in from the paper register.</summary>
    public const string KeyedInFromPaperSummary = "KeyedInFromPaper";

    /// <summary>Keyed in from the paper register (ทะเบียนคุมการยืมพัสดุ) rather than filed in the system.</summary>
    public bool FromPaper { get; private set; }

    /// <summary>The number and date of the signed paper approval, as written on it.</summary>
    public string? PaperApprovalReference { get; private set; }

    /// <summary>The date of the paper approval.</summary>
    public DateOnly? PaperApprovedOn { get; private set; }

    /// <summary>
    /// A supplies officer keys in a loan from the paper register in its own state (approved, out, or returned) with its
    /// own dates (<see cref="PaperRecords"/>). It is numbered in the fiscal year of its request date. A loan that is out
    /// or approved counts against availability like any other: <paramref name="firm"/> is what approved and out loans
    /// leave free for the loan's remaining period (from today, or its start when later, to its due date), and a loan that
    /// would take more than that is refused. Its numbered units go on loan when it is out. A returned loan is closed.
    /// </summary>
    public static Loan KeyInFromPaper(PaperLoanRecord paper, string purpose, string place, IReadOnlyList<PaperLine> lines, Borrower borrower,
        IReadOnlyDictionary<int, CatalogueItem> items, IReadOnlyDictionary<int, Asset> assets, IReadOnlyDictionary<int, ItemAvailability> firm,
        Actor officer, string approverName, int number, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(borrower);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(firm);
        ArgumentNullException.ThrowIfNull(officer);
        DomainRuleException.ThrowIf(!officer.Has(Role.SuppliesOfficer), "Loan.PaperOfficerOnly", "Only a supplies officer keys in a paper loan.");
        PaperRecords.EnsureConsistent(paper, today);
        ValidateText(purpose ?? "", place ?? "");
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(approverName), "Loan.PaperApproverRequired", "Name who signed the approval.");
        DomainRuleException.ThrowIf(lines.Count == 0, "Loan.NoItems", "Choose at least one item.");
        DomainRuleException.ThrowIf(lines.GroupBy(l => l.CatalogueItemId).Any(g => g.Count() > 1), "Loan.DuplicateItem", "Each item appears once; change its quantity instead.");

        var fiscalYear = paper.FiscalYear.BuddhistYear;
        var status = paper.State switch
        {
            PaperLoanState.ApprovedNotHandedOver => LoanStatus.Approved,
            PaperLoanState.OnLoan => LoanStatus.HandedOver,
            _ => LoanStatus.Closed,
        };
        var loan = new Loan
        {
            Number = number,
            FiscalYear = fiscalYear,
            Reference = FormatReference(number, fiscalYear),
            BorrowerId = borrower.Id,
            BorrowerKind = borrower.Kind,
            BorrowerUserId = borrower.UserId,
            BorrowerDivisionId = borrower.DivisionId,
            RequestedByUserId = officer.UserId,
            KeyedInByOfficer = true,
            FromPaper = true,
            PaperApprovalReference = paper.ApprovalReference!.Trim(),
            PaperApprovedOn = paper.ApprovedOn,
            Purpose = purpose!.Trim(),
            Place = place!.Trim(),
            StartOn = paper.StartOn,
            DueOn = paper.DueOn,
            SubmittedAtUtc = OfficeHour(paper.RequestedOn),
            DecidedAtUtc = OfficeHour(paper.ApprovedOn),
            ApprovedByName = approverName.Trim(),
            HandedOverOn = paper.HandedOverOn,
            HandedOverByName = paper.HandedOverOn is null ? null : officer.Name,
            ReturnedOn = paper.ReturnedOn,
            ReceivedBackByName = paper.ReturnedOn is null ? null : officer.Name,
            ClosedAtUtc = status == LoanStatus.Closed ? nowUtc : null,
            Status = status,
        };

        var holds = paper.State != PaperLoanState.Returned;
        foreach (var paperLine in lines)
        {
            DomainRuleException.ThrowIf(!items.TryGetValue(paperLine.CatalogueItemId, out var item) || item.Retired,
                "Loan.UnknownItem", "An item in the request is not in the catalogue.");
            DomainRuleException.ThrowIf(paperLine.Quantity < 1, "Loan.QuantityMin", "The quantity must be at least 1.");
            DomainRuleException.ThrowIf(!item!.MayBeBorrowedBy(borrower.Kind), "Loan.ItemNotForBorrower", $"{item.Name} cannot be lent to this kind of borrower.");
            var line = new LoanLine(item, paperLine.Quantity);
            loan.AttachLine(line);
            var free = holds ? firm.GetValueOrDefault(item.Id) ?? new ItemAvailability(item.Id, 0, new HashSet<int>()) : null;
            if (item.IsPooled)
            {
                if (free is not null && paperLine.Quantity > free.FreeQuantity)
                {
                    throw new DomainRuleException("Loan.PaperOverLends", $"Only {free.FreeQuantity} {item.UnitNoun} of {item.Name} are free for this loan's period.")
                    {
                        Details = [$"{item.Name} {free.FreeQuantity}/{paperLine.Quantity} {item.UnitNoun}", .. free.ReferencesHolding(null)],
                    };
                }

                if (paper.HandedOverOn is not null)
                {
                    line.Issue([], paperLine.Quantity, item.PoolValueAt(paper.HandedOverOn.Value), _ => null, null, OfficeHour(paper.HandedOverOn.Value));
                }

                if (paper.State == PaperLoanState.Returned)
                {
                    line.ReceivePool(paperLine.Quantity, 0, 0, null);
                }

                continue;
            }

            var ids = paperLine.AssetIds.Distinct().ToList();
            DomainRuleException.ThrowIf(ids.Count != paperLine.Quantity, "Loan.PaperUnitsCount", $"Name the {paperLine.Quantity} units of {item.Name} the paper lists.");
            var units = new List<Asset>();
            foreach (var id in ids)
            {
                DomainRuleException.ThrowIf(!assets.TryGetValue(id, out var asset) || asset.CatalogueItemId != item.Id, "Loan.UnitUnknown", "Unknown asset.");
                if (free is not null)
                {
                    var taken = free.HeldAssetIds.Contains(id) || !asset!.IsLendable || (paper.State == PaperLoanState.OnLoan && asset.Status != AssetStatus.Available);
                    if (taken)
                    {
                        throw new DomainRuleException("Loan.PaperOverLends", $"{asset!.AssetNumber} is not free for this loan's period.")
                        {
                            Details = [asset.AssetNumber, .. free.ReferencesHolding(id)],
                        };
                    }
                }

                units.Add(asset!);
            }

            line.Reserve(units);
            if (paper.HandedOverOn is not null)
            {
                var on = paper.HandedOverOn.Value;
                line.Issue(units, 0, null, a => Depreciation.ValueAt(a.Price, a.AcquiredOn, item.UsefulLifeYears, item.SalvageValue, on).Amount, null, OfficeHour(on));
            }

            if (paper.State == PaperLoanState.Returned)
            {
                foreach (var unit in line.Units.ToList())
                {
                    line.ReceiveUnit(unit, ReturnCondition.Good, null, OfficeHour(paper.ReturnedOn!.Value));
                }
            }
            else if (paper.State == PaperLoanState.OnLoan)
            {
                units.ForEach(u => u.MarkOnLoan());
            }
        }

        loan.Case = ApprovalPolicy.Propose(borrower.Kind, false, lines.Any(l => items[l.CatalogueItemId].IsConsumable));
        loan.Record(nowUtc, officer, nameof(Role.SuppliesOfficer), null, KeyedInFromPaperSummary, null, status,
            $"{paper.ApprovalReference!.Trim()} · {paper.State}", approverName.Trim());
        return loan;
    }

    // A paper date becomes 09:00 Bangkok time (02:00 UTC) of that day, so the day shown and counted is the paper's.
    private static DateTime OfficeHour(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
}
