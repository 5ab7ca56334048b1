using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetLoan.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplyChallenges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApplyChallengeUses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Nonce = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Client = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Solved = table.Column<bool>(type: "INTEGER", nullable: false),
                    UsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplyChallengeUses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApplyChallengeUses_Client_UsedAtUtc",
                table: "ApplyChallengeUses",
                columns: new[] { "Client", "UsedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ApplyChallengeUses_Nonce",
                table: "ApplyChallengeUses",
                column: "Nonce",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplyChallengeUses");
        }
    }
}
