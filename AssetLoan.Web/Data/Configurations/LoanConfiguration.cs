using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetLoan.Web.Data.Configurations;

public sealed class LoanConfiguration : IEntityTypeConfiguration<Loan>
{
    public void Configure(EntityTypeBuilder<Loan> b)
    {
        b.Property(x => x.Reference).HasMaxLength(20);
        b.HasIndex(x => new { x.FiscalYear, x.Number }).IsUnique();
        b.HasIndex(x => x.Reference).IsUnique();
        b.Property(x => x.Purpose).HasMaxLength(Loan.PurposeMaxLength);
        b.Property(x => x.Place).HasMaxLength(Loan.PlaceMaxLength);
        b.Property(x => x.UrgencyReason).HasMaxLength(500);
        b.Property(x => x.AgencyLetterNumber).HasMaxLength(100);
        b.Property(x => x.TrackingToken).HasMaxLength(64);
        b.HasIndex(x => x.TrackingToken).IsUnique();
        b.Property(x => x.SubmissionKey).HasMaxLength(64);
        b.HasIndex(x => x.SubmissionKey).IsUnique();
        b.Property(x => x.ApprovedByName).HasMaxLength(200);
        b.Property(x => x.ApprovedRole).HasMaxLength(40);
        b.Property(x => x.DelegationOrder).HasMaxLength(200);
        b.Property(x => x.PaperApprovalPath).HasMaxLength(300);
        b.Property(x => x.PaperApprovalReference).HasMaxLength(PaperLoanRecord.ApprovalReferenceMaxLength);
        b.Property(x => x.DecisionReason).HasMaxLength(1000);
        b.Property(x => x.HandedOverByName).HasMaxLength(200);
        b.Property(x => x.ReceiverName).HasMaxLength(200);
        b.Property(x => x.ReceiverSignaturePath).HasMaxLength(300);
        b.Property(x => x.ReceivedBackByName).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Status, x.DueOn });
        // The desk (approved by start date) and /loans/all (sorted by start or due date, filtered by division).
        b.HasIndex(x => new { x.Status, x.StartOn });
        b.HasIndex(x => x.StartOn);
        b.HasIndex(x => x.DueOn);
        b.HasIndex(x => new { x.BorrowerDivisionId, x.Status });
        // The public register pages by submission time and the monthly statistics count by month: each reads a range.
        b.HasIndex(x => x.SubmittedAtUtc);
        b.HasIndex(x => x.DecidedAtUtc);
        b.HasIndex(x => new { x.ReturnedOn, x.HandedOverOn, x.DueOn });
        b.HasIndex(x => x.BorrowerId);
        b.HasIndex(x => x.BorrowerUserId);
        // The books (year-end list, utilisation) ask "out on a day": handed over by then, not fully back by then.
        b.HasIndex(x => x.HandedOverOn);
        b.HasIndex(x => x.ReturnedOn);
        b.HasOne<Borrower>().WithMany().HasForeignKey(x => x.BorrowerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.LoanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.History).WithOne().HasForeignKey(x => x.LoanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Demands).WithOne().HasForeignKey(x => x.LoanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Extensions).WithOne().HasForeignKey(x => x.LoanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Compensations).WithOne().HasForeignKey(x => x.LoanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Demands).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Extensions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Compensations).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.PendingExtension);
    }
}

public sealed class LoanLineConfiguration : IEntityTypeConfiguration<LoanLine>
{
    public void Configure(EntityTypeBuilder<LoanLine> b)
    {
        b.Property(x => x.ItemName).HasMaxLength(200);
        b.Property(x => x.UnitNoun).HasMaxLength(30);
        b.Property(x => x.HandoverNote).HasMaxLength(1000);
        b.Property(x => x.ReturnNote).HasMaxLength(2000);
        b.Property(x => x.UnitValueBasis).HasMaxLength(PoolValuation.BasisMaxLength);
        b.HasOne<CatalogueItem>().WithMany().HasForeignKey(x => x.CatalogueItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Units).WithOne().HasForeignKey(x => x.LoanLineId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Units).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(x => x.InKindReceipts, r =>
        {
            r.ToTable("LoanLineInKindReceipts");
            r.WithOwner().HasForeignKey("LoanLineId");
            r.Property<int>("Id");
            r.HasKey("Id");
            r.Property(x => x.Description).HasMaxLength(InKindReceipt.DescriptionMaxLength);
            r.Property(x => x.ReceivedByName).HasMaxLength(200);
        });
        b.Navigation(x => x.InKindReceipts).HasField("_inKind").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(x => x.CatalogueItemId);
        // The commitments query (AvailabilityQueries): the lines that hold stock now, by item — a few thousand rows
        // however long the history grows.
        b.HasIndex(x => new { x.CatalogueItemId, x.LoanId }, "IX_LoanLines_Holding").HasFilter("\"Holds\"");
    }
}

public sealed class LoanUnitConfiguration : IEntityTypeConfiguration<LoanUnit>
{
    public void Configure(EntityTypeBuilder<LoanUnit> b)
    {
        b.Property(x => x.AssetNumber).HasMaxLength(AssetNumbers.MaxLength);
        b.Property(x => x.ReturnNote).HasMaxLength(1000);
        b.HasOne<Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.AssetId);
    }
}

public sealed class LoanHistoryEntryConfiguration : IEntityTypeConfiguration<LoanHistoryEntry>
{
    public void Configure(EntityTypeBuilder<LoanHistoryEntry> b)
    {
        b.Property(x => x.ActorUserId).HasMaxLength(450);
        b.Property(x => x.ActorName).HasMaxLength(200);
        b.Property(x => x.ActingRole).HasMaxLength(40);
        b.Property(x => x.Summary).HasMaxLength(60);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.OnAuthorityOf).HasMaxLength(200);
    }
}

public sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> b)
    {
        b.Property(x => x.ByUserId).HasMaxLength(450);
        b.Property(x => x.ByName).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.LetterNumber).HasMaxLength(60);
    }
}

public sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> b)
    {
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.RequestedByName).HasMaxLength(200);
        b.Property(x => x.DecidedByName).HasMaxLength(200);
        b.Property(x => x.DecisionNote).HasMaxLength(1000);
    }
}

public sealed class CompensationCaseConfiguration : IEntityTypeConfiguration<CompensationCase>
{
    public void Configure(EntityTypeBuilder<CompensationCase> b)
    {
        b.Property(x => x.AssetNumber).HasMaxLength(AssetNumbers.MaxLength);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.Property(x => x.Basis).HasMaxLength(2000);
        b.Property(x => x.DecidedByUserId).HasMaxLength(450);
        b.Property(x => x.DecidedByName).HasMaxLength(200);
        b.Property(x => x.ConfirmedByUserId).HasMaxLength(450);
        b.Property(x => x.ConfirmedByName).HasMaxLength(200);
        b.Property(x => x.ReceiptNumber).HasMaxLength(100);
        b.Property(x => x.SettlementNote).HasMaxLength(1000);
        b.Property(x => x.SettledByUserId).HasMaxLength(450);
        b.Property(x => x.SettledByName).HasMaxLength(200);
        b.HasOne<LoanLine>().WithMany().HasForeignKey(x => x.LoanLineId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<Domain.Audit.AuditEvent>
{
    public void Configure(EntityTypeBuilder<Domain.Audit.AuditEvent> b)
    {
        b.HasIndex(x => x.Sequence).IsUnique();
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.Property(x => x.ActorUserId).HasMaxLength(450);
        b.Property(x => x.ActorName).HasMaxLength(200);
        b.Property(x => x.ActorRole).HasMaxLength(200);
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(60);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
    }
}
