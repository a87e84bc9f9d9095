using System.Text.RegularExpressions;
using MimeKit;

namespace LeadsBlazor.Tests.Support;

public static class MailFolder
{
    /// <summary>
    /// The mails in the pickup folder once there are <paramref name="count"/> of them: some (password resets)
    /// are written after the page answered. Fails after <paramref name="timeout"/> (10 s unless given).
    /// </summary>
    public static async Task<string[]> WaitForMailsAsync(string folder, int count, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [];
            if (files.Length >= count)
            {
                return files;
            }

            await Task.Delay(20, cancellation.Token);
        }
    }

    /// <summary>
    /// The leads a reminder digest lists as due, by the links in its text part: those above the idle leads' section
    /// (Rule 5), which follows the due ones under its own heading.
    /// </summary>
    public static IReadOnlyList<int> DueLeadIds(MimeMessage digest, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var due = (digest.TextBody ?? "").Split(["Seit Längerem unverändert", "Unchanged for a while"], StringSplitOptions.None)[0];
        return [.. Regex.Matches(due, Regex.Escape(baseUrl.TrimEnd('/')) + @"/leads/(\d+)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }
}
