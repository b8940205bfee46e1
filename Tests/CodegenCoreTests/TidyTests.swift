@testable import CodegenCore
import Testing

/// The whitespace pass every rendered file goes through.
@Suite struct TidyTests {
    @Test func trailingSpacesGoAndBlankRunsFoldToOne() {
        #expect(Renderer.tidy("let a = 1   \n\n\n\nlet b = 2  \n") == "let a = 1\n\nlet b = 2\n")
    }

    @Test func noBlankLineAtTheStartOrBeforeAClosingBrace() {
        #expect(Renderer.tidy("\n\n  \nstruct A {\n    let a: Int\n\n    \n}\n") == "struct A {\n    let a: Int\n}\n")
    }

    @Test func aBraceWithMoreOnTheLineKeepsTheBlankLineBeforeIt() {
        #expect(Renderer.tidy("let a = 1\n\n} else {\n") == "let a = 1\n\n} else {\n")
    }

    @Test func exactlyOneFinalNewline() {
        #expect(Renderer.tidy("let a = 1") == "let a = 1\n")
        #expect(Renderer.tidy("let a = 1\n\n\n   \n") == "let a = 1\n")
        #expect(Renderer.tidy("") == "")
        #expect(Renderer.tidy(" \n\n") == "")
    }

    @Test func nonASCIITextPassesThroughUnchanged() {
        #expect(Renderer.tidy("/// 미디어 분석 — ✓  \n}\n") == "/// 미디어 분석 — ✓\n}\n")
    }
}
