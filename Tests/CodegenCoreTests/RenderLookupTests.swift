@testable import CodegenCore
import Testing

/// The templates read the render model through hand-written look-ups (for speed); a field added to a model
/// but not to its look-up would silently render as empty. Every stored field must be reachable by name.
@Suite struct RenderLookupTests {
    /// Stored fields the look-up doesn't answer. A lazily lowered model (`OperationModel`) stores its values as
    /// `$__lazy_storage_$_name` beside what it lowers them from: the operation, the lowering, the arguments and the
    /// result type.
    func unreachable(_ value: some TemplateObject) -> [String] {
        func unlazy(_ label: String) -> String {
            let lazyPrefix = "$__lazy_storage_$_"
            return label.hasPrefix(lazyPrefix) ? String(label.dropFirst(lazyPrefix.count)) : label
        }
        return Mirror(reflecting: value).children.compactMap(\.label)
            .filter { !(value is OperationModel && ["operation", "lowering", "fields", "result"].contains(unlazy($0))) }
            .map(unlazy)
            .filter { value.value(named: $0) == nil }
    }

    @Test func nilOptionalsAnswerAnAbsenceThatRendersLikeNil() throws {
        let library = TemplateLibrary(templates: ["t": try TemplateParser.parse("[{{{returnType}}}|{{#returnType}}x{{/returnType}}|{{^returnType}}none{{/returnType}}]")])
        let spec = SpecCompiler.compile(paths: [TestPaths.packageRoot.appendingPathComponent("spec").path]).spec
        let operations = Lowering(spec: spec, options: GeneratorOptions()).lower().groups.flatMap(\.operations)
        let returning = try #require(operations.first { $0.returnType != nil })
        let notReturning = try #require(operations.first { $0.returnType == nil })
        guard case .absent = notReturning.value(named: "returnType") else {
            Issue.record("a nil return type answers \(String(describing: notReturning.value(named: "returnType")))")
            return
        }
        #expect(library.render(notReturning, template: "t") == "[||none]")
        #expect(library.render(returning, template: "t") == "[\(returning.returnType!)|x|]")
    }

    @Test func anAbsentValueDoesNotFallBackToAnEnclosingObject() throws {
        // `name` is nil on the inner object; the outer one's must not show through.
        struct Outer: TemplateObject { func value(named key: String) -> TemplateValue? { key == "inner" ? .object(Inner()) : key == "name" ? .text("outer") : nil } }
        struct Inner: TemplateObject { func value(named key: String) -> TemplateValue? { key == "name" ? text(String?.none) : nil } }
        let library = TemplateLibrary(templates: ["t": try TemplateParser.parse("{{#inner}}[{{name}}]{{/inner}}")])
        #expect(library.render(Outer(), template: "t") == "[]")
    }

    @Test func everyModelFieldIsReachable() {
        let spec = SpecCompiler.compile(paths: [TestPaths.packageRoot.appendingPathComponent("Tests/Snippets/kitchen-sink.yaml").path]).spec
        let model = Lowering(spec: spec, options: GeneratorOptions()).lower()
        var missing = unreachable(model)
        for type in model.types {
            missing += unreachable(type)
            type.properties.forEach { missing += unreachable($0) }
            if let validation = type.validation {
                missing += unreachable(validation)
                validation.checks.forEach { missing += unreachable($0) }
                validation.rules.forEach { missing += unreachable($0) }
            }
        }
        for enumType in model.enums {
            missing += unreachable(enumType)
            enumType.cases.forEach { missing += unreachable($0) }
        }
        for group in model.groups {
            missing += unreachable(group)
            for operation in group.operations {
                missing += unreachable(operation)
                operation.parameters.forEach { missing += unreachable($0) }
                operation.query.forEach { missing += unreachable($0) }
                operation.envelopeFields.forEach { missing += unreachable($0) }
                operation.headers.forEach { missing += unreachable($0) }
                operation.inputProperties.forEach { missing += unreachable($0) }
            }
        }
        model.examples.forEach { missing += unreachable($0) }
        model.bodies.forEach { missing += unreachable($0) }
        model.serviceErrors.forEach { missing += unreachable($0) }
        model.pagers.forEach { missing += unreachable($0) }
        model.waiters.forEach { missing += unreachable($0) }
        #expect(missing.isEmpty, "fields without a look-up: \(Set(missing).sorted())")
        #expect(!model.groups.isEmpty && !model.pagers.isEmpty && !model.waiters.isEmpty)
    }
}
