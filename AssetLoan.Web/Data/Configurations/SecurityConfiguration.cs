using AssetLoan.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetLoan.Web.Data.Configurations;

public sealed class AuditAnchorConfiguration : IEntityTypeConfiguration<AuditAnchor>
{
    public void Configure(EntityTypeBuilder<AuditAnchor> b)
    {
        b.HasIndex(x => x.AnchoredOn).IsUnique();
        b.Property(x => x.Hash).HasMaxLength(64);
    }
}
