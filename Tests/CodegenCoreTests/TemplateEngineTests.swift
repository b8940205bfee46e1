@testable import CodegenCore
import Testing

/// The template engine against the Mustache specification's rules (and swift-mustache's content-type tag, which
/// the built-in templates use): the generated goldens hold it to our own templates, these to anyone's.
@Suite struct TemplateEngineTests {
    /// A model made of dictionaries: text, flags, nested objects and lists.
    struct Model: TemplateObject {
        var members: [String: TemplateValue]
        func value(named key: String) -> TemplateValue? { members[key] }
    }

    func render(_ template: String, _ members: [String: TemplateValue] = [:], partials: [String: String] = [:]) throws -> String {
        var library = TemplateLibrary()
        library.templates["t"] = try TemplateParser.parse(template)
        for (name, text) in partials { library.templates[name] = try TemplateParser.parse(text) }
        return try #require(library.render(Model(members: members), template: "t"))
    }

    func items(_ names: String...) -> TemplateValue {
        .list(names.map { Model(members: ["name": .text($0)]) })
    }

    @Test func variablesEscapeForHTMLUnlessTripleOrAmpersandOrTextContent() throws {
        let members: [String: TemplateValue] = ["x": .text("<a & \"b\" 'c'>")]
        #expect(try render("{{x}}", members) == "&lt;a &amp; &quot;b&quot; &#39;c&#39;&gt;")
        #expect(try render("{{{x}}}|{{&x}}", members) == "<a & \"b\" 'c'>|<a & \"b\" 'c'>")
        #expect(try render("{{% CONTENT_TYPE: TEXT}}\n{{x}}", members) == "<a & \"b\" 'c'>")
        #expect(try render("{{ x }}", ["x": .text("spaced")]) == "spaced")
    }

    @Test func aPartialStartsInTheDefaultContentType() throws {
        let text = try render("{{% CONTENT_TYPE: TEXT}}\n{{x}}|{{> p}}", ["x": .text("<")], partials: ["p": "{{x}}"])
        #expect(text == "<|&lt;")
    }

    @Test func missingNamesAndAbsentValuesPrintNothing() throws {
        #expect(try render("[{{nothing}}|{{gone}}]", ["gone": .absent]) == "[|]")
        #expect(try render("{{yes}} {{no}}", ["yes": .flag(true), "no": .flag(false)]) == "true false")
    }

    @Test func sectionsOpenOnTruthAndOncePerElement() throws {
        let members: [String: TemplateValue] = ["yes": .flag(true), "no": .flag(false), "items": items("a", "b"), "none": .list([Model]())]
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#items}}<{{name}}>{{/items}}{{#none}}E{{/none}}", members) == "Y<a><b>")
        #expect(try render("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^items}}I{{/items}}{{^none}}E{{/none}}{{^missing}}M{{/missing}}", members) == "NEM")
        #expect(try render("{{#t}}[{{.}}]{{/t}}{{^t}}no{{/t}}", ["t": .text("x")]) == "[x]")
    }

    @Test func lookUpsClimbToEnclosingValuesButNotPastAnAbsence() throws {
        let inner = Model(members: ["own": .text("in"), "shadowed": .absent])
        let members: [String: TemplateValue] = ["inner": .object(inner), "outer": .text("out"), "shadowed": .text("visible")]
        #expect(try render("{{#inner}}{{own}} {{outer}} [{{shadowed}}]{{/inner}}", members) == "in out []")
        // `.name` is the current value's member only; `a.b` finds `a` anywhere, then its `b`.
        #expect(try render("{{#inner}}[{{.outer}}]{{/inner}}", members) == "[]")
        #expect(try render("{{inner.own}}|{{inner.nothing}}|{{nothing.own}}", members) == "in||")
    }

