using YamlDotNet.Serialization;

namespace Portal.Content.Markdown;

/// <summary>The YAML block at the top of a page file. Unknown keys are errors: a misspelt key should not pass silently.</summary>
internal sealed class PageFrontMatter
{
    [YamlMember(Alias = "title")] public string? Title { get; set; }

    [YamlMember(Alias = "summary")] public string? Summary { get; set; }

    [YamlMember(Alias = "type")] public string? Type { get; set; }

    [YamlMember(Alias = "step")] public string? Step { get; set; }

    [YamlMember(Alias = "order")] public int Order { get; set; }

    /// <summary>Dutch pages: the revision of this text. Raise it when the meaning changes.</summary>
    [YamlMember(Alias = "version")] public int? Version { get; set; }

    /// <summary>Translations: the Dutch revision this translation was made from.</summary>
    [YamlMember(Alias = "source-version")] public int? SourceVersion { get; set; }

    [YamlMember(Alias = "updated")] public DateTimeOffset? Updated { get; set; }

    [YamlMember(Alias = "checklist")] public List<ChecklistFrontMatter>? Checklist { get; set; }
}

internal sealed class ChecklistFrontMatter
{
    [YamlMember(Alias = "text")] public string? Text { get; set; }

    [YamlMember(Alias = "per-person-per-day")] public double? PerPersonPerDay { get; set; }

    [YamlMember(Alias = "unit")] public string? Unit { get; set; }
}

internal sealed class CardTextFile
{
    [YamlMember(Alias = "title")] public string? Title { get; set; }

    [YamlMember(Alias = "tie-in")] public string? TieIn { get; set; }

    [YamlMember(Alias = "actions")] public List<string>? Actions { get; set; }

    [YamlMember(Alias = "version")] public int? Version { get; set; }

    [YamlMember(Alias = "source-version")] public int? SourceVersion { get; set; }
}

internal sealed class SiteSettingsFile
{
    [YamlMember(Alias = "municipality")] public string? Municipality { get; set; }

    [YamlMember(Alias = "emergency-number")] public string? EmergencyNumber { get; set; }

    [YamlMember(Alias = "police-number")] public string? PoliceNumber { get; set; }

    [YamlMember(Alias = "municipality-number")] public string? MunicipalityNumber { get; set; }

    [YamlMember(Alias = "broadcaster")] public string? Broadcaster { get; set; }

    [YamlMember(Alias = "broadcaster-frequencies")] public string? BroadcasterFrequencies { get; set; }

    [YamlMember(Alias = "alerts")] public List<AlertFile>? Alerts { get; set; }
}

internal sealed class AlertFile
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }

    [YamlMember(Alias = "severity")] public string? Severity { get; set; }

    [YamlMember(Alias = "active-from")] public DateTimeOffset? ActiveFrom { get; set; }

    [YamlMember(Alias = "active-until")] public DateTimeOffset? ActiveUntil { get; set; }

    [YamlMember(Alias = "link")] public string? Link { get; set; }

    /// <summary>Per language: text and link text. A language without one shows the Dutch text.</summary>
    [YamlMember(Alias = "text")] public Dictionary<string, string>? Text { get; set; }

    [YamlMember(Alias = "link-text")] public Dictionary<string, string>? LinkText { get; set; }
}
