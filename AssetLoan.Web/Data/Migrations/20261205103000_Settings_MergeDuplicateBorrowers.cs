using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetLoan.Web.Data.Migrations
{
    /// <summary>
    /// Data only (docs/decisions/0005): before, every application created a borrower record of its own. The records of
    /// one outside borrower — persons with the same national-ID look-up hash, organisations with the same name and
    /// phone — become one, the newest (it holds the latest contact); every loan moves to it, then the others go.
    /// Anonymised records have neither hash nor phone and stay as they are. Plain SQL shared by SQLite and PostgreSQL.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261205103000_Settings_MergeDuplicateBorrowers")]
    public partial class Settings_MergeDuplicateBorrowers : Migration
    {
        private const string SamePerson = """
            k."Kind" = 'Person' AND b."Kind" = 'Person' AND k."NationalIdLookup" = b."NationalIdLookup"
            """;

        private const string SameOrganisation = """
            k."Kind" NOT IN ('Staff', 'Person') AND b."Kind" NOT IN ('Staff', 'Person') AND k."Name" = b."Name" AND k."Phone" = b."Phone"
            """;

        /// <summary>The statements, in order; public so a test can run them on a database with duplicates.</summary>
        public static readonly string[] Statements =
        [
            Repoint(SamePerson),
            Repoint(SameOrganisation),
            Remove(SamePerson),
            Remove(SameOrganisation),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Statements)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Merged records cannot be told apart again; the loans are all kept on the surviving record.
        }

        /// <summary>Every loan of an older twin moves to the newest record of the same borrower.</summary>
        private static string Repoint(string same) => $"""
            UPDATE "Loans" SET "BorrowerId" = (
                SELECT MAX(k."Id") FROM "Borrowers" k, "Borrowers" b WHERE b."Id" = "Loans"."BorrowerId" AND {same})
            WHERE EXISTS (
                SELECT 1 FROM "Borrowers" k, "Borrowers" b WHERE b."Id" = "Loans"."BorrowerId" AND k."Id" > b."Id" AND {same});
            """;

        /// <summary>Older twins, now without loans, are deleted.</summary>
        private static string Remove(string same) => $"""
            DELETE FROM "Borrowers" WHERE "Id" IN (
                SELECT b."Id" FROM "Borrowers" k, "Borrowers" b WHERE k."Id" > b."Id" AND {same})
                AND NOT EXISTS (SELECT 1 FROM "Loans" l WHERE l."BorrowerId" = "Borrowers"."Id");
            """;
    }
}
