using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Organisation;
using AssetLoan.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetLoan.Web.Data.Configurations;

public sealed class BorrowerConfiguration : IEntityTypeConfiguration<Borrower>
{
    public void Configure(EntityTypeBuilder<Borrower> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.ContactPerson).HasMaxLength(200);
        b.Property(x => x.Position).HasMaxLength(200);
        b.Property(x => x.NationalIdCipher).HasMaxLength(500);
        b.Property(x => x.NationalIdLookup).HasMaxLength(100);
        b.Property(x => x.NationalIdTail).HasMaxLength(3);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.HouseNumber).HasMaxLength(50);
        b.Property(x => x.Moo).HasMaxLength(20);
        b.Property(x => x.Subdistrict).HasMaxLength(100);
        b.Property(x => x.District).HasMaxLength(100);
        b.Property(x => x.Province).HasMaxLength(100);
        b.Property(x => x.LineUserId).HasMaxLength(64);
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasIndex(x => x.NationalIdLookup);
        b.HasIndex(x => x.Phone);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Division>().WithMany().HasForeignKey(x => x.DivisionId).OnDelete(DeleteBehavior.SetNull);
    }
}
