using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Content.Umbraco.Seeding;

/// <summary>
/// Creates or updates documents through the Management API (14+) and publishes them in every language they have:
/// GET document/{key} decides between POST document (create, with the stable key) and PUT document/{key} (update), then
/// PUT document/{key}/publish. Parents come before their children, so a run can stop anywhere and be run again.
/// </summary>
/// <param name="documentTypes">Document type ids by alias, from the definitions `umbraco provision` applied.</param>
/// <param name="umbracoCulture">Portal language code to the instance's culture ("nl" to "nl-NL").</param>
public sealed class ContentSeeder(ManagementApiClient api, IReadOnlyDictionary<string, Guid> documentTypes, Func<string, string> umbracoCulture, TextWriter output)
{
    public async Task<(int Created, int Updated)> SeedAsync(IReadOnlyList<UmbracoDocument> documents, CancellationToken cancellationToken)
    {
        var (created, updated) = (0, 0);
        foreach (var document in documents)
        {
            if (!documentTypes.TryGetValue(document.DocumentType, out var type))
            {
                throw new ProvisioningException($"document type '{document.DocumentType}' is unknown: run `portal umbraco provision` first");
            }

            var label = $"{document.DocumentType} '{document.Names.Values.First()}'";
            using var existing = await api.SendAsync(HttpMethod.Get, $"document/{document.Key}", null, cancellationToken);
            var exists = existing.StatusCode == HttpStatusCode.OK;
            if (!exists && existing.StatusCode != HttpStatusCode.NotFound)
            {
                throw await ManagementApiClient.FailureAsync(label, existing, cancellationToken);
            }

            var body = Body(document, exists ? null : type);
            using (var saved = exists
                       ? await api.SendAsync(HttpMethod.Put, $"document/{document.Key}", body.ToJsonString(), cancellationToken)
                       : await api.SendAsync(HttpMethod.Post, "document", body.ToJsonString(), cancellationToken))
            {
                if (!saved.IsSuccessStatusCode)
                {
                    throw await ManagementApiClient.FailureAsync(label, saved, cancellationToken);
                }
            }

            var schedules = document.VariesByCulture
                ? new JsonArray([.. document.Names.Keys.Select(code => (JsonNode)new JsonObject { ["culture"] = umbracoCulture(code), ["schedule"] = null })])
                : new JsonArray(new JsonObject { ["culture"] = null, ["schedule"] = null });
            using var published = await api.SendAsync(HttpMethod.Put, $"document/{document.Key}/publish",
                new JsonObject { ["publishSchedules"] = schedules }.ToJsonString(), cancellationToken);
            if (!published.IsSuccessStatusCode)
            {
                throw await ManagementApiClient.FailureAsync($"{label} (publish)", published, cancellationToken);
            }

            output.WriteLine($"{(exists ? "updated" : "created")} and published {label} in {string.Join(", ", document.Names.Keys)}");
            (created, updated) = exists ? (created, updated + 1) : (created + 1, updated);
        }

        return (created, updated);
    }

    /// <summary>Document type ids by alias from the definition files in umbraco/document-types.</summary>
    public static IReadOnlyDictionary<string, Guid> DocumentTypes(string definitionsDirectory)
    {
        var folder = Path.Combine(definitionsDirectory, "document-types");
        if (!Directory.Exists(folder))
        {
            throw new ProvisioningException($"no document type definitions in {folder}");
        }

        var types = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(file));
                types[json.RootElement.GetProperty("alias").GetString()!] = json.RootElement.GetProperty("id").GetGuid();
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new ProvisioningException($"{Path.GetFileName(file)}: not a valid definition ({e.Message})");
            }
        }

        return types;
    }

    /// <summary>CreateDocumentRequestModel when <paramref name="createAs"/> is given, else UpdateDocumentRequestModel.</summary>
    private JsonObject Body(UmbracoDocument document, Guid? createAs)
    {
        var body = new JsonObject
        {
            ["values"] = new JsonArray([.. document.Values.Select(v => (JsonNode)new JsonObject
            {
                ["culture"] = v.Culture is null ? null : umbracoCulture(v.Culture),
                ["segment"] = null,
                ["alias"] = v.Alias,
                ["value"] = v.Value?.DeepClone(),
            })]),
            ["variants"] = new JsonArray([.. document.Names.Select(name => (JsonNode)new JsonObject
            {
                ["culture"] = document.VariesByCulture ? umbracoCulture(name.Key) : null,
                ["segment"] = null,
                ["name"] = name.Value,
            })]),
            ["template"] = null,
        };
        if (createAs is { } type)
        {
            body["id"] = document.Key.ToString();
            body["parent"] = document.Parent is { } parent ? new JsonObject { ["id"] = parent.ToString() } : null;
            body["documentType"] = new JsonObject { ["id"] = type.ToString() };
        }

        return body;
    }
}
