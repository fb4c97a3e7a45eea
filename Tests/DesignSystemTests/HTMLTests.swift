import Testing
@testable import DesignSystem
@testable import Localization

@Suite struct HTMLTests {
    @Test func textAndAttributesAreEscaped() {
        let node = el("a", .href("\" onfocus=\"alert(1)")) { "<script>alert('x') & co</script>" }
        #expect(node.render() == #"<a href="&quot; onfocus=&quot;alert(1)">&lt;script&gt;alert('x') &amp; co&lt;/script&gt;</a>"#)
    }

    @Test func entityLikeTextIsNotPassedThrough() {
        #expect(Node.text("&lt;b&gt;").render() == "&amp;lt;b&amp;gt;")
    }

    @Test func voidElementsHaveNoClosingTagAndFlagsNoValue() {
        #expect(el("input", .name("q"), .flag("required")).render() == #"<input name="q" required>"#)
    }

    @Test func controlFlowInBuilders() {
        let items = ["a", "b"]
        let show = false
        let node = el("ul") {
            for item in items { el("li") { item } }
            if show { el("li") { "hidden" } } else { el("li") { "shown" } }
        }
        #expect(node.render() == "<ul><li>a</li><li>b</li><li>shown</li></ul>")
    }
}

@Suite struct FormTests {
    let t = Translator(locale: .en)

    @Test func anInvalidFieldIsLinkedFromTheSummaryAndDescribedByItsError() {
        let errors = [FieldError(field: "name", message: "Enter the name")]
        let summary = Forms.errorSummary(errors, t: t).render()
        #expect(summary.contains(##"<a href="#f-name">Enter the name</a>"##))
        #expect(summary.contains(#"role="alert""#))
        let field = Forms.text(name: "name", label: "Name", value: "typed <value>", hint: "Hint", errors: errors, t: t).render()
        #expect(field.contains(#"<label for="f-name" class="label">Name</label>"#))
        #expect(field.contains(#"aria-describedby="f-name-hint f-name-error""#))
        #expect(field.contains(#"aria-invalid="true""#))
        #expect(field.contains(#"value="typed &lt;value&gt;""#))
        #expect(field.contains(#"id="f-name-error""#))
    }

    @Test func noSummaryWithoutErrors() {
        #expect(Forms.errorSummary([], t: t).render() == "")
    }

    @Test func checkboxesKeepTheirSelection() {
        let html = Forms.checkboxes(name: "areas[]", legend: "Areas", choices: [Choice(value: "a", label: "A"), Choice(value: "b", label: "B")],
                                    selected: ["b"], t: t).render()
        #expect(html.contains(#"<input id="f-areas-1" name="areas[]" type="checkbox" value="b" checked>"#))
        #expect(html.contains(#"<input id="f-areas" name="areas[]" type="checkbox" value="a">"#))
        #expect(html.contains("<legend>Areas</legend>"))
    }
}

@Suite struct TableAndLayoutTests {
    let t = Translator(locale: .en)

    @Test func sortedColumnSaysItsDirectionAndLinksToTheOpposite() {
        let html = Tables.table(caption: "Orgs", columns: [Column("Name", sortKey: "name"), Column("Count", numeric: true)],
                                rows: [[.text("A"), .text("3")]], sort: SortState(key: "name", ascending: true),
                                link: { "?" + $0.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&") }, t: t).render()
        #expect(html.contains(#"aria-sort="ascending""#))
        #expect(html.contains(#"href="?page=1&amp;sort=-name""#))
        #expect(html.contains(#"<th scope="row">A</th><td class="num">3</td>"#))
    }

    @Test func paginationShowsPositionAndNeighbours() {
        let html = Tables.pagination(PageInfo(page: 2, perPage: 10, total: 35), link: { "?page=\($0["page"]!)" }, t: t).render()
        #expect(html.contains("Page 2 of 4"))
        #expect(html.contains(#"href="?page=1""#) && html.contains(#"href="?page=3""#))
        #expect(Tables.pagination(PageInfo(page: 1, perPage: 10, total: 10), link: { _ in "" }, t: t).render() == "")
    }

    @Test func layoutHasLanguageSkipLinkAndSwitcherKeepingThePage() {
        let context = PageContext(t: Translator(locale: .sq), pathInLocale: "/organisations?country=MK")
        let html = Layout.page(context, title: "T") { el("p") { "x" } }
        #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"sq\">"))
        #expect(html.contains(##"<a href="#main" class="skip-link">"##))
        #expect(html.contains(#"<main id="main""#))
        #expect(html.contains(#"href="/mk/organisations?country=MK" lang="mk""#))
        #expect(html.contains(#"href="/sr-Cyrl/organisations?country=MK" lang="sr-Cyrl""#))
        #expect(!html.contains("<script"))
    }

    @Test func barChartHasATableWithTheSameFigures() {
        let html = Charts.bars(id: "c", title: "Scores", data: [ChartDatum("AL", 45.36), ChartDatum("XK", nil)], valueLabel: "Score", t: t).render()
        #expect(html.contains(#"role="img""#))
        #expect(html.contains("<th scope=\"row\">AL</th><td class=\"num\">45.4</td>"))
        #expect(html.contains("<th scope=\"row\">XK</th><td class=\"num\">no data</td>"))
        // a bar of 45.36 on a 0–100 scale over 360 px is 163.296 px, drawn rounded to 0.1
        #expect(html.contains(#"width="163.3""#))
    }
}
