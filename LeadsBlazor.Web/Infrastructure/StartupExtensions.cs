using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LeadsBlazor.Web.Infrastructure;

public static class StartupExtensions
{
    /// <summary>Migrates and fills the database before the app takes its first request.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        // On SQLite the file is this instance's from here on; a second instance stops here, before it touches the database.
        app.Services.GetService<SqliteFileGuard>();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    /// <summary>Tells whoever started the app where it answers and, with demo data, how to sign in.</summary>
    public static void PrintStartBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var demo = app.Configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment()) && !app.Environment.IsProduction();
            Console.WriteLine();
            Console.WriteLine($"LeadsBlazor is running on {string.Join(", ", addresses)}");
            if (demo)
            {
                Console.WriteLine($"Demo sign-in: {DemoData.OwnerEmail} (account owner) or {DemoData.MemberEmail} (member), password {DemoData.Password}");
            }

            Console.WriteLine();
        });
    }
}
