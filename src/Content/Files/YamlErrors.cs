using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Portal.Content.Files;

/// <summary>
/// Why YamlDotNet refused a file, as an officer can read it: the first line of the innermost message, with .NET's
/// type names ("System.Int32, System.Private.CoreLib, Version=…") said as the kind of value that was expected.
/// </summary>
public static partial class YamlErrors
{
    public static string Reason(YamlException e)
    {
        var message = AssemblyQualifier().Replace((e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim(), "");
        return TypeName().Replace(message, m => m.Groups["type"].Value switch
        {
            "Int32" or "Int64" or "Int16" or "Byte" => "a whole number",
            "Double" or "Decimal" or "Single" => "a number",
            "Boolean" => "true or false",
            "DateTimeOffset" or "DateTime" => "a date and time like 2026-11-23T08:00:00+01:00",
            "String" => "text",
            var other when other.StartsWith("List", StringComparison.Ordinal) => "a list",
            var other when other.StartsWith("Dictionary", StringComparison.Ordinal) => "a set of key: value lines",
            var other => other,
        });
    }

    /// <summary>", System.Private.CoreLib, Version=…, Culture=…, PublicKeyToken=…" after a type name.</summary>
    [GeneratedRegex(@", [A-Za-z0-9_.]+, Version=[^,\]]+, Culture=[^,\]]+, PublicKeyToken=[0-9a-fnul]+")]
    private static partial Regex AssemblyQualifier();

    /// <summary>System.Int32, or System.Collections.Generic.List`1[[System.String]] with its type arguments.</summary>
    [GeneratedRegex(@"System\.(?:\w+\.)*(?<type>\w+)(?:`\d+\[[^'\s]*\])?")]
    private static partial Regex TypeName();
}
