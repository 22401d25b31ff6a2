using Microsoft.Extensions.DependencyInjection;
using Portal.Application.CardPrinting;
using Portal.Cards;

namespace Portal.Tests.CardPrinting;

/// <summary>Planning a print run: what each profile makes, what a request may combine, and the settings every run takes.</summary>
public sealed class PrintRunsTests
{
    private static readonly Lazy<(ServiceProvider Services, Application.ContentPipeline.PortalData Data)> Demo = new(() =>
        (TestPortal.Services(TestContent.RepositoryContent, new Dictionary<string, string?> { ["Portal:CardOverrun"] = "5%" }),
            TestPortal.Load(TestContent.RepositoryContent)));

    private static (PrintRunPlan? Plan, string? Problem) Plan(PrintRunRequest request) =>
        Demo.Value.Services.GetRequiredService<Application.CardPrinting.PrintRuns>().Plan(Demo.Value.Data, request);

    [Fact]
    public void The_office_run_makes_every_file_and_the_print_shop_run_PDF_X_only()
    {
        var (office, _) = Plan(new PrintRunRequest(PrintProfile.Office));
        Assert.True(office!.Options is { Pdf: true, WithPngs: true, WithSheets: true, WithCropMarks: true, PdfX: not null });
        Assert.Equal(44, office.Cards.Count);
        Assert.Equal("nl", office.Culture.Code);
        Assert.Equal(new CardOverrun(0, 5), office.Options.Overrun);

        var (shop, _) = Plan(new PrintRunRequest(PrintProfile.PrintShop, PdfX: "x1a", Size: CardSize.A5, Language: "ar"));
        Assert.True(shop!.Options is { Pdf: true, WithPngs: false, WithSheets: false, WithCropMarks: false });
        Assert.Equal(PdfXFlavour.X1a, shop.Options.PdfX!.Flavour);
        Assert.Equal(CardSize.A5, shop.Cards[0].Size);
        Assert.Equal("ar", shop.Culture.Code);
    }

    [Theory]
    [InlineData("print-shop", "png", null, null, "the print-shop profile writes PDF/X only")]
    [InlineData("office", "pdf", "x1a", null, "--pdfx is for --profile print-shop")]
    [InlineData("print-shop", null, "x9", null, "--pdfx 'x9' is not x3 or x1a")]
    [InlineData("office", "pdf,svg", null, null, "--format takes pdf, png or pdf,png")]
    [InlineData("office", null, null, "fr", "--lang must be one of: nl, en, ar, tr, pl, uk")]
    public void A_run_that_cannot_be_made_is_refused_with_the_reason(string profile, string? formats, string? pdfX, string? language, string reason)
    {
        var (plan, problem) = Plan(new PrintRunRequest(PrintProfile.Find(profile)!, formats?.Split(','), PdfX: pdfX, Language: language));
        Assert.Null(plan);
        Assert.StartsWith(reason, problem);
    }
}
