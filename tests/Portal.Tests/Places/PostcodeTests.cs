using Portal.Places.Lookup;

namespace Portal.Tests.Places;

public class PostcodeTests
{
    [Theory]
    [InlineData("6525AG", "6525AG")]
    [InlineData("6525 ag", "6525AG")]
    [InlineData("  6525  Ag ", "6525AG")]
    public void Accepts_the_ways_residents_type_a_postcode(string input, string expected)
    {
        Assert.True(Postcode.TryParse(input, out var postcode));
        Assert.Equal(expected, postcode.Value);
        Assert.Equal("6525", postcode.Area);
        Assert.Equal("6525 AG", postcode.Formatted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("6525")]
    [InlineData("0525AG")]
    [InlineData("65256AG")]
    [InlineData("6525A")]
    [InlineData("6525-AG")]
    [InlineData("6525SS")]
    [InlineData("AG6525")]
    [InlineData(null)]
    public void Rejects_what_is_not_a_Dutch_postcode(string? input) => Assert.False(Postcode.TryParse(input, out _));

    [Theory]
    [InlineData("11", 11, "")]
    [InlineData("11a", 11, "A")]
    [InlineData("11 A", 11, "A")]
    [InlineData("11-2", 11, "2")]
    public void Accepts_house_numbers_with_additions(string input, int number, string addition)
    {
        Assert.True(HouseNumber.TryParse(input, out var parsed));
        Assert.Equal(number, parsed.Number);
        Assert.Equal(addition, parsed.Addition);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("123456")]
    [InlineData("-3")]
    public void Rejects_what_is_not_a_house_number(string input) => Assert.False(HouseNumber.TryParse(input, out _));
}
