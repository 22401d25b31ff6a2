namespace Portal.Content.Cultures;

/// <summary>The configured languages, default first.</summary>
public sealed class CultureSet
{
    private readonly Dictionary<string, PortalCulture> _byCode;

    public CultureSet(IEnumerable<string> codes)
    {
        var distinct = codes.Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        if (distinct.Count == 0)
        {
            distinct.Add("nl");
        }

        All = [.. distinct.Select((code, i) => new PortalCulture(code, i == 0))];
        _byCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<PortalCulture> All { get; }

    public PortalCulture Default => All[0];

    public PortalCulture? Find(string? code) => code is null ? null : _byCode.GetValueOrDefault(code);

    public bool IsPrefix(string? code) => Find(code) is { IsDefault: false };
}
