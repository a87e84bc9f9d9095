using System.Linq.Expressions;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace LeadsBlazor.Web.Data;

/// <summary>
/// The lead views' search (name, customer, contact) and label filter in a shape each database answers from an index, with
/// the results of <see cref="TextSearch.Like"/> over the three names (substring of the folded text; Rule 10):
/// <list type="bullet">
/// <item>SQLite: the FTS5 table <c>LeadSearch</c> (trigram tokens, one row per lead with its three folded names, kept by
/// triggers; see the migration <c>LeadSearchIndex</c>) finds the leads; a search of fewer than three folded characters, which
/// has no trigram, reads the same table's folded text with LIKE.</item>
/// <item>PostgreSQL: <c>pg_trgm</c> GIN indexes on <c>leads_fold("Name")</c> of leads, companies and people, one branch each,
/// so the planner unites three index scans instead of joining every lead.</item>
/// </list>
/// Both start from the query's own root, so <see cref="Features.LeadViews.LeadFilter"/> needs no context.
/// </summary>
public static class LeadSearch
{
    /// <summary>The join table of leads and labels and its columns (EF's names for the many-to-many in LeadConfiguration).</summary>
    internal const string LeadLabels = "LeadLabels";

    private const string LabelId = "LabelsId";

    private const string LeadId = "LeadId";

    /// <summary>Trigrams: a shorter text has none to look up.</summary>
    private const int IndexedLength = 3;

    /// <summary>The leads among <paramref name="leads"/> whose name, customer or contact contains <paramref name="text"/> as the search folds it.</summary>
    public static IQueryable<Lead> Matching(IQueryable<Lead> leads, string text)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var root = Root(leads);
        if (root.EntityType.Model.FindEntityType(typeof(LeadSearchEntry)) is { } index)
        {
            var ids = Found(Query<LeadSearchEntry>(leads, index), text);
            return leads.Where(l => ids.Contains(l.Id));
        }

        // PostgreSQL: one branch per table, each served by its trigram index; an OR over the joined names would read every
        // lead. TextSearch.Like folds the pattern in SQL, as it folds the names.
        var typed = Pattern(text);
        var all = Query<Lead>(leads, root.EntityType);
        var matches = all.Where(l => TextSearch.Like(l.Name, typed)).Select(l => l.Id)
            .Union(all.Where(l => l.Company != null && TextSearch.Like(l.Company.Name, typed)).Select(l => l.Id))
            .Union(all.Where(l => l.ContactPerson != null && TextSearch.Like(l.ContactPerson.Name, typed)).Select(l => l.Id));
        return leads.Where(l => matches.Contains(l.Id));
    }

    /// <summary>
    /// The ids of every lead whose name, customer or contact contains <paramref name="text"/>, read from SQLite's search index
    /// alone (no lead row); null on PostgreSQL, whose search is <see cref="Matching"/>'s branches over the leads.
    /// </summary>
    public static IQueryable<int>? MatchingIds(LeadsDbContext db, string text)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Model.FindEntityType(typeof(LeadSearchEntry)) is null ? null : Found(db.Set<LeadSearchEntry>(), text);
    }

    // The search index's rows that hold the text: a quoted trigram phrase, or LIKE over the folded names for a text too short
    // to have a trigram.
    private static IQueryable<int> Found(IQueryable<LeadSearchEntry> entries, string text)
    {
        var folded = TextSearch.Fold(text)!;
        // A phrase of the trigram tokenizer matches a substring of one column; quoted, nothing in it is query syntax.
        var phrase = "\"" + folded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var pattern = Pattern(folded);
        var found = folded.Length >= IndexedLength
            ? entries.Where(e => LeadSearchEntry.Match(phrase, e.Table))
            : entries.Where(e => EF.Functions.Like(e.Name, pattern, TextSearch.Escape)
                || EF.Functions.Like(e.Customer, pattern, TextSearch.Escape)
                || EF.Functions.Like(e.Contact, pattern, TextSearch.Escape));
        return found.Select(e => e.LeadId);
    }

    /// <summary>
    /// The leads among <paramref name="leads"/> that carry the label: looked up in the join table's key (label, lead), so a
    /// label's leads are found from the label instead of asking every lead for its labels.
    /// </summary>
    public static IQueryable<Lead> Labelled(IQueryable<Lead> leads, int labelId)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var root = Root(leads);
        var join = root.EntityType.Model.FindEntityType(LeadLabels)
            ?? throw new InvalidOperationException($"The model has no join table {LeadLabels}.");
        var ids = Query<Dictionary<string, object>>(leads, join)
            .Where(x => EF.Property<int>(x, LabelId) == labelId)
            .Select(x => EF.Property<int>(x, LeadId));
        return leads.Where(l => ids.Contains(l.Id));
    }

    /// <summary>
    /// The same leads as <see cref="Labelled"/>, asked lead by lead: for each lead the query reads, one look-up of (label, lead)
    /// in the join table's key. For a page in an index's order, which stops after a few leads.
    /// </summary>
    public static IQueryable<Lead> LabelledLeadByLead(IQueryable<Lead> leads, int labelId)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var root = Root(leads);
        var join = root.EntityType.Model.FindEntityType(LeadLabels)
            ?? throw new InvalidOperationException($"The model has no join table {LeadLabels}.");
        var assignments = Query<Dictionary<string, object>>(leads, join);
        return leads.Where(l => assignments.Any(x => EF.Property<int>(x, LabelId) == labelId && EF.Property<int>(x, LeadId) == l.Id));
    }

    private static string Pattern(string text) => "%" + Features.LeadViews.LeadFilter.EscapeLike(text) + "%";

    // Another table of the same context as the leads' query.
    private static IQueryable<T> Query<T>(IQueryable<Lead> leads, IEntityType entityType) =>
        leads.Provider.CreateQuery<T>(new EntityQueryRootExpression((IAsyncQueryProvider)leads.Provider, entityType));

    // The table the query reads from: the same context's Leads, found in the expression rather than handed in.
    private static EntityQueryRootExpression Root(IQueryable<Lead> leads)
    {
        var expression = leads.Expression;
        while (expression is MethodCallExpression call)
        {
            expression = call.Arguments[0];
        }

        return expression as EntityQueryRootExpression
            ?? throw new InvalidOperationException("The lead search composes only on an EF query of leads.");
    }
}
