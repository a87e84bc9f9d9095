using System.Net;
using System.Text;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Attachments;
using LeadsBlazor.Web.Features.Projects;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Features.Projects;

/// <summary>Rule 8 for a project's files: downloaded only by signed-in users, always as an attachment, under the safe name.</summary>
public abstract class ProjectAttachmentDownloadTests(DatabaseProvider provider) : IDisposable
{
    private readonly LeadsAppFactory _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    private async Task<int> ProjectFileAsync(string name, string content)
    {
        var owner = await _app.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var (leadId, _, _) = await _app.Services.CreateWonLeadWithTwoOffersAsync(owner);
        var projectId = await _app.Services.CreateProjectFromLeadAsync(leadId, owner, "Relaunch");
        var stored = await _app.Services.GetRequiredService<AttachmentStore>().SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), name);
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ProjectCommands>().AttachAsync(projectId, stored, owner);
    }

    [Fact]
    public async Task A_signed_out_request_is_sent_to_sign_in_and_gets_no_bytes()
    {
        var id = await ProjectFileAsync("vertrag.txt", "vertraulich");

        var response = await _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync($"/projects/attachments/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.RedirectPath(), StringComparison.Ordinal);
        Assert.DoesNotContain("vertraulich", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_user_downloads_the_file_as_an_attachment_under_its_safe_name()
    {
        var id = await ProjectFileAsync("../Protokoll Kick-off.txt", "Kick-off am Montag");
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        var response = await client.GetAsync($"/projects/attachments/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Protokoll Kick-off.txt", disposition.FileNameStar);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("Kick-off am Montag", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/projects/attachments/{id + 1}")).StatusCode);
    }
}

public sealed class ProjectAttachmentDownloadTestsOnSqlite() : ProjectAttachmentDownloadTests(DatabaseProvider.Sqlite);

public sealed class ProjectAttachmentDownloadTestsOnPostgres() : ProjectAttachmentDownloadTests(DatabaseProvider.Postgres);
