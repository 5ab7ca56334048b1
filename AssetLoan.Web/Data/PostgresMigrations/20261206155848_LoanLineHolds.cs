using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetLoan.Web.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class LoanLineHolds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Holds",
                table: "LoanLines",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The lines of the loans that hold stock now (LoanTransitions.HoldingStatuses on this day) are marked as the
            // domain marks them from here on.
            migrationBuilder.Sql(
                "UPDATE \"LoanLines\" SET \"Holds\" = TRUE WHERE \"LoanId\" IN (SELECT \"Id\" FROM \"Loans\" " +
                "WHERE \"Status\" IN ('Checked', 'PaperApproved', 'Approved', 'HandedOver', 'PartlyReturned'))");

            migrationBuilder.CreateIndex(
                name: "IX_LoanLines_Holding",
                table: "LoanLines",
                columns: new[] { "CatalogueItemId", "LoanId" },
                filter: "\"Holds\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LoanLines_Holding",
                table: "LoanLines");

            migrationBuilder.DropColumn(
                name: "Holds",
                table: "LoanLines");
        }
    }
}
