namespace LeadsBlazor.Web.Components.Shared;

/// <summary>The value axis of a chart: about five grid lines at a round step a reader takes in at a glance.</summary>
public static class ChartAxis
{
    /// <summary>1, 2 or 5 × 10ⁿ, so that about five steps reach <paramref name="highest"/>; at least <paramref name="smallest"/> (a lead is never split).</summary>
    public static int Step(double highest, int smallest = 1)
    {
        var rough = Math.Max(highest / 5, smallest);
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        return (int)Math.Min(int.MaxValue, new[] { 1, 2, 5, 10 }.Select(f => f * power).First(s => s >= rough));
    }

    /// <summary>The top of the axis: the first whole step at or above <paramref name="highest"/>.</summary>
    public static double Top(double highest, int step) => Math.Max(1, Math.Ceiling(highest / step)) * step;
}
