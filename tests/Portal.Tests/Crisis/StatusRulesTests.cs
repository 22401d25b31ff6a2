using Portal.Application.ContentPipeline;
using Portal.Places;

namespace Portal.Tests.Crisis;

/// <summary>The live status of support points as content/status.yml gives it: the rules, and where residents are sent.</summary>
public sealed class StatusRulesTests : IDisposable
{
    private readonly TestContent _content = new();

    [Fact]
    public void A_point_without_a_status_is_on_standby_and_the_demo_is_in_peacetime()
    {
        var data = TestPortal.Load(_content.Root);

        Assert.All(data.Places.SupportPoints, p => Assert.Equal(SupportPointState.Standby, p.Status.State));
        Assert.False(data.Places.AnyActivated);
    }

    [Fact]
    public void Status_services_now_messages_and_times_are_read()
    {
        Write("""
            points:
              brandweerkazerne-nijmegen-west:
                status: open
                services-now: [drinking-water, charging]
                message:
                  nl: "Open tot 22.00 uur."
                  en: "Open until 10 pm."
                changed: 2026-11-23T08:00:00+01:00
                checked: 2026-11-23T12:15:00
            """);

        var point = TestPortal.Load(_content.Root).Places.FindSupportPoint("brandweerkazerne-nijmegen-west")!;

        Assert.Equal(SupportPointState.Open, point.Status.State);
        Assert.True(point.Status.TakesVisitors);
        Assert.Equal([SupportPointService.DrinkingWater, SupportPointService.Charging], point.Status.ServicesNow!);
        Assert.Equal("Open until 10 pm.", point.Status.Message("en", "nl"));
        Assert.Equal("Open tot 22.00 uur.", point.Status.Message("ar", "nl"));
        // Without an offset: a time on the municipality's clock (11:15 UTC in November).
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 15, 0, TimeSpan.Zero), point.Status.LastConfirmedAt);
    }

    [Theory]
    [InlineData("  nonexistent-point:\n    status: open", "point 'nonexistent-point', field 'slug': 'nonexistent-point' is not a support point")]
    [InlineData("  gemeentehuis-nijmegen:\n    status: half-open", "field 'status': 'half-open' is not one of: standby, open, full, closed")]
    [InlineData("  brandweerkazerne-nijmegen-west:\n    status: open\n    services-now: [warmth]", "'warmth' is not among this point's services")]
    [InlineData("  gemeentehuis-nijmegen:\n    status: open\n    message:\n      en: \"Open\"", "field 'message': has no nl text")]
    [InlineData("  gemeentehuis-nijmegen:\n    status: open\n    message:\n      fr: \"Ouvert\"", "field 'message.fr': 'fr' is not a language of the portal")]
    [InlineData("  gemeentehuis-nijmegen:\n    status: full\n    backup: gemeentehuis-nijmegen", "field 'backup': is this point itself")]
    [InlineData("  gemeentehuis-nijmegen:\n    status: full\n    backup: stadhuis-arnhem", "field 'backup': 'stadhuis-arnhem' is not a support point")]
    [InlineData("  gemeentehuis-nijmegen:\n    status: open\n    changed: gisteren", "field 'changed': 'gisteren' is not a date and time")]
    [InlineData("  gemeentehuis-nijmegen: [open", "status.yml, line ")]
    public void A_wrong_status_is_refused_naming_file_point_and_field(string entry, string expected)
    {
        Write("points:\n" + entry + "\n");

        var load = new ContentPipeline(_content.Root, TestPortal.Cultures).LoadContentFolder();

        // Refused, not served as given, and the rest of the content is served: the entry (or the unreadable file) is left out.
        Assert.NotNull(load.Data);
        Assert.Contains(load.Refused, r => r.ToString().Contains(expected, StringComparison.Ordinal) && r.ToString().Contains("status.yml", StringComparison.Ordinal));
        Assert.Contains(load.Problems, p => p.ToString().Contains(expected, StringComparison.Ordinal));
        Assert.All(load.Data.Places.SupportPoints.Where(p => p.Slug == "gemeentehuis-nijmegen"), p => Assert.Equal(Portal.Places.SupportPointState.Standby, p.Status.State));
    }

    [Fact]
    public void A_full_point_sends_residents_to_its_open_backup_else_to_the_nearest_open_point()
    {
        Write("""
            points:
              gemeentehuis-nijmegen: { status: full, backup: brandweerkazerne-nijmegen-noord }
              brandweerkazerne-nijmegen-centrum: { status: open }
              brandweerkazerne-nijmegen-noord: { status: open }
            """);
        var places = TestPortal.Load(_content.Root).Places;
        var townHall = places.FindSupportPoint("gemeentehuis-nijmegen")!;
        Assert.Equal("brandweerkazerne-nijmegen-noord", places.GoInstead(townHall)!.Slug);

        Write("""
            points:
              gemeentehuis-nijmegen: { status: full, backup: brandweerkazerne-nijmegen-noord }
              brandweerkazerne-nijmegen-centrum: { status: open }
              brandweerkazerne-nijmegen-noord: { status: closed }
            """);
        places = TestPortal.Load(_content.Root).Places;
        Assert.Equal("brandweerkazerne-nijmegen-centrum", places.GoInstead(places.FindSupportPoint("gemeentehuis-nijmegen")!)!.Slug);
        Assert.Null(places.GoInstead(places.FindSupportPoint("brandweerkazerne-nijmegen-centrum")!));

        Write("""
            points:
              gemeentehuis-nijmegen: { status: full }
            """);
        places = TestPortal.Load(_content.Root).Places;
        Assert.Null(places.GoInstead(places.FindSupportPoint("gemeentehuis-nijmegen")!));
    }

    [Fact]
    public void A_status_change_is_not_new_content_and_names_the_points_whose_pages_change()
    {
        // One pipeline, as in the server: the geography and texts are read once and kept while their files do not change.
        var pipeline = new ContentPipeline(_content.Root, TestPortal.Cultures);
        PortalData Load() => pipeline.LoadContentFolder().Data!;
        var before = Load();
        Write("points:\n  brandweerkazerne-nijmegen-west: { status: open }\n");
        var opened = Load();
        Write("points:\n  brandweerkazerne-nijmegen-west: { status: open }\n  gemeentehuis-nijmegen: { status: full }\n");
        var full = Load();

        var first = ContentChange.Between(before, opened);
        Assert.False(first.Content);
        Assert.Equal(["brandweerkazerne-nijmegen-west"], first.Statuses);
        // The first point to open puts every page into crisis mode.
        Assert.Equal(16, first.Shown.Count);

        var second = ContentChange.Between(opened, full);
        Assert.Equal(["gemeentehuis-nijmegen"], second.Statuses);
        Assert.Equal(["gemeentehuis-nijmegen"], second.Shown);
        Assert.True(ContentChange.Between(full, Load()).IsNone);
        Assert.Equal(before.Content.Version, full.Content.Version);

        _content.Replace("nl/pages/noodplan.md", "title: \"Maak een noodplan\"", "title: \"Maak nu een noodplan\"");
        Assert.True(ContentChange.Between(full, Load()).Content);
    }

    private void Write(string yaml) => File.WriteAllText(Path.Combine(_content.Root, "status.yml"), yaml);

    public void Dispose() => _content.Dispose();
}
