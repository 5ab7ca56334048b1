using SkiaSharp;

namespace AssetLoan.Web.Infrastructure.Labels;

/// <summary>
/// Sarabun as TrueType (the build copies it to <c>Fonts/</c> beside the app): HarfBuzz shapes Thai with it and the PDF
/// embeds the subset it uses, so a label prints the same on any computer.
/// </summary>
public static class LabelFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("Sarabun_400Regular.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("Sarabun_700Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fonts");

    private static SKTypeface Load(string file)
    {
        var path = Path.Combine(Directory, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The label font {file} is missing; the build copies it from npm (@expo-google-fonts/sarabun) to Fonts/.", path);
        }

        return SKTypeface.FromFile(path)
            ?? throw new InvalidOperationException($"{path} is not a font SkiaSharp can read.");
    }
}
