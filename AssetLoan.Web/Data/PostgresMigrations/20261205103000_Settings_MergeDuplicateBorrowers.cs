using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetLoan.Web.Data.PostgresMigrations
{
    /// <summary>Data only: the same merge of duplicate outside borrowers as the SQLite migration of this name (portable SQL).</summary>
    [DbContext(typeof(PostgresAppDbContext))]
    [Migration("20261205103000_Settings_MergeDuplicateBorrowers")]
    public partial class Settings_MergeDuplicateBorrowers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Migrations.Settings_MergeDuplicateBorrowers.Statements)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
