using LeadsBlazor.Web.Data;
using System.Net;
using System.Text;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Attachments;
using LeadsBlazor.Web.Features.Leads;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Features.Attachments;

/// <summary>Rule 8: files are stored outside wwwroot under generated names, limited in size and type, and downloaded only by signed-in users, as attachments.</summary>
public abstract class AttachmentTests(DatabaseProvider provider) : IDisposable
{
    private readonly LeadsAppFactory _app = new(settings: new Dictionary<string, string?> { ["Attachments:MaxBytes"] = "4096" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private AttachmentStore Store => _app.Services.GetRequiredService<AttachmentStore>();

    private async Task<(int LeadId, string OwnerId)> LeadAsync()
    {
        var owner = await _app.UserIdAsync(LeadsAppFactory.OwnerEmail);
        return (await _app.CreateLeadAsync("Mit Anhängen", 1_000m, owner, null), owner);
    }

    private async Task<int> AttachAsync(int leadId, string ownerId, string name, byte[] content)
    {
        var stored = await Store.SaveAsync(new MemoryStream(content), name);
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LeadCommands>().AttachAsync(leadId, stored, ownerId);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_and_nothing_is_kept()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Store.SaveAsync(new MemoryStream(new byte[5000]), "gross.txt"));

        Assert.Equal(AttachmentStore.TooLarge, error.MessageKey);
        Assert.Empty(Directory.Exists(Store.Folder) ? Directory.GetFiles(Store.Folder) : []);
    }

    [Fact]
    public async Task A_file_named_with_a_path_is_stored_under_a_generated_name_and_downloads_under_a_safe_one()
    {
        var (leadId, owner) = await LeadAsync();
        var id = await AttachAsync(leadId, owner, "../../etc/passwd", Encoding.UTF8.GetBytes("root:x:0:0"));
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        var response = await client.GetAsync($"/attachments/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("passwd", disposition.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("root:x:0:0", await response.Content.ReadAsStringAsync());
        var stored = Assert.Single(Directory.GetFiles(Store.Folder));
        Assert.Matches("^[0-9a-f]{32}$", Path.GetFileName(stored));
        Assert.DoesNotContain("wwwroot", Store.Folder, StringComparison.Ordinal);
        Assert.Contains((await _app.LeadAsync(leadId)).History, e => e is { Kind: LeadEventKind.AttachmentAdded, NewValue: "passwd" });
    }

    [Fact]
    public async Task An_anonymous_request_for_an_attachment_gets_no_bytes()
    {
        var (leadId, owner) = await LeadAsync();
        var id = await AttachAsync(leadId, owner, "angebot.txt", Encoding.UTF8.GetBytes("vertraulich"));

        var response = await _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync($"/attachments/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.RedirectPath(), StringComparison.Ordinal);
        Assert.DoesNotContain("vertraulich", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_an_attachment_deletes_its_bytes_and_records_it()
    {
        var (leadId, owner) = await LeadAsync();
        var id = await AttachAsync(leadId, owner, "notiz.txt", Encoding.UTF8.GetBytes("x"));
        using var scope = _app.Services.CreateScope();

        var storedName = await scope.ServiceProvider.GetRequiredService<LeadCommands>().RemoveAttachmentAsync(leadId, (await _app.LeadAsync(leadId)).Version, id, owner);
        Store.Delete(storedName);

        Assert.Empty(Directory.GetFiles(Store.Folder));
        Assert.Contains((await _app.LeadAsync(leadId)).History, e => e is { Kind: LeadEventKind.AttachmentRemoved, OldValue: "notiz.txt" });
    }
}

public sealed class AttachmentTestsOnSqlite() : AttachmentTests(DatabaseProvider.Sqlite);

public sealed class AttachmentTestsOnPostgres() : AttachmentTests(DatabaseProvider.Postgres);
