using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenTalk.Host.Auth.Migrations
{
    /// <inheritdoc />
    public partial class AccountDisabledAndCreated : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreatedAt",
                schema: "auth",
                table: "Accounts",
                type: "timestamp with time zone",
                nullable: false,
                // Accounts made before this column existed are dated by the migration (their day is not known).
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<bool>(
                name: "Disabled",
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
                name: "CreatedAt",
                schema: "auth",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "Disabled",
                schema: "auth",
                table: "Accounts");
        }
    }
}
