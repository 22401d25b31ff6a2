using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Pages.Styles;

/// <summary>
/// Keeps of the NL Design System component CSS only the rules for the classes Portal's pages use: a component ships
/// every variant (busy, pressed, danger, subtle, …) and its tokens; a page that must arrive in one round trip carries
/// none it does not show. A selector naming any other utrecht class is dropped, and a rule left without selectors.
/// </summary>
public static partial class ComponentCss
{
    /// <summary>Every utrecht class Portal's markup uses (a test renders every page type and holds the markup to it).</summary>
    public static IReadOnlySet<string> UsedClasses { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "utrecht-document", "utrecht-skip-link", "utrecht-page-header", "utrecht-page-footer",
        "utrecht-heading-1", "utrecht-heading-2",
        "utrecht-button", "utrecht-button--primary-action", "utrecht-button--secondary-action",
        "utrecht-form-label", "utrecht-form-field-description", "utrecht-form-field-error-message",
        "utrecht-textbox", "utrecht-textbox--html-input",
        "utrecht-alert", "utrecht-alert--info", "utrecht-alert--warning", "utrecht-alert--error",
    };

    public static string Prune(string css)
    {
        var output = new StringBuilder(css.Length / 2);
        var at = 0;
        while (at < css.Length)
        {
            var open = css.IndexOf('{', at);
            if (open < 0)
            {
                break;
            }

            var prelude = css[at..open].Trim();
            var close = MatchingBrace(css, open);
            var body = css[(open + 1)..close];
            if (prelude.StartsWith('@'))
            {
                // @media, @supports, @layer…: the rules inside are pruned the same way; an emptied block goes.
                var inner = Prune(body);
                if (inner.Length > 0)
                {
                    output.Append(prelude).Append('{').Append(inner).Append('}');
                }
            }
            else
            {
                var kept = Selectors(prelude).Where(Used).ToList();
                if (kept.Count > 0)
                {
                    output.Append(string.Join(',', kept)).Append('{').Append(body.Trim()).Append('}');
                }
            }

            at = close + 1;
        }

        return output.ToString();
    }

    /// <summary>States Portal's controls are never put in: pressed or busy buttons, disabled or read-only fields.</summary>
    private static readonly string[] UnusedStates = ["[aria-pressed", "[aria-busy", "[aria-disabled", ":disabled", "[disabled", ":read-only", "[readonly", "[aria-readonly"];

    private static bool Used(string selector) =>
        UtrechtClass().Matches(selector).All(m => UsedClasses.Contains(m.Groups[1].Value))
        && !UnusedStates.Any(state => selector.Contains(state, StringComparison.Ordinal));

    /// <summary>A selector list split at its top-level commas (not those inside :is(…) or :not(…)).</summary>
    private static IEnumerable<string> Selectors(string prelude)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < prelude.Length; i++)
        {
            depth += prelude[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (prelude[i] == ',' && depth == 0)
            {
                yield return prelude[start..i].Trim();
                start = i + 1;
            }
        }

        yield return prelude[start..].Trim();
    }

    private static int MatchingBrace(string css, int open)
    {
        var depth = 0;
        for (var i = open; i < css.Length; i++)
        {
            depth += css[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"unbalanced braces in component CSS after position {open}");
    }

    [GeneratedRegex(@"\.(utrecht-[A-Za-z0-9_-]+)")]
    private static partial Regex UtrechtClass();
}
