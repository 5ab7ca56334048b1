using AssetLoan.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetLoan.Web.Data.Configurations;

/// <summary>The admin's public holidays, seeded with the fixed-date Thai holidays (every year).</summary>
public sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHoliday>
{
    public void Configure(EntityTypeBuilder<PublicHoliday> b)
    {
        b.ToTable("PublicHolidays");
        b.Property(x => x.Name).HasMaxLength(PublicHoliday.NameMaxLength);
        b.HasIndex(x => new { x.Month, x.Day, x.Year }).IsUnique();
        b.HasData(PublicHoliday.FixedThaiHolidays.Select((h, i) => new { Id = i + 1, Year = (int?)null, h.Month, h.Day, h.Name }));
    }
}
