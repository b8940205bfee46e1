@testable import CodegenCore
import Testing

/// `Field` keeps its constraints out of line; it must still behave as a value.
@Suite struct FieldTests {
    @Test func aCopyIsIndependentOfItsOriginal() {
        var original = Field(name: "name", shape: .primitive(.string), sourceLocation: SourceLocation(file: "f.yaml", line: 1, column: 1))
        original.constraints.maxLength = 10
        var copy = original
        copy.constraints.maxLength = 20
        copy.constraints.notBlank = true
        #expect(original.constraints.maxLength == 10 && !original.constraints.notBlank)
        #expect(copy.constraints.maxLength == 20 && copy.constraints.notBlank)
    }

    @Test func clearingEveryLimitLeavesNoConstraints() {
        var field = Field(name: "n", shape: .primitive(.int64), sourceLocation: SourceLocation(file: "f.yaml", line: 1, column: 1))
        #expect(field.constraints.isEmpty)
        field.constraints.minimum = 1
        #expect(!field.constraints.isEmpty)
        field.constraints.minimum = nil
        #expect(field.constraints == Constraints())
    }
}
