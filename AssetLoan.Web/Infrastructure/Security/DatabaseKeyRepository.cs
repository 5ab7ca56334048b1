using System.Xml.Linq;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure.Security;

/// <summary>
/// One key ring in the shared DataProtectionKeys table (several instances on PostgreSQL), told apart by a name prefix
/// ("personal:") so that the personal-data ring and the application ring ("") never share a key. The keys are stored
/// encrypted (certificate or key file), so the table alone opens nothing.
/// </summary>
public sealed class DatabaseKeyRepository(IServiceProvider services, string ring) : IXmlRepository
{
    public const string PersonalRing = "personal";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = db.DataProtectionKeys.AsNoTracking().Select(k => new { k.FriendlyName, k.Xml }).ToList();
        return rows
            .Where(r => (r.FriendlyName ?? "").StartsWith(PersonalRing + ":", StringComparison.Ordinal) == (ring == PersonalRing))
            .Where(r => !string.IsNullOrEmpty(r.Xml))
            .Select(r => XElement.Parse(r.Xml!))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = ring == PersonalRing ? PersonalRing + ":" + friendlyName : friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}
