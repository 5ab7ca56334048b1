using AssetLoan.Domain.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetLoan.Web.Data.Configurations;

public sealed class CatalogueItemConfiguration : IEntityTypeConfiguration<CatalogueItem>
{
    public void Configure(EntityTypeBuilder<CatalogueItem> b)
    {
        b.Property(x => x.Name).HasMaxLength(200).UseCaseInsensitiveCollation();
        b.HasIndex(x => x.Name);
        b.Property(x => x.UnitNoun).HasMaxLength(30);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.PhotoPath).HasMaxLength(300);
        b.Property(x => x.ChecklistText).HasMaxLength(2000);
        b.Property(x => x.Tag).HasMaxLength(Tags.Length);
        b.HasIndex(x => x.Tag).IsUnique();
        b.Ignore(x => x.Checklist);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(x => x.Lots, l =>
        {
            l.ToTable("PoolLots");
            l.WithOwner().HasForeignKey("CatalogueItemId");
            l.HasKey(x => x.Id);
        });
        b.Navigation(x => x.Lots).HasField("_lots").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
