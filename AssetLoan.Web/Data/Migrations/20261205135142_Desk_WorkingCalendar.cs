using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetLoan.Web.Data.Migrations
{
    /// <summary>
    /// The working calendar's public holidays, seeded with the fixed-date Thai holidays (every year) in SQL so the ids
    /// come from the database and PostgreSQL's identity sequence stays in step; indexes for the desk lists and
    /// /loans/all.
    /// </summary>
    public partial class Desk_WorkingCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicHolidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicHolidays", x => x.Id);
                });

            // Data: the fixed-date Thai public holidays, every year (PublicHoliday.FixedThaiHolidays as of this migration).
            migrationBuilder.Sql("""
                INSERT INTO "PublicHolidays" ("Year", "Month", "Day", "Name") VALUES
                (NULL, 1, 1, 'วันขึ้นปีใหม่'),
                (NULL, 4, 6, 'วันพระบาทสมเด็จพระพุทธยอดฟ้าจุฬาโลกมหาราชและวันที่ระลึกมหาจักรีบรมราชวงศ์'),
                (NULL, 4, 13, 'วันสงกรานต์'),
                (NULL, 4, 14, 'วันสงกรานต์'),
                (NULL, 4, 15, 'วันสงกรานต์'),
                (NULL, 5, 1, 'วันแรงงานแห่งชาติ'),
                (NULL, 5, 4, 'วันฉัตรมงคล'),
                (NULL, 6, 3, 'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี'),
                (NULL, 7, 28, 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว'),
                (NULL, 8, 12, 'วันเฉลิมพระชนมพรรษาสมเด็จพระบรมราชชนนีพันปีหลวง และวันแม่แห่งชาติ'),
                (NULL, 10, 13, 'วันนวมินทรมหาราช'),
                (NULL, 10, 23, 'วันปิยมหาราช'),
                (NULL, 12, 5, 'วันคล้ายวันพระบรมราชสมภพ รัชกาลที่ ๙ วันชาติ และวันพ่อแห่งชาติ'),
                (NULL, 12, 10, 'วันรัฐธรรมนูญ'),
                (NULL, 12, 31, 'วันสิ้นปี');
                """);

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
