using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Organisation;
using AssetLoan.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetLoan.Web.Data.Configurations;

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.Property(x => x.Code).HasMaxLength(20);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
    }
}

public sealed class DivisionConfiguration : IEntityTypeConfiguration<Division>
{
    public void Configure(EntityTypeBuilder<Division> b)
    {
        b.Property(x => x.Code).HasMaxLength(20);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
    }
}

public sealed class AppSettingConfiguration : IEntityTypeConfiguration<AppSetting>
{
    public void Configure(EntityTypeBuilder<AppSetting> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Value).HasMaxLength(100_000);
    }
}

public sealed class FiscalSequenceConfiguration : IEntityTypeConfiguration<FiscalSequence>
{
    public void Configure(EntityTypeBuilder<FiscalSequence> b)
    {
        b.HasKey(x => x.FiscalYear);
        b.Property(x => x.FiscalYear).ValueGeneratedNever();
    }
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.ToTable("JobLeases");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(60);
        b.Property(x => x.Holder).HasMaxLength(200);
    }
}

public sealed class ApplyChallengeUseConfiguration : IEntityTypeConfiguration<ApplyChallengeUse>
{
    public void Configure(EntityTypeBuilder<ApplyChallengeUse> b)
    {
        b.ToTable("ApplyChallengeUses");
        b.HasKey(x => x.Id);
        b.Property(x => x.Nonce).HasMaxLength(40);
        b.Property(x => x.Client).HasMaxLength(64);
        b.HasIndex(x => x.Nonce).IsUnique();
        b.HasIndex(x => new { x.Client, x.UsedAtUtc });
    }
}

public sealed class PublicDataStampConfiguration : IEntityTypeConfiguration<PublicDataStamp>
{
    public void Configure(EntityTypeBuilder<PublicDataStamp> b)
    {
        b.ToTable("PublicDataStamp");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new PublicDataStamp { Id = PublicDataStamp.SingleId, Value = 0 });
    }
}

public sealed class NotificationMessageConfiguration : IEntityTypeConfiguration<NotificationMessage>
{
    public void Configure(EntityTypeBuilder<NotificationMessage> b)
    {
        b.Property(x => x.TemplateKey).HasMaxLength(60);
        b.Property(x => x.ToAddress).HasMaxLength(300);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Body).HasMaxLength(20_000);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasIndex(x => new { x.SentAtUtc, x.NextAttemptAtUtc });
        b.HasIndex(x => new { x.UserId, x.ReadAtUtc });
    }
}

public sealed class LineLinkRequestConfiguration : IEntityTypeConfiguration<LineLinkRequest>
{
    public void Configure(EntityTypeBuilder<LineLinkRequest> b)
    {
        b.Property(x => x.CodeHash).HasMaxLength(64);
        b.Property(x => x.UsedAtUtc).IsConcurrencyToken();
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => x.CodeHash).IsUnique();
        b.HasIndex(x => x.BorrowerId);
        b.HasIndex(x => x.UserId);
        b.HasOne<Borrower>().WithMany().HasForeignKey(x => x.BorrowerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
