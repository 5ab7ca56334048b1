using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Audit;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.Organisation;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AssetLoan.Web.Data;

public class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    private readonly CurrentActor? _actor;
    private readonly TimeProvider? _time;
    private readonly Infrastructure.Security.AuditChainKey? _chainKey;

    public AppDbContext(DbContextOptions<AppDbContext> options, CurrentActor? actor = null, TimeProvider? time = null, Infrastructure.Security.AuditChainKey? chainKey = null)
        : this((DbContextOptions)options, actor, time, chainKey)
    {
    }

    protected AppDbContext(DbContextOptions options, CurrentActor? actor, TimeProvider? time, Infrastructure.Security.AuditChainKey? chainKey = null)
        : base(options)
    {
        _actor = actor;
        _time = time;
        _chainKey = chainKey;
    }

    public DbSet<Division> Divisions => Set<Division>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<CatalogueItem> CatalogueItems => Set<CatalogueItem>();

    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<Borrower> Borrowers => Set<Borrower>();

    public DbSet<Loan> Loans => Set<Loan>();

    public DbSet<LoanLine> LoanLines => Set<LoanLine>();

    public DbSet<LoanUnit> LoanUnits => Set<LoanUnit>();

    public DbSet<CompensationCase> CompensationCases => Set<CompensationCase>();

    public DbSet<Demand> Demands => Set<Demand>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditAnchor> AuditAnchors => Set<AuditAnchor>();

    public DbSet<AppSetting> Settings => Set<AppSetting>();

    public DbSet<FiscalSequence> FiscalSequences => Set<FiscalSequence>();

    public DbSet<NotificationMessage> Notifications => Set<NotificationMessage>();

    public DbSet<LineLinkRequest> LineLinkRequests => Set<LineLinkRequest>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<PublicDataStamp> PublicDataStamps => Set<PublicDataStamp>();

    public DbSet<ApplyChallengeUse> ApplyChallengeUses => Set<ApplyChallengeUse>();

    internal CurrentActor? Actor => _actor;

    internal TimeProvider Time => _time ?? TimeProvider.System;

    /// <summary>The audit chain's HMAC key; a context made without the app's services cannot write audit events.</summary>
    internal byte[] ChainKey => _chainKey?.Bytes ?? throw new InvalidOperationException("The audit chain key is not configured (Audit:ChainKey).");

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Every save writes its audit events in the same transaction (domain.md §9).</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        AuditWriter.SaveWithAuditAsync(this, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Money is decimal in the domain and satang (long) in the database, so SQLite can sort and sum it.
        configurationBuilder.Properties<decimal>().HaveConversion<SatangConverter>();
        foreach (var enumType in new[]
                 {
                     typeof(LendingNature), typeof(BudgetClass), typeof(TrackingMode), typeof(BorrowerAudience), typeof(AssetStatus),
                     typeof(ReturnCondition), typeof(BorrowerKind), typeof(LoanStatus), typeof(LoanAction), typeof(LoanCase),
                     typeof(DemandChannel), typeof(ExtensionStatus), typeof(CompensationKind), typeof(CompensationMethod),
                     typeof(CompensationStatus), typeof(NotificationChannel), typeof(ContactChannel),
                 })
        {
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(40);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => t.Namespace == typeof(Configurations.AssetConfiguration).Namespace);
        builder.Entity<AppUser>(u =>
        {
            u.Property(x => x.FullName).HasMaxLength(200);
            u.Property(x => x.Position).HasMaxLength(200);
            u.Property(x => x.DelegationOrder).HasMaxLength(200);
            u.Property(x => x.LineUserId).HasMaxLength(64);
            u.HasOne<Division>().WithMany().HasForeignKey(x => x.DivisionId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}

internal sealed class SatangConverter() : ValueConverter<decimal, long>(
    v => (long)Math.Round(v * 100m, MidpointRounding.AwayFromZero),
    v => v / 100m);

/// <summary>Role membership changes are audited too; this is Identity's join row.</summary>
public static class IdentityAudit
{
    public static bool IsAudited(Type type) => type == typeof(IdentityUserRole<string>) || type == typeof(AppUser);
}
