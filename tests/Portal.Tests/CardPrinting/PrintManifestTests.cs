using Portal.Application.CardPrinting;
using Portal.Cards;

namespace Portal.Tests.CardPrinting;

/// <summary>The print order and the distribution lists from one file: quantities per buurt, wijk and in total.</summary>
public sealed class PrintManifestTests
{
    private static readonly Lazy<IReadOnlyList<MeterkastCard>> Cards = new(() =>
    {
        var data = TestPortal.Load(TestContent.RepositoryContent);
        return [.. data.Places.Buurten.Select(b => MeterkastCard.For(b, data.Places, data.Content, data.Texts, data.Cultures.Default, data.Cultures,
            CardSize.A6, new Uri("https://noodsteunpunt.example/")))];
    });

    [Theory]
    [InlineData("0", 0, 0)]
    [InlineData("10", 10, 0)]
    [InlineData("5%", 0, 5)]
    [InlineData("2.5%", 0, 2.5)]
    public void An_overrun_is_a_number_of_cards_or_a_share_of_the_households(string text, int cards, double percent)
    {
        Assert.Equal(new CardOverrun(cards, percent), CardOverrun.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("veel")]
    [InlineData("-5")]
    [InlineData("2.5")]
    public void Anything_else_is_not_an_overrun(string text) => Assert.Null(CardOverrun.Parse(text));

    [Fact]
    public void Every_buurt_has_households_plus_spares_and_every_wijk_and_the_whole_run_a_total()
    {
        var rows = PrintManifest.Rows(Cards.Value, new Dictionary<string, (string?, string?)>(), "v1", new CardOverrun(0, 5)).ToList();
        int Number(object[] row, string column) => (int)row[Array.IndexOf(PrintManifest.Columns, column)];
        string Kind(object[] row) => (string)row[^1];

        var buurten = rows.Where(r => Kind(r) == "buurt").ToList();
        Assert.Equal(44, buurten.Count);
        Assert.All(buurten, r => Assert.Equal((int)Math.Ceiling(Number(r, "huishoudens") * 0.05), Number(r, "reserve")));
        Assert.All(buurten, r => Assert.Equal(Number(r, "huishoudens") + Number(r, "reserve"), Number(r, "oplage")));

        // Each wijk's total follows its buurten and adds them up.
        var wijkTotals = rows.Where(r => Kind(r) == "wijktotaal").ToList();
        Assert.Equal(9, wijkTotals.Count);
        foreach (var total in wijkTotals)
        {
            var wijk = (string)total[2];
            Assert.Equal(buurten.Where(r => (string)r[2] == wijk).Sum(r => Number(r, "oplage")), Number(total, "oplage"));
            var index = rows.IndexOf(total);
            Assert.Equal(wijk, (string)rows[index - 1][2]);
        }

        var grand = rows[^1];
        Assert.Equal("totaal", Kind(grand));
        Assert.Equal(Cards.Value.Sum(c => c.Buurt.Households), Number(grand, "huishoudens"));
        Assert.Equal(buurten.Sum(r => Number(r, "oplage")), Number(grand, "oplage"));
    }
}
