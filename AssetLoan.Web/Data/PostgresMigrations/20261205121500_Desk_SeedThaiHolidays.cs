using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetLoan.Web.Data.PostgresMigrations
{
    /// <summary>
    /// Data only (no model change): the fixed-date Thai public holidays, every year, for the working calendar. Ids are
    /// left to the database so PostgreSQL's identity sequence stays in step.
    /// </summary>
    [DbContext(typeof(PostgresAppDbContext))]
    [Migration("20261205121500_Desk_SeedThaiHolidays")]
    public partial class Desk_SeedThaiHolidays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "PublicHolidays" WHERE "Year" IS NULL;""");
        }
    }
}
