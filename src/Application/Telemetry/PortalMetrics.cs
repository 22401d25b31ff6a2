using System.Diagnostics.Metrics;

namespace Portal.Application;

/// <summary>
/// What a crisis team's operators watch beside ASP.NET Core's own request metrics (requests and errors per route):
/// lookups, content refreshes and their failures, static re-exports and how long they take, card prints, and
/// publishing failures. Exported through OpenTelemetry when an OTLP endpoint is configured; always readable in-process.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "Portal";

    private readonly Counter<long> _lookups;
    private readonly Counter<long> _refreshes;
    private readonly Counter<long> _staticExports;
    private readonly Histogram<double> _staticExportDuration;
    private readonly Counter<long> _cardRenders;
    private readonly Counter<long> _publishFailures;

    public PortalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _lookups = meter.CreateCounter<long>("portal.lookups", "{lookup}", "Support point lookups by postcode or location, by outcome");
        _refreshes = meter.CreateCounter<long>("portal.content.refreshes", "{refresh}", "Content reads by source and outcome (served, unchanged, refused)");
        _staticExports = meter.CreateCounter<long>("portal.static.exports", "{export}", "Static site exports, full or status-only");
        _staticExportDuration = meter.CreateHistogram<double>("portal.static.export.duration", "s", "Seconds from the start of a static export to the swapped folder");
        _cardRenders = meter.CreateCounter<long>("portal.cards.prints", "{print}", "Chromium print jobs (one card, or a whole print run's document)");
        _publishFailures = meter.CreateCounter<long>("portal.publish.failures", "{failure}", "Rebuilds after a publish that failed, by what");
    }

    public void Lookup(string outcome) => _lookups.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Refreshed(string source, string outcome) =>
        _refreshes.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("outcome", outcome));

    public void StaticExported(string kind, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        _staticExports.Add(1, tag);
        _staticExportDuration.Record(duration.TotalSeconds, tag);
    }

    public void CardPrinted() => _cardRenders.Add(1);

    public void PublishFailed(string what) => _publishFailures.Add(1, new KeyValuePair<string, object?>("what", what));
}
