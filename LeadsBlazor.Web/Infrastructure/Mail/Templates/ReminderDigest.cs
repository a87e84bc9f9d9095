using System.Globalization;
using System.Text;
using LeadsBlazor.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Infrastructure.Mail.Templates;

/// <summary>One user's daily reminder: their leads that became due, each with a link into the app.</summary>
public sealed record ReminderDigest(string RecipientName, DateOnly Today, IReadOnlyList<DigestLead> Leads, Uri AppUrl) : IMailModel
{
    public string Subject(IStringLocalizer text) =>
        Leads.Count == 1
            ? text["Mail.Digest.SubjectOne", Leads[0].Name]
            : text["Mail.Digest.SubjectMany", Leads.Count];

    /// <summary>Rule 5: the user's running leads that have not changed for longer than their stage allows, in a section of their own.</summary>
    public IReadOnlyList<DigestIdleLead> IdleLeads { get; init; } = [];

    public string PlainText(IStringLocalizer text) =>
        MailText.Compose(text, AppUrl, [
            text["Mail.Greeting", RecipientName], text["Mail.Digest.Intro"], .. Leads.Select(l => l.PlainText(Today, text)),
            .. IdleLeads.Count == 0 ? Array.Empty<string>() : [text["Mail.Digest.IdleTitle"], .. IdleLeads.Select(l => l.PlainText(text))]],
            text["Mail.Digest.Footer"]);
}

/// <summary>An idle lead in the digest: its name, its stage (in German and, if set, English), for how many days nothing changed.</summary>
public sealed record DigestIdleLead(int Id, string Name, string Stage, string? EnglishStage, int Days, Uri Url)
{
    /// <summary>The stage's name in the mail's language.</summary>
    public string StageName => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && EnglishStage is not null ? EnglishStage : Stage;

    public string PlainText(IStringLocalizer text) =>
        $"* {Name} ({StageName})\n  {text["Mail.Digest.IdleFor", Days.ToString(CultureInfo.CurrentCulture)]}\n  {Url.AbsoluteUri}";
}

public sealed record DigestLead(int Id, string Name, string? Customer, DateOnly NextActionOn, string? NextAction, Uri Url)
{
    /// <summary>"überfällig seit 3 Tagen" for a date before today; null for today.</summary>
    public string? Overdue(DateOnly today, IStringLocalizer text) =>
        (today.DayNumber - NextActionOn.DayNumber) switch
        {
            <= 0 => null,
            1 => text["Mail.Digest.OverdueOne"].Value,
            var days => text["Mail.Digest.OverdueMany", days.ToString(CultureInfo.CurrentCulture)].Value,
        };

    /// <summary>The lead's paragraph in the plain-text part: name and customer, the next action, the link.</summary>
    public string PlainText(DateOnly today, IStringLocalizer text)
    {
        var body = new StringBuilder("* ").Append(Name);
        if (Customer is { Length: > 0 })
        {
            body.Append(" (").Append(Customer).Append(')');
        }

        body.Append("\n  ").Append(text["Mail.Digest.NextAction"]).Append(": ").Append(Formats.Date(NextActionOn));
        if (Overdue(today, text) is { } overdue)
        {
            body.Append(" (").Append(overdue).Append(')');
        }

        if (NextAction is { Length: > 0 })
        {
            body.Append(" – ").Append(NextAction);
        }

        return body.Append("\n  ").Append(Url.AbsoluteUri).ToString();
    }
}
