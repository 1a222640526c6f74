using HierCore.Lab.Data;
using HierCore.Lab.Records;
using HierCore.Lab.Reports;

namespace HierCore.Lab.Tests.Unit;

public sealed class NoteMarkdownTests
{
    [Fact]
    public void Markdown_is_rendered()
    {
        var html = NoteMarkdown.ToHtml("# Title\n\n**bold** and [a link](https://example.org/x)");
        Assert.Contains("<h1", html);
        Assert.Contains("<strong>bold</strong>", html);
        Assert.Contains("href=\"https://example.org/x\"", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("text <img src=x onerror=alert(1)> text")]
    [InlineData("<div onclick=\"alert(1)\">x</div>")]
    public void Raw_html_is_shown_as_text(string note)
    {
        var html = NoteMarkdown.ToHtml(note);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<div", html);
        Assert.Contains("&lt;", html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](<java\tscript:alert(1)>)")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    public void Script_links_are_neutralised(string note)
    {
        var html = NoteMarkdown.ToHtml(note).ToLowerInvariant().Replace("&#58;", ":");
        Assert.Contains("<a href=\"#\"", html);
        Assert.DoesNotContain("href=\"javascript", html);
        Assert.DoesNotContain("href=\"java", html);
        Assert.DoesNotContain("href=\"data:", html);
    }

    [Fact]
    public void Relative_and_mail_links_stay()
    {
        Assert.Contains("href=\"runs?tag=x\"", NoteMarkdown.ToHtml("[runs](runs?tag=x)"));
        Assert.Contains("href=\"mailto:a@b.org\"", NoteMarkdown.ToHtml("[mail](mailto:a@b.org)"));
    }

    [Fact]
    public void Tags_are_normalised_and_bad_ones_named()
    {
        var (tags, errors) = TagList.Normalize([" MVTec ", "mvtec", "", "run:2"]);
        Assert.Equal(["mvtec", "run:2"], tags);
        Assert.Empty(errors);
        Assert.Equal("|mvtec|run:2|", TagList.Encode(tags));
        Assert.Equal(tags, TagList.Decode(TagList.Encode(tags)));
        Assert.Contains(TagList.Normalize(["a b"]).Errors, e => e.Contains("'a b'"));
        Assert.Contains(TagList.Normalize(Enumerable.Range(0, 21).Select(i => $"t{i}")).Errors, e => e.Contains("at most 20"));
    }

    [Fact]
    public void The_search_box_splits_tag_words_from_text()
    {
        var (text, tags) = SearchText.Parse("glass TAG:best wing tag:s3 tag:best");
        Assert.Equal("glass wing", text);
        Assert.Equal(["best", "s3"], tags);
        var (none, noTags) = SearchText.Parse("  ");
        Assert.Null(none);
        Assert.Empty(noTags);
    }
}
