using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Content.Cultures;
using Portal.Content.Umbraco;
using Portal.Content.Umbraco.Seeding;
using Umbraco.Cms.Core.Models.DeliveryApi;

namespace Portal.Tests.Umbraco;

/// <summary>
/// Umbraco's Content Delivery API v2 for a set of documents, as a published Umbraco would serve them: each document in each
/// culture it is published in, built from Umbraco.Cms.Core's own Delivery API model types (ApiContentResponse,
/// RichTextModel, ApiBlockListModel) and serialised to Umbraco's JSON. Answers content/item/{id|path} and paged
/// descendants queries (three items a page, as a server may cap them), for one Home or several (a region's multi-site tree:
/// each item's route.startItem names its Home).
/// </summary>
public sealed class DeliveryApiStandIn : HttpMessageHandler
{
    private const int ServerPageCap = 3;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<(string Culture, Guid Id), string> _items = [];
    private readonly Dictionary<string, List<Guid>> _order = [];
    private readonly Dictionary<Guid, UmbracoDocument> _documents = [];
    private readonly UmbracoOptions _cultures = new();

    private readonly CultureSet _portalCultures;

    /// <summary>Requests for one item, by the item and the Start-Item they were sent with (which site asked).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<(string Item, string? StartItem), int> ItemRequests { get; } = new();

    public DeliveryApiStandIn(IReadOnlyList<UmbracoDocument> documents, CultureSet cultures)
    {
        _portalCultures = cultures;
        foreach (var culture in cultures.All)
        {
            _order[_cultures.UmbracoCulture(culture.Code)] = [];
        }

        foreach (var document in documents)
        {
            Publish(document);
        }
    }

    /// <summary>What publishing a document in the backoffice does: the Delivery API serves its new version in every culture it has.</summary>
    public void Publish(UmbracoDocument document)
    {
        _documents[document.Key] = document;
        var home = RootOf(document);
        var start = new ApiContentStartItem(home.Key, RootPath(home));
        foreach (var culture in _portalCultures.All.Where(c => !document.VariesByCulture || document.Names.ContainsKey(c.Code)))
        {
            var umbracoCulture = _cultures.UmbracoCulture(culture.Code);
            var route = new ApiContentRoute(document.Parent is null ? "/" : $"/{document.Segment}/", start);
            var properties = document.Values.Where(v => v.Culture is null || v.Culture == culture.Code)
                .ToDictionary(v => v.Alias, v => Delivered(v.Value));
            var name = document.VariesByCulture ? document.Names[culture.Code] : document.Names.Values.First();
            IApiContentResponse item = new ApiContentResponse(document.Key, name, document.DocumentType, document.UpdatedAt.UtcDateTime,
                document.UpdatedAt.UtcDateTime, route, properties,
                document.VariesByCulture ? new Dictionary<string, IApiContentRoute> { [umbracoCulture] = route } : new Dictionary<string, IApiContentRoute>());
            _items[(umbracoCulture, document.Key)] = JsonSerializer.Serialize(item, Json);
            if (!_order[umbracoCulture].Contains(document.Key))
            {
                _order[umbracoCulture].Add(document.Key);
            }
        }
    }

    /// <summary>The Home a document lies under (every seeded tree is a Home with its items as children).</summary>
    private UmbracoDocument RootOf(UmbracoDocument document) =>
        document.Parent is { } parent && _documents.TryGetValue(parent, out var above) ? RootOf(above) : document;

    /// <summary>A root's path, as Start-Item and route.startItem give it: its URL segment ("wijchen"); the single demo's Home is "nijmegen".</summary>
    private static string RootPath(UmbracoDocument root) => root.Segment.Length == 0 ? "nijmegen" : root.Segment;

    private Guid? RootKey(string idOrPath) => Guid.TryParse(idOrPath, out var id) ? id
        : _documents.Values.FirstOrDefault(d => d.Parent is null && RootPath(d) == idOrPath)?.Key;

    /// <summary>A Management API value as the Delivery API outputs it.</summary>
    private static object? Delivered(JsonNode? value) => value switch
    {
        null => null,
        JsonObject rich when rich.ContainsKey("markup") => new RichTextModel { Markup = rich["markup"]!.GetValue<string>(), Blocks = [] },
        JsonObject blocks when blocks.ContainsKey("contentData") => new ApiBlockListModel([.. blocks["contentData"]!.AsArray().Select(data => new ApiBlockItem(
            new ApiElement(Guid.Parse(data!["key"]!.GetValue<string>()), "", "checklistItem",
                data["values"]!.AsArray().ToDictionary(v => v!["alias"]!.GetValue<string>(), v => Delivered(v!["value"]))),
            null!))]),
        JsonValue primitive when primitive.TryGetValue<string>(out var text) => text,
        JsonValue primitive when primitive.TryGetValue<bool>(out var flag) => flag,
        JsonValue primitive when primitive.TryGetValue<int>(out var whole) => whole,
        JsonValue primitive => primitive.GetValue<double>(),
        _ => value.ToJsonString(),
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.TryGetValues("Api-Key", out var keys) || keys.Single() != "test-key")
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized));
        }

        var culture = request.Headers.AcceptLanguage.Single().Value!;
        var path = request.RequestUri!.AbsolutePath;
        const string itemPrefix = "/umbraco/delivery/api/v2/content/item/";
        if (path.StartsWith(itemPrefix, StringComparison.Ordinal))
        {
            var key = path[itemPrefix.Length..];
            ItemRequests.AddOrUpdate((key, request.Headers.TryGetValues("Start-Item", out var start) ? start.Single() : null), 1, (_, n) => n + 1);
            var id = RootKey(key) ?? Guid.Empty;
            return Task.FromResult(_items.TryGetValue((culture, id), out var item) ? Ok(item) : new HttpResponseMessage(HttpStatusCode.NotFound));
        }

        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        var skip = int.Parse(query["skip"] ?? "0", CultureInfo.InvariantCulture);
        var take = Math.Min(ServerPageCap, int.Parse(query["take"] ?? "10", CultureInfo.InvariantCulture));
        // fetch=descendants:{root}: every item under that root but the root itself, in the order they were published.
        var root = RootKey((query["fetch"] ?? "").Replace("descendants:", "", StringComparison.Ordinal));
        var descendants = _order[culture].Where(id => id != root && RootOf(_documents[id]).Key == root).Select(id => _items[(culture, id)]).ToList();
        var page = string.Join(',', descendants.Skip(skip).Take(take));
        return Task.FromResult(Ok($"{{\"total\":{descendants.Count},\"items\":[{page}]}}"));
    }

    private static HttpResponseMessage Ok(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
