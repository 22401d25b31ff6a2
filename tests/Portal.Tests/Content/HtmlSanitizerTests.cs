using Portal.Content.Sanitizing;

namespace Portal.Tests.Content;

public class HtmlSanitizerTests
{
    [Theory]
    [InlineData("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>")]
    [InlineData("<p onclick=\"steal()\" style=\"color:red\" class=\"x\">tekst</p>", "<p>tekst</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\" jav&#x09;ascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"data:text/html,<script>\">x</a>", "<a>x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe><p>ok</p>", "<p>ok</p>")]
    [InlineData("<img src=x onerror=alert(1)><p>ok</p>", "<p>ok</p>")]
    [InlineData("<div><section>tekst</section></div>", "tekst")]
    [InlineData("<svg><script>alert(1)</script></svg>ok", "ok")]
    [InlineData("<!-- verborgen --><p>ok</p>", "<p>ok</p>")]
    [InlineData("<a href=\"/\\evil.example\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"//evil.example/pad\">x</a>", "<a>x</a>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"><p>ok</p>", "<p>ok</p>")]
    public void Removes_everything_dangerous(string input, string expected) =>
        Assert.Equal(expected, HtmlSanitizer.Sanitize(input));

    [Fact]
    public void Keeps_the_structure_an_editor_needs()
    {
        const string html = "<h2>Kop</h2><p><strong>vet</strong> <em>schuin</em> <a href=\"https://www.nl-alert.nl\">NL-Alert</a> <a href=\"/noodplan\">plan</a></p>"
            + "<ul><li>een</li></ul><table><thead><tr><th scope=\"col\">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>";

        Assert.Equal(html, HtmlSanitizer.Sanitize(html));
    }
}
