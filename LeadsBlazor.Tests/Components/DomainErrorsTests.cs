using LeadsBlazor.Domain.Common;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Tests.Components;

public sealed class DomainErrorsTests
{
    [Theory]
    [InlineData("de-DE", "Höchstens 200 Zeichen.")]
    [InlineData("en-US", "At most 200 characters.")]
    public async Task A_broken_rule_reads_in_the_users_language(string culture, string expected)
    {
        await using var context = ComponentContext.Create(culture);
        var text = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        var message = new DomainException("Name", ErrorKeys.TooLong, 200).Describe(text);

        Assert.Equal(expected, message);
    }

    [Theory]
    [InlineData("de-DE", "Der Betrag darf höchstens 1.000.000.000.000 sein.")]
    [InlineData("en-US", "The amount must be at most 1,000,000,000,000.")]
    public async Task Values_in_a_message_follow_the_users_culture(string culture, string expected)
    {
        await using var context = ComponentContext.Create(culture);
        var text = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        var message = new DomainException("Revenue", ErrorKeys.AmountTooLarge, Money.MaxRevenue).Describe(text);

        Assert.Equal(expected, message);
    }
}
