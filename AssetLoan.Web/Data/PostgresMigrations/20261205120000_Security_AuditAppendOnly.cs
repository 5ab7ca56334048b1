using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetLoan.Web.Data.PostgresMigrations
{
    /// <summary>
    /// The audit trail is append-only in the database itself (issue 14 §2): any UPDATE or DELETE of an audit event, by
    /// the application's role or anyone else short of dropping the trigger, is refused. No model change.
    /// </summary>
    [DbContext(typeof(PostgresAppDbContext))]
    [Migration("20261205120000_Security_AuditAppendOnly")]
    public partial class Security_AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'AuditEvents is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditEvents"
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_events_append_only ON "AuditEvents";
                DROP FUNCTION IF EXISTS audit_events_append_only();
                """);
        }
    }
}
