using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Offers;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace LeadsBlazor.Tests.Features.Offers;

/// <summary>"Versenden": the PDF is filed with the lead and mailed to the contact person, the offer is sent, the history says so.</summary>
public abstract class OfferSendingTests(DatabaseProvider provider) : IDisposable
{
    private PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    private async Task<(int LeadId, Offer Offer)> DraftAsync(string? email)
    {
        var lead = await _app.AddRunningLeadAsync((await _app.StagesAsync())[2].Id);
        await using (var db = _app.NewContext())
        {
            var stored = await db.Leads.Include(l => l.Company).Include(l => l.ContactPerson).SingleAsync(l => l.Id == lead.Id);
            var company = new Company("Müller GmbH", "K-0001", _app.Actor);
            var person = company.AddPerson(new PersonDetails(Salutation.Ms, "Jana", "Schmid", Email: email), _app.Actor);
            db.Companies.Add(company);
            stored.ChangeCustomer(company, person, _app.Actor);
            await db.SaveChangesAsync();
        }

        var commands = _app.Get<OfferCommands>();
        var id = await commands.CreateAsync(lead.Id, _app.OwnerId);
        await using var read = _app.NewContext();
        var offer = await read.Offers.AsNoTracking().SingleAsync(o => o.Id == id);
        await commands.UpdateAsync(id, offer.Version, offer.Details(), [OfferPosition.Item("Konzept", 1m, "pauschal", 2400m)], _app.OwnerId);
        return (lead.Id, await read.Offers.AsNoTracking().SingleAsync(o => o.Id == id));
    }

    [Fact]
    public async Task Sending_mails_the_pdf_to_the_contact_person_files_it_with_the_lead_and_marks_the_offer_sent()
    {
        var (leadId, offer) = await DraftAsync("jana.schmid@example.com");

        var mailedTo = await _app.Get<OfferSending>().SendAsync(offer.Id, offer.Version, _app.OwnerId);

        Assert.Equal("jana.schmid@example.com", mailedTo);
        var mail = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(_app.MailFolder, "*.eml")));
        Assert.Equal("jana.schmid@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Contains(offer.Number, mail.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Sehr geehrte Frau Schmid,", mail.TextBody, StringComparison.Ordinal);
        var pdf = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal(($"Angebot_{offer.Number}.pdf", "application/pdf"), (pdf.FileName, pdf.ContentType.MimeType));

        await using var db = _app.NewContext();
        var sent = await db.Offers.AsNoTracking().SingleAsync(o => o.Id == offer.Id);
        Assert.Equal((OfferStatus.Sent, "jana.schmid@example.com"), (sent.Status, sent.SentTo));
        var lead = await db.Leads.AsNoTracking().Include(l => l.Attachments).Include(l => l.History).SingleAsync(l => l.Id == leadId);
        Assert.Equal($"Angebot_{offer.Number}.pdf", Assert.Single(lead.Attachments).FileName);
        Assert.Contains(lead.History, e => e.Kind == LeadEventKind.OfferChanged && e.OldValue == "Draft" && e.NewValue == "Sent");
    }

    [Fact]
    public async Task Without_an_address_the_offer_is_sent_and_filed_but_no_mail_goes_out()
    {
        var (_, offer) = await DraftAsync(email: null);

        Assert.Null(await _app.Get<OfferSending>().SendAsync(offer.Id, offer.Version, _app.OwnerId));

        Assert.Empty(Directory.Exists(_app.MailFolder) ? Directory.GetFiles(_app.MailFolder, "*.eml") : []);
    }

    [Fact]
    public async Task A_sent_offer_is_not_sent_again()
    {
        var (_, offer) = await DraftAsync("jana.schmid@example.com");
        var sending = _app.Get<OfferSending>();
        await sending.SendAsync(offer.Id, offer.Version, _app.OwnerId);
        await using var db = _app.NewContext();
        var sent = await db.Offers.AsNoTracking().SingleAsync(o => o.Id == offer.Id);

        var error = await Assert.ThrowsAsync<DomainException>(() => sending.SendAsync(offer.Id, sent.Version, _app.OwnerId));

        Assert.Equal(ErrorKeys.OfferStatusMoveNotAllowed, error.MessageKey);
        Assert.Single(Directory.GetFiles(_app.MailFolder, "*.eml"));
    }

    [Fact]
    public async Task A_mail_that_cannot_go_out_leaves_a_draft_no_file_and_a_message_for_the_user()
    {
        // An SMTP server that refuses the connection: nothing listens on port 1.
        var refusing = new PipelineApp(new Dictionary<string, string?> { ["Mail:Mode"] = "Smtp", ["Mail:Smtp:Host"] = "127.0.0.1", ["Mail:Smtp:Port"] = "1" }, _app.Provider);
        _app.Dispose();
        _app = refusing;
        var (leadId, offer) = await DraftAsync("jana.schmid@example.com");

        var error = await Assert.ThrowsAsync<DomainException>(() => _app.Get<OfferSending>().SendAsync(offer.Id, offer.Version, _app.OwnerId));

        Assert.Equal((OfferSending.MailFailed, "jana.schmid@example.com"), (error.MessageKey, error.Arguments[0]));
        await using var db = _app.NewContext();
        Assert.Equal(OfferStatus.Draft, (await db.Offers.AsNoTracking().SingleAsync(o => o.Id == offer.Id)).Status);
        Assert.False(await db.LeadAttachments.AnyAsync(a => a.LeadId == leadId));
        var folder = _app.Get<LeadsBlazor.Web.Features.Attachments.AttachmentStore>().Folder;
        Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder) : []);
    }
}

public sealed class OfferSendingTestsOnSqlite() : OfferSendingTests(DatabaseProvider.Sqlite);

public sealed class OfferSendingTestsOnPostgres() : OfferSendingTests(DatabaseProvider.Postgres);
