using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Portal.Tests.Umbraco;

/// <summary>
/// An Umbraco Delivery API v2 stand-in built from the fixture items (Fixtures/umbraco/{nl,en}): it answers
/// content/item/{id|path} and content?fetch=descendants paged queries like Umbraco does, caps pages at 3 items
/// (as a server may), and can be made slow, down, unauthorised or empty. Languages without fixtures get English.
/// </summary>
public sealed class FakeUmbraco : HttpMessageHandler
{
    private const int ServerPageCap = 3;
    private readonly ConcurrentDictionary<(string Culture, string Id), JsonObject> _items = new();
    private readonly string[] _order = ["home", "site-settings", "noodpakket", "noodplan", "alert", "support-point", "card-texts", "news"];
    private readonly List<string> _ids = [];

    public FakeUmbraco()
    {
        foreach (var culture in new[] { "nl", "en" })
        {
            foreach (var name in _order)
            {
                var item = Fixture($"{culture}/{name}.json");
                var id = item["id"]!.GetValue<string>();
                _items[(culture, id)] = item;
                if (culture == "nl")
                {
                    _ids.Add(id);
                }
            }
        }
    }

    public bool Down { get; set; }

    public bool Unauthorized { get; set; }

    public bool Empty { get; set; }

    public TimeSpan Delay { get; set; }

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public static JsonObject Fixture(string relative) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "umbraco", relative)))!.AsObject();

    public static string FixtureText(string relative) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "umbraco", relative));

    /// <summary>What an editor does in the backoffice: publish a change to one property (any JSON value).</summary>
    public void Publish(string culture, string id, string property, JsonNode? value)
    {
        var item = _items[(culture, id)];
        item["properties"]![property] = value;
        item["updateDate"] = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An item as the server sends it, whatever it holds (a non-string id, a duplicate): served in both cultures.</summary>
    public void AddRaw(JsonObject item, string orderKey)
    {
        foreach (var culture in new[] { "nl", "en" })
        {
            _items[(culture, orderKey)] = (JsonObject)item.DeepClone();
        }

        lock (_ids)
        {
            _ids.Add(orderKey);
        }
    }

    private readonly ConcurrentDictionary<(string Culture, string Id), JsonObject> _drafts = new();

    /// <summary>What "Save" (not publish) does in the backoffice: only a request with "Preview: true" (and the API key) sees it.</summary>
    public void SaveDraft(string culture, string id, string property, JsonNode? value)
    {
        var draft = _drafts.GetOrAdd((culture, id), _ => (JsonObject)_items[(culture, id)].DeepClone());
        draft["properties"]![property] = value;
    }

    /// <summary>A new document published in both cultures (the server order puts it last).</summary>
    public void Add(JsonObject nl, JsonObject en)
    {
        var id = nl["id"]!.GetValue<string>();
        _items[("nl", id)] = nl;
        _items[("en", id)] = en;
        lock (_ids)
        {
            if (!_ids.Contains(id))
            {
                _ids.Add(id);
            }
        }
    }

    /// <summary>A fixture item as a new document: another id, its own route, and whatever else the test changes.</summary>
    public static JsonObject Copy(string fixture, string id, string segment, Action<JsonObject>? change = null)
    {
        var item = Fixture(fixture);
        item["id"] = id;
        item["route"]!["path"] = $"/{segment}/";
        item["updateDate"] = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        change?.Invoke(item);
        return item;
    }

    public void Unpublish(string id)
    {
        foreach (var key in _items.Keys.Where(k => k.Id == id))
        {
            _items.TryRemove(key, out _);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        await Task.Delay(Delay, cancellationToken);
        if (Down)
        {
            throw new HttpRequestException("Connection refused (cms.test:443)");
        }

        if (Unauthorized || request.Headers.TryGetValues("Api-Key", out var keys) is false || keys.Single() != "test-key")
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }

        var culture = request.Headers.AcceptLanguage.Single().Value!.StartsWith("nl", StringComparison.Ordinal) ? "nl" : "en";
        var path = request.RequestUri!.AbsolutePath;
        const string itemPrefix = "/umbraco/delivery/api/v2/content/item/";
        if (path.StartsWith(itemPrefix, StringComparison.Ordinal))
        {
            var key = path[itemPrefix.Length..];
            string id;
            lock (_ids)
            {
                id = key == "nijmegen" ? _ids[0] : key;
            }

            if (request.Headers.TryGetValues("Preview", out var preview) && preview.Single() == "true" && _drafts.TryGetValue((culture, id), out var draft))
            {
                return Json(draft.ToJsonString());
            }

            return !Empty && _items.TryGetValue((culture, id), out var item) ? Json(item.ToJsonString()) : new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (path == "/umbraco/delivery/api/v2/content")
        {
            if (Empty)
            {
                return Json(FixtureText("paged-total-0.json"));
            }

            var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
            var skip = int.Parse(query["skip"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var take = Math.Min(ServerPageCap, int.Parse(query["take"] ?? "10", System.Globalization.CultureInfo.InvariantCulture));
            List<string> ids;
            lock (_ids)
            {
                ids = [.. _ids];
            }

            var descendants = ids.Skip(1).Where(id => _items.ContainsKey((culture, id))).Select(id => _items[(culture, id)]).ToList();
            if (query["sort"] == "updateDate:desc")
            {
                descendants = [.. descendants.OrderByDescending(i => i["updateDate"]!.GetValue<string>(), StringComparer.Ordinal)];
            }

            var page = new JsonArray([.. descendants.Skip(skip).Take(take).Select(i => i.DeepClone())]);
            return Json(new JsonObject { ["total"] = descendants.Count, ["items"] = page }.ToJsonString());
        }

        return new HttpResponseMessage(HttpStatusCode.BadRequest);
    }

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
