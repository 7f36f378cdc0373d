using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenTalk.Host.Auth.Migrations
{
    /// <inheritdoc />
    public partial class AccountAuditorRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsAuditor",
                schema: "auth",
                table: "Accounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsAuditor",
                schema: "auth",
                table: "Accounts");
        }
    }
}
