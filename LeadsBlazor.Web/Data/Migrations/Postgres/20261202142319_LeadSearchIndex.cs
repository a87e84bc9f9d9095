using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsBlazor.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LeadSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");

            // The search's fold as an SQL function, the same steps as TextSearch.Fold (composed, umlauts written out, accents
            // dropped, lower case). unaccent() is only STABLE (its dictionary could change); declared IMMUTABLE here, the trigram
            // indexes below can be built on it. The function and dictionary are named with unaccent's own schema, so the
            // function means the same under any search_path (a restore sets it empty).
            migrationBuilder.Sql("""
                DO $do$
                DECLARE
                    s text := (SELECT quote_ident(n.nspname) FROM pg_extension AS e JOIN pg_namespace AS n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent');
                BEGIN
                    EXECUTE format($f$
                        CREATE FUNCTION leads_fold(value text) RETURNS text
                        LANGUAGE sql IMMUTABLE PARALLEL SAFE
                        AS $body$
                            SELECT lower(%1$s.unaccent(%2$L::regdictionary,
                                replace(replace(replace(replace(replace(replace(replace(replace(normalize(value, NFC),
                                    'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'ae'), 'Ö', 'oe'), 'Ü', 'ue'), 'ẞ', 'ss')))
                        $body$
                        $f$, s, s || '.unaccent');
                END
                $do$;
                """);

            // The lead search (Data/LeadSearch.cs) looks up each of the three names in its own trigram index; the query folds
            // with the very same expression, leads_fold("Name").
            migrationBuilder.Sql("""CREATE INDEX "IX_Leads_Name_Search" ON "Leads" USING gin (leads_fold("Name") gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Companies_Name_Search" ON "Companies" USING gin (leads_fold("Name") gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_People_Name_Search" ON "People" USING gin (leads_fold("Name") gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_People_Name_Search";
                DROP INDEX "IX_Companies_Name_Search";
                DROP INDEX "IX_Leads_Name_Search";
                DROP FUNCTION leads_fold(text);
                """);

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");
        }
    }
}
