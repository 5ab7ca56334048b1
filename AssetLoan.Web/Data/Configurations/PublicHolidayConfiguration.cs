using AssetLoan.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetLoan.Web.Data.Configurations;

/// <summary>
/// The admin's public holidays. The fixed-date Thai holidays are seeded by the Desk_WorkingCalendar migration in SQL,
/// not by HasData, so the ids come from the database and PostgreSQL's identity sequence stays in step.
/// </summary>
public sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHoliday>
{
    public void Configure(EntityTypeBuilder<PublicHoliday> b)
    {
        b.ToTable("PublicHolidays");
        b.Property(x => x.Name).HasMaxLength(PublicHoliday.NameMaxLength);
        b.HasIndex(x => new { x.Month, x.Day, x.Year }).IsUnique();
    }
}
