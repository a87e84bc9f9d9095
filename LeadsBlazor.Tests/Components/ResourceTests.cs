using System.Globalization;
using System.Reflection;
using System.Resources;
using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Tests.Components;

/// <summary>Every message a domain error carries can be shown in German and in English.</summary>
public sealed class ResourceTests
{
    private static readonly ResourceManager Texts = new("LeadsBlazor.Web.Resources.SharedResource", typeof(LeadsBlazor.Web.SharedResource).Assembly);

    public static TheoryData<string> MessageKeys() =>
        [.. typeof(ErrorKeys).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    [Theory]
    [MemberData(nameof(MessageKeys))]
    public void Each_domain_error_has_a_German_and_a_different_English_text(string key)
    {
        var german = Texts.GetString(key, CultureInfo.GetCultureInfo("de-DE"));
        var english = Texts.GetString(key, CultureInfo.GetCultureInfo("en-US"));

        Assert.False(string.IsNullOrWhiteSpace(german), $"{key} has no German text");
        Assert.False(string.IsNullOrWhiteSpace(english), $"{key} has no English text");
        Assert.NotEqual(german, english);
    }

    [Fact]
    public void The_English_texts_cover_every_German_one()
    {
        var german = Texts.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();
        var english = Texts.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();

        Assert.Empty(german.Except(english));
    }
}
