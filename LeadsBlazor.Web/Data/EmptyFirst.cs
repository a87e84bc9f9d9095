using System.Linq.Expressions;

namespace LeadsBlazor.Web.Data;

/// <summary>
/// A grid's sort on a column that may be empty, the same on both databases: SQLite counts an empty value as the smallest
/// (first when ascending, last when descending), PostgreSQL as the largest. Sorting by "has a value" before the value gives
/// SQLite's order on both, so a list reads the same whichever database the account runs on.
/// </summary>
public static class EmptyFirst
{
    /// <summary>Orders by <paramref name="key"/>, an empty value counting as the smallest.</summary>
    public static IOrderedQueryable<T> OrderByEmptyFirst<T, TKey>(this IQueryable<T> source, Expression<Func<T, TKey>> key, bool descending)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hasValue = Expression.Lambda<Func<T, bool>>(Expression.NotEqual(key.Body, Expression.Constant(null, key.Body.Type)), key.Parameters);
        return descending
            ? source.OrderByDescending(hasValue).ThenByDescending(key)
            : source.OrderBy(hasValue).ThenBy(key);
    }
}
