using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace AssetLoan.Web.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class Desk_CalendarAndLoanList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicHolidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicHolidays", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "PublicHolidays",
                columns: new[] { "Id", "Day", "Month", "Name", "Year" },
                values: new object[,]
                {
                    { 1, 1, 1, "วันขึ้นปีใหม่", null },
                    { 2, 6, 4, "วันพระบาทสมเด็จพระพุทธยอดฟ้าจุฬาโลกมหาราชและวันที่ระลึกมหาจักรีบรมราชวงศ์", null },
                    { 3, 13, 4, "วันสงกรานต์", null },
                    { 4, 14, 4, "วันสงกรานต์", null },
                    { 5, 15, 4, "วันสงกรานต์", null },
                    { 6, 1, 5, "วันแรงงานแห่งชาติ", null },
                    { 7, 4, 5, "วันฉัตรมงคล", null },
                    { 8, 3, 6, "วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี", null },
                    { 9, 28, 7, "วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว", null },
                    { 10, 12, 8, "วันเฉลิมพระชนมพรรษาสมเด็จพระบรมราชชนนีพันปีหลวง และวันแม่แห่งชาติ", null },
                    { 11, 13, 10, "วันนวมินทรมหาราช", null },
                    { 12, 23, 10, "วันปิยมหาราช", null },
                    { 13, 5, 12, "วันคล้ายวันพระบรมราชสมภพ รัชกาลที่ ๙ วันชาติ และวันพ่อแห่งชาติ", null },
                    { 14, 10, 12, "วันรัฐธรรมนูญ", null },
                    { 15, 31, 12, "วันสิ้นปี", null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Loans_BorrowerDivisionId_Status",
                table: "Loans",
                columns: new[] { "BorrowerDivisionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Loans_DueOn",
                table: "Loans",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Loans_StartOn",
                table: "Loans",
                column: "StartOn");

            migrationBuilder.CreateIndex(
                name: "IX_Loans_Status_StartOn",
                table: "Loans",
                columns: new[] { "Status", "StartOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicHolidays_Month_Day_Year",
                table: "PublicHolidays",
                columns: new[] { "Month", "Day", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicHolidays");

            migrationBuilder.DropIndex(
                name: "IX_Loans_BorrowerDivisionId_Status",
                table: "Loans");

            migrationBuilder.DropIndex(
                name: "IX_Loans_DueOn",
                table: "Loans");

            migrationBuilder.DropIndex(
                name: "IX_Loans_StartOn",
                table: "Loans");

            migrationBuilder.DropIndex(
                name: "IX_Loans_Status_StartOn",
                table: "Loans");
        }
    }
}
