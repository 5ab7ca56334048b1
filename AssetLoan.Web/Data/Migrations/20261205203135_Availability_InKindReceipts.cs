using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetLoan.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Availability_InKindReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ReturnsInKind",
                table: "LoanLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Lines filed before the snapshot existed: a consumable item's line returns in kind.
            migrationBuilder.Sql("UPDATE LoanLines SET ReturnsInKind = 1 WHERE CatalogueItemId IN (SELECT Id FROM CatalogueItems WHERE LendingNature = 'Consumable')");

            migrationBuilder.CreateTable(
                name: "LoanLineInKindReceipts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReceivedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LoanLineId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoanLineInKindReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LoanLineInKindReceipts_LoanLines_LoanLineId",
                        column: x => x.LoanLineId,
                        principalTable: "LoanLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LoanLineInKindReceipts_LoanLineId",
                table: "LoanLineInKindReceipts",
                column: "LoanLineId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LoanLineInKindReceipts");

            migrationBuilder.DropColumn(
                name: "ReturnsInKind",
                table: "LoanLines");
        }
    }
}
