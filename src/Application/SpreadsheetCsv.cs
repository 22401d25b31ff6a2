using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Portal.Application;

/// <summary>
/// Every CSV Portal writes (open data, print manifest, coverage) is opened in a spreadsheet by someone: a field that
/// starts like a formula (=, @, +, -) is written with a leading apostrophe, so a status message or a name typed by
/// anyone can never run as one.
/// </summary>
public static class SpreadsheetCsv
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
    };

    public static CsvWriter Writer(TextWriter text) => new(text, Configuration);
}
