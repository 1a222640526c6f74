using HierCore.Engine.Tests.Datasets;

namespace HierCore.Engine.Tests.Docs;

/// <summary>Source comments cite docs/ by section; every citation must land on a real section.</summary>
public sealed class DocReferenceTests
{
    [Fact]
    public void Every_document_citation_in_src_and_tests_names_an_existing_doc_and_section()
    {
        var root = DocReferences.RepositoryRoot();
        var references = DocReferences.Scan(root).ToList();

        // The scan itself works: the engine cites METHOD.md by section in many places.
        Assert.Contains(references, r => r.Document == "METHOD.md" && r.Section is not null);
        var problems = DocReferences.Problems(root, references);
        Assert.True(problems.Count == 0, "Unresolved document citations:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Links_between_the_readme_and_docs_point_to_existing_files()
    {
        var problems = DocReferences.BrokenLinks(DocReferences.RepositoryRoot());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Heading_anchors_are_computed_as_github_does()
    {
        using var repo = new TempFolder();
        var page = repo.Text("docs/X.md", "# X\n\n### 4.5 `hiercore`: the lower level, criterion\n\n## 1.2 The paper's requirements\n");

        Assert.Equal(["12-the-papers-requirements", "45-hiercore-the-lower-level-criterion", "x"], DocReferences.AnchorsOf(page).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Nothing_cites_the_design_notes_that_live_outside_the_repository()
    {
        // The founding notes were never committed; docs/ replaces them. (Split so this line is not a hit itself.)
        var hits = DocReferences.Mentions(DocReferences.RepositoryRoot(), "shared" + "/design");
        Assert.True(hits.Count == 0, "Cite docs/ instead of the design notes at: " + string.Join(", ", hits));
    }

    [Fact]
    public void A_missing_section_or_document_is_reported_and_a_present_one_is_not()
    {
        using var repo = new TempFolder();
        repo.Text("docs/METHOD.md", "# Method\n\n## 4. Methods\n\n### 4.5 The criterion\n\nText mentioning 4.7 in prose.\n");
        // Split literals keep this file's own text free of citations the real scan would check.
        repo.Text("src/A.cs",
            "// METHOD.md §" + "4.5 and METHOD.md §" + "4, then METHOD.md §" + "4.7.\n" +
            "// See GHOST" + ".md §" + "1 and METHOD.md without a section.\n");

        var references = DocReferences.Scan(repo.Root).ToList();
        var problems = DocReferences.Problems(repo.Root, references);

        Assert.Equal(["4.5", "4", "4.7", "1", null], references.Select(r => r.Section));
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("no section 4.7"));
        Assert.Contains(problems, p => p.Contains("docs/GHOST" + ".md does not exist"));
    }
}
