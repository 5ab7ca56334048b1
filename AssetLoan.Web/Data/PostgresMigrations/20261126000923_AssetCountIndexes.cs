using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetLoan.Web.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class AssetCountIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assets_CatalogueItemId_Status",
                table: "Assets");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_CatalogueItemId_Status_RetiredAtUtc",
                table: "Assets",
                columns: new[] { "CatalogueItemId", "Status", "RetiredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Status_RetiredAtUtc",
                table: "Assets",
                columns: new[] { "Status", "RetiredAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assets_CatalogueItemId_Status_RetiredAtUtc",
                table: "Assets");

            migrationBuilder.DropIndex(
                name: "IX_Assets_Status_RetiredAtUtc",
                table: "Assets");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_CatalogueItemId_Status",
                table: "Assets",
                columns: new[] { "CatalogueItemId", "Status" });
        }
    }
}
