namespace LeadsBlazor.Tests.Support;

public static class MailFolder
{
    /// <summary>
    /// The mails in the pickup folder once there are <paramref name="count"/> of them: some (password resets)
    /// are written after the page answered. Fails after 10 s.
    /// </summary>
    public static async Task<string[]> WaitForMailsAsync(string folder, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [];
            if (files.Length >= count)
            {
                return files;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
