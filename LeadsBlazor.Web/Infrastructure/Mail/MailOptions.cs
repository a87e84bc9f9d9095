namespace LeadsBlazor.Web.Infrastructure.Mail;

/// <summary>The <c>Mail</c> section: where mail goes (a pickup folder of .eml files, or an SMTP server) and who sends it.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailMode Mode { get; set; } = MailMode.Pickup;

    public string From { get; set; } = "leads@localhost";

    public string PickupDirectory { get; set; } = "App_Data/mail";

    public SmtpOptions Smtp { get; set; } = new();
}

public enum MailMode
{
    Pickup,
    Smtp,
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    public string? User { get; set; }

    public string? Password { get; set; }

    public bool UseTls { get; set; }
}
