@testable import CodegenCore
import Testing

/// The one place spec text becomes a Swift literal or a doc comment: nothing in the text may end either early.
@Suite struct SwiftTextTests {
    @Test(arguments: [("a\nb", "\"a\\nb\""), ("a\tb", "\"a\\tb\""), ("a\r\nb", "\"a\\r\\nb\""),
                      ("say \"hi\" \\ bye", "\"say \\\"hi\\\" \\\\ bye\""), ("a\u{2028}b", "\"a\\u{2028}b\""),
                      ("a\u{85}b", "\"a\\u{85}b\""), ("안녕 — plain", "\"안녕 — plain\"")])
    func literalsEscapeEverythingThatCouldEndThem(text: String, literal: String) {
        #expect(SwiftTypes.stringLiteral(text) == literal)
    }

    @Test func lineBreaksCountAsControlCharactersUnlessAllowed() {
        for text in ["a\tb", "a\nb", "a\rb"] {
            #expect(TextScan.hasControlOrSeparator(text))
            #expect(!TextScan.hasControlOrSeparator(text, allowingLineBreaks: true))
        }
        #expect(TextScan.hasControlOrSeparator("a\u{1}b", allowingLineBreaks: true))
        #expect(!TextScan.hasControlOrSeparator("가 — “quoted” é"))
    }

    @Test func commentTextNeverEndsTheComment() {
        #expect(DocText.commentSafe("one\r\ntwo\u{2028}three\tfour") == "one\ntwo\nthree four")
        #expect(DocText.lines(["a\nb", "c"]) == ["a", "b", "c"])
    }
}
