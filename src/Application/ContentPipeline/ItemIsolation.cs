using Portal.Places.Catalog;

namespace Portal.Application.ContentPipeline;

/// <summary>One item a source offered that is not served as offered.</summary>
/// <param name="Item">The item's key (<see cref="DataProblem.Item"/>).</param>
/// <param name="Problems">Why: the offered version's problems.</param>
/// <param name="LastGoodServed">True when residents see the item's last good version; false when it is left out.</param>
/// <param name="Because">The items whose refusal made this one invalid (a translation whose source page was refused), by place.</param>
public sealed record ItemRefusal(string Item, IReadOnlyList<DataProblem> Problems, bool LastGoodServed, IReadOnlyList<string> Because)
{
    /// <summary>Where the item is, as the problems name it: "content/nl/pages/x.md" or "alert 'Stroomstoring' (…), culture nl".</summary>
    public string Place => Problems[0] is var first && first.File == "umbraco" ? first.Location : first.File;

    public override string ToString() =>
        string.Join("; ", Problems) + (Because.Count > 0 ? $" (because {string.Join(", ", Because)} was refused)" : "")
        + (LastGoodServed ? " — its last good version is served" : " — left out");
}

/// <summary>
/// The one rule for every source and every read (start, full re-read, webhook, periodic check, content/ change): an item
/// that fails validation keeps its last good version where there is one, or stays out where there is none; every other
/// item is served. Items are taken back one round at a time, because taking one back can make another invalid (a
/// translation whose source page is refused, a backup point that is gone); those are refused in turn and say why.
/// </summary>
public static class ItemIsolation
{
    /// <summary>Every item can fall back once and then be left out: far fewer rounds than this in practice.</summary>
    private const int MaxRounds = 50;

    /// <param name="offered">What the source gives now (raw items, or a draft).</param>
    /// <param name="build">Builds a set of items through the content pipeline.</param>
    /// <param name="fallBack">The offered set with the given items replaced: by their last good version when the value is
    /// true (returns which of those had one), left out when false.</param>
    public static (T Accepted, ContentLoad Load) Accept<T>(T offered, Func<T, ContentLoad> build,
        Func<T, IReadOnlyDictionary<string, bool>, (T Items, IReadOnlySet<string> FromLastGood)> fallBack)
    {
        var decisions = new Dictionary<string, bool>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, (List<DataProblem> Problems, List<string> Because)>(StringComparer.Ordinal);
        var current = offered;
        IReadOnlySet<string> fromLastGood = new HashSet<string>();
        var load = build(current);
        for (var round = 0; round < MaxRounds; round++)
        {
            var earlier = reasons.Where(r => r.Value.Problems.Count > 0).Select(r => r.Value.Problems[0]).Select(Place).Distinct().ToList();
            var progress = false;
            foreach (var group in load.Problems.Where(p => p.Item is not null).GroupBy(p => p.Item!, StringComparer.Ordinal))
            {
                if (!decisions.TryGetValue(group.Key, out var useLastGood))
                {
                    decisions[group.Key] = true;
                    reasons[group.Key] = ([.. group], round == 0 ? [] : earlier);
                    progress = true;
                }
                else if (useLastGood)
                {
                    // Its last good version does not fit what is served now either: left out.
                    decisions[group.Key] = false;
                    progress = true;
                }
            }

            if (!progress)
            {
                break;
            }

            (current, fromLastGood) = fallBack(offered, decisions);
            load = build(current);
        }

        var refusals = reasons.Select(r => new ItemRefusal(r.Key, r.Value.Problems, decisions[r.Key] && fromLastGood.Contains(r.Key), r.Value.Because))
            .OrderBy(r => r.Because.Count > 0).ThenBy(r => r.Place, StringComparer.Ordinal).ToList(); // causes before consequences
        var unplaced = load.Problems.Where(p => p.Item is null || !reasons.ContainsKey(p.Item)).ToList();
        return (current, load with
        {
            Problems = load.Data is null ? [.. refusals.SelectMany(r => r.Problems), .. unplaced] : [.. refusals.SelectMany(r => r.Problems)],
            Refused = refusals,
        });
    }

    private static string Place(DataProblem problem) => problem.File == "umbraco" ? problem.Location : problem.File;
}
