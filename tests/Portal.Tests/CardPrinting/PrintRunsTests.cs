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

        var (shop, _) = Plan(new PrintRunRequest(PrintProfile.PrintShop, PdfX: "x1a", Size: CardSize.A5, Language: "ar", AllowNonPublicQrTarget: true));
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

    [Fact]
    public void A_run_whose_QR_codes_lead_to_a_non_public_address_says_so_and_the_print_shop_run_needs_permission()
    {
        // The test portal's Portal:PublicBaseUrl is the default, http://localhost:5000/.
        var (office, _) = Plan(new PrintRunRequest(PrintProfile.Office));
        Assert.StartsWith("the QR codes lead to http://localhost:5000/, not a public host name", office!.QrTargetWarning);

        var (refused, problem) = Plan(new PrintRunRequest(PrintProfile.PrintShop));
        Assert.Null(refused);
        Assert.Contains("--allow-non-public-qr", problem);

        var (proof, _) = Plan(new PrintRunRequest(PrintProfile.PrintShop, AllowNonPublicQrTarget: true));
        Assert.NotNull(proof!.QrTargetWarning);
    }

    [Theory]
    [InlineData("https://noodsteunpunten.nijmegen.nl/", null)]
    [InlineData("http://noodsteunpunten.nijmegen.nl/", "not https://")]
    [InlineData("https://localhost/", "not a public host name")]
    [InlineData("https://portal.local/", "not a public host name")]
    [InlineData("https://intranet/", "not a public host name")]
    [InlineData("https://192.168.1.20/", "a loopback or private IP address")]
    [InlineData("https://127.0.0.1:5240/", "a loopback or private IP address")]
    [InlineData("https://[::1]/", "a loopback or private IP address")]
    public void Only_a_public_https_address_is_a_QR_target_residents_can_reach(string target, string? why)
    {
        var problem = Application.CardPrinting.PrintRuns.QrTargetProblem(new Uri(target));

        if (why is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(why, problem);
        }
    }
}
