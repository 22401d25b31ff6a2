using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Portal.Places.Catalog;

/// <summary>A CSV data row with its physical line number, for error messages.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string Location => $"line {Line}";
}

internal static class CsvRecordReader
{
    /// <summary>Reads all rows; a missing column or a malformed row is reported and ends the file's reading.</summary>
    public static IReadOnlyList<CsvRecord> Read(string path, IReadOnlyList<string> requiredColumns, ProblemCollector problems)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = true,
            TrimOptions = TrimOptions.Trim,
        };
        var records = new List<CsvRecord>();
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, config);
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            {
                problems.Add("line 1", "", "the file is empty; expected a header row");
                return records;
            }

            var header = csv.HeaderRecord;
            // A row starts on the line after the previous one ended (a quoted field may span lines).
            var previousEnd = csv.Parser.RawRow;
            var missing = requiredColumns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                problems.Add("line 1", string.Join(", ", missing), "required column(s) missing from the header");
                return records;
            }

            while (csv.Read())
            {
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    fields[header[i]] = csv.GetField(i) ?? "";
                }

                records.Add(new CsvRecord(previousEnd + 1, fields));
                previousEnd = csv.Parser.RawRow;
            }
        }
        catch (CsvHelperException e)
        {
            var line = records.Count == 0 && csv.HeaderRecord is null ? 1 : (records.LastOrDefault()?.Line ?? 1) + 1;
            problems.Add($"line {line}", "", $"malformed row ({Reason(e)}); rows from here on were not read");
        }

        return records;
    }

    /// <summary>What is wrong with the row in an editor's words; CsvHelper's own messages give advice about its settings.</summary>
    private static string Reason(CsvHelperException e) => e switch
    {
        BadDataException bad => $"a quote (\") inside a field that is not quoted as a whole: {Shorten(bad.Field)}; put the whole field in quotes and double the quote inside",
        _ => e.Message.Split('\n', 2)[0].Replace("You can ignore bad data by setting BadDataFound to null.", "", StringComparison.Ordinal).Trim(),
    };

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
