using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Application.ContentPipeline;
using Portal.Application.Editors;
using Portal.Content.Umbraco;
using Portal.Places.Catalog;

namespace Portal.Tests.Umbraco;

/// <summary>
/// Communication officers read why an item is refused in plain Dutch: which field, what is wrong, what to do. Every bad
/// input the fault matrix tries (every JSON type in every field of every Umbraco item) and the rule breaks an officer
/// can make in Umbraco or content/ come with Dutch wording; none falls back to the validator's English.
/// </summary>
public sealed class OfficerWordingTests : IDisposable
{
    private const string AlertId = "5a1e0c43-7c2d-4b8e-9f00-000000000005";
    private readonly TestContent _content = new();

    /// <summary>Every JSON type in every field: <see cref="FaultMatrixTests.Any_JSON_type_in_any_field_gives_problems_never_an_exception"/> checks the Dutch too (one pass over the matrix).</summary>
    [Fact]
    public void Every_rule_an_officer_can_break_in_Umbraco_is_refused_in_Dutch()
    {
        var pipeline = new ContentPipeline(TestContent.RepositoryContent, TestPortal.Cultures);
        var mapper = new UmbracoContentMapper(NullLogger<UmbracoContentMapper>.Instance);
        var refusals = new List<(string Case, DataProblem Problem)>();
        foreach (var (name, field, value) in RuleBreaks)
        {
            var load = pipeline.Build(mapper.Map(FaultMatrixTests.Read(name, item => item["properties"]![field] = value?.DeepClone()), TestPortal.Cultures));
            Assert.True(load.Problems.Any(p => p.Item is not null), $"{name}.{field} = {value}: not refused");
            refusals.AddRange(load.Problems.Where(p => p.Item is not null).Select(p => ($"{name}.{field} = {value}", p)));
        }

        Assert.True(refusals.Select(r => r.Problem.Message).Distinct().Count() > 25, $"only {refusals.Count} refusals tried");
        AssertDutch(refusals);
    }

    [Fact]
    public void Every_refusal_of_a_content_folder_page_card_alert_and_status_is_worded_in_Dutch()
    {
        _content.Replace("nl/pages/noodplan.md", "step: noodplan", "step: halverwege");
        _content.Replace("nl/pages/drinkwater.md", "title: \"Drinkwater bij een storing\"\n", "");
        _content.Replace("nl/pages/privacy.md", "---", "");
        _content.Replace("nl/pages/noodpakket.md", "version: 1", "version: [een");
        _content.Replace("nl/card.yml", "  - \"Zet apparaten uit. Laat één lamp aan.\"\n", "");
        _content.Replace("en/card.yml", "source-version: 1", "source-version: 7");
        _content.Replace("site.yml", "alerts: []", """
            alerts:
              - id: "storing"
                severity: "rampzalig"
                active-from: "morgen"
                link: "javascript:alert(1)"
                text:
                  nl: "Storing"
            """);
        _content.Replace("status.yml", "points: {}", """
            points:
              brandweerkazerne-nijmegen-centrum:
                status: "half-open"
                services-now: ["future-service", "food"]
                backup: "brandweerkazerne-nijmegen-centrum"
                changed: "vanochtend"
                message:
                  nl: "Eerste regel\ntweede regel"
                  xx: "Onbekende taal"
              gemeentehuis-nijmegen:
                status: "open"
                backup: "nergens"
                message:
                  en: "Only English"
              nergens: { status: "open" }
            """);

        var load = new ContentPipeline(_content.Root, TestPortal.Cultures).LoadContentFolder();

        var refusals = load.Refused.SelectMany(r => r.Problems.Select(p => (r.Place, p))).ToList();
        Assert.True(refusals.Count >= 10, string.Join("\n", load.Problems));
        AssertDutch(refusals);
    }