    @Test func aLineHoldingOnlyAStandaloneTagLeavesNothingBehind() throws {
        let members: [String: TemplateValue] = ["items": items("a", "b")]
        let template = "begin\n  {{#items}}\n  - {{name}}\n  {{/items}}\n  {{! a comment }}\nend\n"
        #expect(try render(template, members) == "begin\n  - a\n  - b\nend\n")
        // Inline tags keep their line and its spacing.
        #expect(try render(" {{#items}}{{name}}{{/items}} \n", members) == " ab \n")
        #expect(try render("x {{! note }} y", members) == "x  y")
        // The last line may end without a newline; CRLF lines are lines too.
        #expect(try render("a\r\n{{#items}}\r\n{{name}}\r\n{{/items}}", members) == "a\r\na\r\nb\r\n")
    }

    @Test func aStandalonePartialIsIndentedAsItsLineWas() throws {
        let text = try render("list:\n    {{> p}}\nend\n", ["items": items("a", "b")], partials: ["p": "{{#items}}\n- {{name}}\n{{/items}}\n"])
        #expect(text == "list:\n    - a\n    - b\nend\n")
        #expect(try render("[{{> p}}]", partials: ["p": "inline"]) == "[inline]")
        let crlf = try render("  {{> p}}\r\nend", ["items": items("a", "b")], partials: ["p": "{{#items}}\r\n{{name}}\r\n{{/items}}"])
        #expect(crlf == "  a\r\n  b\r\nend")
    }

    @Test func delimitersCanBeChanged() throws {
        let text = try render("{{=<% %>=}}\n<% x %> {{x}} <%={{ }}=%>{{x}}", ["x": .text("v")])
        #expect(text == "v {{x}} v")
    }

    @Test func brokenTemplatesSayWhereAndWhy() {
        func problem(_ template: String) -> TemplateSyntaxError? {
            do {
                _ = try TemplateParser.parse(template)
                return nil
            } catch {
                return error
            }
        }
        #expect(problem("a\n  {{#open}}\nnever closed") == TemplateSyntaxError(message: "'{{#open}}' is never closed", line: 2, column: 3))
        #expect(problem("{{#a}}{{/b}}")?.message == "'{{/b}}' closes '{{#a}}'")
        #expect(problem("{{/a}}")?.message == "'{{/a}}' closes a section that was never opened")
        #expect(problem("x\n  {{name") == TemplateSyntaxError(message: "the tag is never closed with '}}'", line: 2, column: 3))
        #expect(problem("{{uppercased(name)}}")?.message.contains("transforms are not supported") == true)
        #expect(problem("{{<parent}}{{/parent}}")?.message.contains("inheritance") == true)
        #expect(problem("{{% CONTENT_TYPE: JSON}}")?.message == "'JSON' is not a content type: TEXT or HTML")
        #expect(problem("{{a b}}")?.message.contains("is not a name") == true)
        #expect(problem("{{! unclosed") != nil)
        #expect(problem("{{= <% =}}") != nil)
    }

    @Test func aTemplateSetReportsEveryProblemAtOnce() throws {
        var sources = try TemplateSet.builtIn().sources
        sources["models"] = "{{> nowhere}}"
        sources["enums"] = "{{#a}}"
        sources["waiters"] = nil
        let set = TemplateSet(sources: sources, origin: "T")
        guard case .failure(let error) = set.parsed else {
            Issue.record("broken templates parsed")
            return
        }
        #expect(error.description.split(separator: "\n") == [
            "error: T/enums.mustache:1:1: '{{#a}}' is never closed",
            "error: T/models.mustache: the partial 'nowhere' has no template 'nowhere.mustache'",
            "error: T: the template 'waiters.mustache' is missing",
        ])
    }

    @Test func partialsThatIncludeEachOtherAreRefusedInsteadOfRecursingWithoutEnd() throws {
        var sources = try TemplateSet.builtIn().sources
        sources["checks"] = "{{#checks}}{{> loop}}{{/checks}}"
        sources["loop"] = "{{> checks}}"
        guard case .failure(let error) = TemplateSet(sources: sources, origin: "T").parsed else {
            Issue.record("recursive partials parsed")
            return
        }
        #expect(error.description == "error: T/checks.mustache: the partials include each other without end: checks → loop → checks")
    }
}
