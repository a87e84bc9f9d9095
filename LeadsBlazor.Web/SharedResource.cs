namespace LeadsBlazor.Web;

/// <summary>The marker type of the app's texts: <c>Resources/SharedResource.resx</c> (German) and <c>SharedResource.en.resx</c> (English).</summary>
public sealed class SharedResource;