    [Fact]
    public void An_officer_reads_which_field_is_wrong_and_what_to_do()
    {
        var pipeline = new ContentPipeline(TestContent.RepositoryContent, TestPortal.Cultures);
        var mapper = new UmbracoContentMapper(NullLogger<UmbracoContentMapper>.Instance);
        string Reason(string name, string field, JsonNode? value, string? field2 = null, JsonNode? value2 = null)
        {
            var load = pipeline.Build(mapper.Map(FaultMatrixTests.Read(name, item =>
            {
                item["properties"]![field] = value?.DeepClone();
                if (field2 is not null)
                {
                    item["properties"]![field2] = value2?.DeepClone();
                }
            }), TestPortal.Cultures));
            var reason = EditorReason.Of(load.Problems.First(p => p.Item is not null && p.Field == (field2 ?? field)));
            return $"{reason.Field}: {reason.Dutch}";
        }

        Assert.Equal("linkUrl: De link 'javascript:alert(1)' is geen pagina van deze site en geen webadres dat begint met https://. Pas de link aan.",
            Reason("alert", "linkUrl", "javascript:alert(1)"));
        Assert.Equal("activeUntil: Het einde van de melding ligt niet na het begin, dus bewoners zouden de melding nooit zien. Kies een einde na het begin, of laat het einde leeg.",
            Reason("alert", "activeFrom", "2026-02-01T00:00:00Z", "activeUntil", "2026-01-01T00:00:00Z"));
        Assert.Equal($"servicesNow: 'future-service' is geen voorziening die de site kent. Kies een van: {KnownServices()}.",
            Reason("support-point", "servicesNow", new JsonArray("future-service")));
        Assert.Equal("title: De titel is leeg. Vul die in.", Reason("noodplan", "title", ""));
        Assert.Equal("isExample: De schakelaar 'voorbeeld' staat niet op aan of uit. Zet hem opnieuw aan of uit en publiceer opnieuw.", Reason("support-point", "isExample", "true"));
    }

    private static string KnownServices() =>
        string.Join(", ", KebabTokens<Portal.Places.SupportPointService>.ByToken.Keys);

    /// <summary>What an officer can get wrong in Umbraco beyond a value's JSON type: each must be refused, in Dutch.</summary>
    private static readonly (string Item, string Field, JsonNode? Value)[] RuleBreaks =
    [
        ("alert", "linkUrl", "javascript:alert(1)"), ("alert", "severity", "rampzalig"), ("alert", "activeUntil", "2025-01-01T00:00:00Z"),
        ("alert", "activeFrom", "gisteren"), ("support-point", "kind", "tent"), ("support-point", "servicesNow", new JsonArray("future-service")),
        ("support-point", "servicesNow", new JsonArray("food")), ("support-point", "services", new JsonArray("future-service")),
        ("support-point", "accessibility", new JsonArray("lift?")), ("support-point", "status", "half-open"), ("support-point", "backup", "brandweer-groenewoud"),
        ("support-point", "backup", "nergens"), ("support-point", "statusMessage", new string('x', 300)), ("support-point", "statusMessage", "a\u202Eb"),
        ("support-point", "statusMessage", "een\ntwee"), ("support-point", "postcode", "1234"), ("support-point", "latitude", 52.37),
        ("support-point", "serves", new JsonArray("BU99999999")), ("support-point", "slug", "Brandweer Groenewoud"),
        ("support-point", "statusChangedAt", "vanochtend"), ("support-point", "statusCheckedAt", "net"), ("noodplan", "campaignStep", "halverwege"),
        ("noodplan", "sourceVersion", 9), ("noodplan", "version", 1.5), ("noodpakket", "items", new JsonArray()), ("card-texts", "actions", "Eén actie"),
        ("card-texts", "tieIn", ""), ("site-settings", "broadcaster", ""),
    ];

    internal static void AssertDutch(IEnumerable<(string Case, DataProblem Problem)> refusals)
    {
        var english = refusals.Where(r => r.Problem.Dutch is not { Length: > 0 } dutch || dutch == r.Problem.Message
            || Words.English.Any(word => $" {dutch} ".Contains(word, StringComparison.OrdinalIgnoreCase)))
            .Select(r => $"{r.Case}: {r.Problem} → {r.Problem.Dutch ?? "(no Dutch)"}").Distinct().ToList();
        Assert.True(english.Count == 0, "shown to officers in English:\n" + string.Join("\n", english));
    }

    private static class Words
    {
        /// <summary>Words of the English messages that no Dutch sentence uses.</summary>
        public static readonly string[] English = [" is required", " is not ", " the ", " must ", " should ", " found ", " expected "];
    }

    public void Dispose() => _content.Dispose();
}
