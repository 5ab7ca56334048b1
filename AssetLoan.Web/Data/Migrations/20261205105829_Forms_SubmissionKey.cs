using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetLoan.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Forms_SubmissionKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubmissionKey",
                table: "Loans",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Loans_SubmissionKey",
                table: "Loans",
                column: "SubmissionKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Loans_SubmissionKey",
                table: "Loans");

            migrationBuilder.DropColumn(
                name: "SubmissionKey",
                table: "Loans");
        }
    }
}
