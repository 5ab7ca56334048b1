using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetLoan.Web.Data.Configurations;

internal static class ModelBuilderExtensions
{
    /// <summary>
    /// SQLite's LIKE is case-insensitive, so a prefix search uses an index only on a NOCASE column. The PostgreSQL
    /// model replaces the collation in its own context.
    /// </summary>
    public static PropertyBuilder<string> UseCaseInsensitiveCollation(this PropertyBuilder<string> property) =>
        property.UseCollation("NOCASE");
}
