using System.Linq.Expressions;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>
/// Rule 1 and 5 as query filters the database runs: <see cref="LeadStatusExtensions.IsOpen"/> and
/// <see cref="Lead.IsDue"/> cannot be translated to SQL, so their one SQL form lives here.
/// </summary>
public static class LeadQueries
{
    public static IQueryable<Lead> Open(this IQueryable<Lead> leads) =>
        leads.Where(l => l.Status == LeadStatus.Potential || l.Status == LeadStatus.Running);

    /// <summary>Open leads whose next action is <paramref name="today"/> or earlier (in the account's time zone).</summary>
    public static IQueryable<Lead> Due(this IQueryable<Lead> leads, DateOnly today) =>
        leads.Open().Where(l => l.NextActionOn <= today);

    /// <summary>
    /// Running leads that are idle on <paramref name="today"/> (Rule 5, <see cref="Lead.IsIdle"/>): per stage with idle days, those
    /// whose last change is before the start of that stage's <see cref="Stage.IdleSince"/> day in the account's time zone.
    /// </summary>
    public static IQueryable<Lead> Idle(this IQueryable<Lead> leads, IEnumerable<Stage> stages, AccountSettings account, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(account);
        var lead = Expression.Parameter(typeof(Lead), "l");
        Expression? any = null;
        foreach (var stage in stages)
        {
            if (stage.IdleSince(today) is not { } since)
            {
                continue;
            }

            var stageId = stage.Id;
            var cutoff = account.StartOf(since);
            Expression<Func<Lead, bool>> idleInStage = l => l.StageId == stageId && l.LastChangedAt < cutoff;
            var body = new ParameterReplacer(idleInStage.Parameters[0], lead).Visit(idleInStage.Body);
            any = any is null ? body : Expression.OrElse(any, body);
        }

        return any is null
            ? leads.Where(_ => false)
            : leads.Where(l => l.Status == LeadStatus.Running).Where(Expression.Lambda<Func<Lead, bool>>(any, lead));
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
