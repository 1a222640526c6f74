using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HierCore.Lab.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArtifactBlobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArtifactBlobs",
                columns: table => new
                {
                    ArtifactId = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArtifactBlobs", x => x.ArtifactId);
                    table.ForeignKey(
                        name: "FK_ArtifactBlobs_Artifacts_ArtifactId",
                        column: x => x.ArtifactId,
                        principalTable: "Artifacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Artifacts_RelativePath",
                table: "Artifacts",
                column: "RelativePath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArtifactBlobs");

            migrationBuilder.DropIndex(
                name: "IX_Artifacts_RelativePath",
                table: "Artifacts");
        }
    }
}
