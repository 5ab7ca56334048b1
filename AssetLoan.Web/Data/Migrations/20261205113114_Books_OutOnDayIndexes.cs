using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetLoan.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Books_OutOnDayIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Loans_HandedOverOn",
                table: "Loans",
                column: "HandedOverOn");

            migrationBuilder.CreateIndex(
                name: "IX_Loans_ReturnedOn",
                table: "Loans",
                column: "ReturnedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Loans_HandedOverOn",
                table: "Loans");

            migrationBuilder.DropIndex(
                name: "IX_Loans_ReturnedOn",
                table: "Loans");
        }
    }
}
