using PdfSharp.Fonts;

namespace LeadsBlazor.Web.Features.Offers.Pdf;

/// <summary>
/// DejaVu Sans, shipped inside the app and embedded in every PDF, so a letter looks the same on every machine and
/// needs no system fonts (PDFsharp finds none off Windows). Every family name resolves to it.
/// </summary>
internal sealed class OfferFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly OfferFonts Instance = new();
    private static readonly Lock Gate = new();
    private static bool _registered;

    private readonly Dictionary<string, byte[]> _faces = new(StringComparer.Ordinal)
    {
        [Regular] = Load(Regular),
        [Bold] = Load(Bold),
    };

    private OfferFonts()
    {
    }

    /// <summary>
    /// Sets the resolver once per process. PDFsharp's setting is global and may not change after the first font was
    /// used, so parallel renders (tests, two users at once) must not race to set it.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (Volatile.Read(ref _registered))
        {
            return;
        }

        lock (Gate)
        {
            if (!_registered)
            {
                GlobalFontSettings.FontResolver = Instance;
                Volatile.Write(ref _registered, true);
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);

    private static byte[] Load(string face)
    {
        using var stream = typeof(OfferFonts).Assembly.GetManifestResourceStream($"{typeof(OfferFonts).Namespace}.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The font {face}.ttf is not embedded.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
