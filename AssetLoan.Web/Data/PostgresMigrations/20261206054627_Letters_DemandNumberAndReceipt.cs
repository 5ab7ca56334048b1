using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetLoan.Web.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class Letters_DemandNumberAndReceipt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LetterNumber",
                table: "Demands",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReceivedAmount",
                table: "CompensationCases",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SettledByName",
                table: "CompensationCases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SettledByUserId",
                table: "CompensationCases",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LetterNumber",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "ReceivedAmount",
                table: "CompensationCases");

            migrationBuilder.DropColumn(
                name: "SettledByName",
                table: "CompensationCases");

            migrationBuilder.DropColumn(
                name: "SettledByUserId",
                table: "CompensationCases");
        }
    }
}
