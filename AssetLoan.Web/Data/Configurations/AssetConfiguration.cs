using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetLoan.Web.Data.Configurations;

public sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> b)
    {
        b.Property(x => x.AssetNumber).HasMaxLength(AssetNumbers.MaxLength).UseCaseInsensitiveCollation();
        b.HasIndex(x => x.AssetNumber).IsUnique();
        b.Property(x => x.Tag).HasMaxLength(Tags.Length);
        b.HasIndex(x => x.Tag).IsUnique();
        b.Property(x => x.SerialNumber).HasMaxLength(100);
        b.Property(x => x.Location).HasMaxLength(200);
        b.Property(x => x.Condition).HasMaxLength(200);
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.Property(x => x.RetiredReason).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<CatalogueItem>().WithMany().HasForeignKey(x => x.CatalogueItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Division>().WithMany().HasForeignKey(x => x.DivisionId).OnDelete(DeleteBehavior.SetNull);
        // Covering indexes for the counts the list pages make (units per catalogue item, the registry's total): a count
        // reads the index only, never the asset rows (measured with bench/pages.sh on 100,000 assets; see README).
        b.HasIndex(x => new { x.CatalogueItemId, x.Status, x.RetiredAtUtc });
        b.HasIndex(x => new { x.Status, x.RetiredAtUtc });
    }
}
