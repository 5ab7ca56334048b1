using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AssetLoan.Web.Data.PostgresMigrations
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Lines filed before the snapshot existed: a consumable item's line returns in kind.
            migrationBuilder.Sql("UPDATE \"LoanLines\" SET \"ReturnsInKind\" = TRUE WHERE \"CatalogueItemId\" IN (SELECT \"Id\" FROM \"CatalogueItems\" WHERE \"LendingNature\" = 'Consumable')");

            migrationBuilder.CreateTable(
                name: "LoanLineInKindReceipts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ReceivedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LoanLineId = table.Column<int>(type: "integer", nullable: false)
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
