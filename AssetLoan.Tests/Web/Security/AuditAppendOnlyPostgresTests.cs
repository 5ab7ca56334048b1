using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AssetLoan.Tests.Web.Security;

/// <summary>Issue 14 §2: on PostgreSQL nobody connected as the application can rewrite or delete audit rows.</summary>
public sealed class AuditAppendOnlyPostgresTests
{
    [Theory]
    [InlineData("UPDATE \"AuditEvents\" SET \"After\" = 'null' WHERE \"Sequence\" = 1")]
    [InlineData("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" > 1")]
    [InlineData("TRUNCATE \"AuditEvents\"")]
    public async Task ChangingAnAuditRow_IsRefused_AndAppendingStillWorks(string sql)
    {
        await using var app = new PostgresAppFactory();
        app.RequireServer();
        var before = await app.WithDbAsync(db => db.AuditEvents.CountAsync());

        var refused = await Assert.ThrowsAsync<PostgresException>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);

        var officer = await app.CreateClientAsAsync(Demo.Officer);
        Assert.True((await officer.GetAsync("/assets", TestContext.Current.CancellationToken)).IsSuccessStatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.CountAsync()) >= before);
    }
}
