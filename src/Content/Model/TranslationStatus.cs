using Portal.Content.Cultures;

namespace Portal.Content.Model;

/// <summary>A translation made from an older revision of its source page.</summary>
public sealed record OutdatedTranslation(string Culture, string Key, string Title, int TranslatedFrom, int SourceVersion);

public static class TranslationStatus
{
    /// <summary>Every translated page whose Dutch source has moved on since it was translated, plus pages not translated at all.</summary>
    public static IReadOnlyList<OutdatedTranslation> Behind(SiteContent content, CultureSet cultures)
    {
        var source = content.For(cultures.Default);
        return [.. cultures.All.Where(c => !c.IsDefault)
            .SelectMany(culture => source.Pages.Select(original => (culture, original, translated: content.For(culture).Find(original.Key))))
            .Where(x => x.translated is null || x.translated.SourceVersion < x.original.Version)
            .Select(x => new OutdatedTranslation(x.culture.Code, x.original.Key, x.original.Title, x.translated?.SourceVersion ?? 0, x.original.Version))
            .Concat(cultures.All.Where(c => !c.IsDefault && source.Card is not null)
                .Where(c => content.For(c).Card is not { } card || card.SourceVersion < source.Card!.Version)
                .Select(c => new OutdatedTranslation(c.Code, "meterkastkaart", source.Card!.Title, content.For(c).Card?.SourceVersion ?? 0, source.Card!.Version)))];
    }
}
