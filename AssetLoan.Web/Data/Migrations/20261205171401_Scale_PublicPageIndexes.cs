using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetLoan.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Scale_PublicPageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Loans_DecidedAtUtc",
                table: "Loans",
                column: "DecidedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Loans_ReturnedOn_HandedOverOn_DueOn",
                table: "Loans",
                columns: new[] { "ReturnedOn", "HandedOverOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Loans_SubmittedAtUtc",
                table: "Loans",
                column: "SubmittedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Loans_DecidedAtUtc",
                table: "Loans");

            migrationBuilder.DropIndex(
                name: "IX_Loans_ReturnedOn_HandedOverOn_DueOn",
                table: "Loans");

            migrationBuilder.DropIndex(
                name: "IX_Loans_SubmittedAtUtc",
                table: "Loans");
        }
    }
}
