using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HierCore.Lab.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TagsNotesArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "Sweeps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "Sweeps",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Sweeps",
                type: "TEXT",
                maxLength: 821,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "Runs",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Runs",
                type: "TEXT",
                maxLength: 821,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Sweeps");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "Sweeps");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "Sweeps");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "Runs");
        }
    }
}
