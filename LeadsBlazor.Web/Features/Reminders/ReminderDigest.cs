using System.Globalization;
using System.Text;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Infrastructure.Mail;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Reminders;

/// <summary>One user's daily reminder: their leads that became due, each with a link into the app.</summary>
public sealed record ReminderDigest(string RecipientName, DateOnly Today, IReadOnlyList<DigestLead> Leads, Uri AppUrl) : IMailModel
{
    public string Subject(IStringLocalizer text) => ReminderDigestTexts.Subject(this, text);

    public string PlainText(IStringLocalizer text) => ReminderDigestTexts.PlainText(this, text);
}

public sealed record DigestLead(int Id, string Name, string? Customer, DateOnly NextActionOn, string? NextAction, Uri Url);

internal static class ReminderDigestTexts
{
    public static string Subject(ReminderDigest digest, IStringLocalizer text) =>
        digest.Leads.Count == 1
            ? text["Mail.Digest.SubjectOne", digest.Leads[0].Name]
            : text["Mail.Digest.SubjectMany", digest.Leads.Count];

    /// <summary>The plain-text part, for mail programs that show no HTML and for filters and screen readers.</summary>
    public static string PlainText(ReminderDigest digest, IStringLocalizer text)
    {
        var body = new StringBuilder()
            .AppendLine(text["Mail.Digest.Greeting", digest.RecipientName])
            .AppendLine()
            .AppendLine(text["Mail.Digest.Intro"])
            .AppendLine();
        foreach (var lead in digest.Leads)
        {
            body.Append("* ").Append(lead.Name);
            if (lead.Customer is { Length: > 0 })
            {
                body.Append(" (").Append(lead.Customer).Append(')');
            }

            body.AppendLine()
                .Append("  ").Append(text["Mail.Digest.NextAction"]).Append(": ").Append(Formats.Date(lead.NextActionOn));
            if (lead.Overdue(digest.Today, text) is { } overdue)
            {
                body.Append(" (").Append(overdue).Append(')');
            }

            if (lead.NextAction is { Length: > 0 })
            {
                body.Append(" – ").Append(lead.NextAction);
            }

            body.AppendLine()
                .Append("  ").AppendLine(lead.Url.AbsoluteUri)
                .AppendLine();
        }

        return body.AppendLine("-- ")
            .AppendLine(text["Mail.Digest.Footer"])
            .AppendLine(digest.AppUrl.AbsoluteUri)
            .ToString();
    }

    /// <summary>"überfällig seit 3 Tagen" for a date before today; null for today.</summary>
    public static string? Overdue(this DigestLead lead, DateOnly today, IStringLocalizer text) =>
        (today.DayNumber - lead.NextActionOn.DayNumber) switch
        {
            <= 0 => null,
            1 => text["Mail.Digest.OverdueOne"].Value,
            var days => text["Mail.Digest.OverdueMany", days.ToString(CultureInfo.CurrentCulture)].Value,
        };
}
