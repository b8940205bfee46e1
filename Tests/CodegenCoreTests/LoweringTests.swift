@testable import CodegenCore
import Foundation
import Testing

/// The lowering decides some file-level facts from the spec directly, before any element is lowered; they must
/// agree with the elements the templates will later see.
@Suite struct LoweringTests {
    static let specs = ["spec"] + ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.packageRoot.appendingPathComponent("Tests/Snippets").path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted().map { "Tests/Snippets/" + $0 }

    @Test(arguments: specs)
    func publicImportsMatchTheLoweredSignatures(_ path: String) {
        let spec = SpecCompiler.compile(paths: [TestPaths.packageRoot.appendingPathComponent(path).path]).spec
        let model = Lowering(spec: spec, options: GeneratorOptions()).lower()
        func mentionsRuntime(_ type: String) -> Bool { type.contains("JSONValue") || type.contains("NCPDateTime") }
        let modelsUseRuntime = model.types.contains { $0.partial || $0.properties.contains { mentionsRuntime($0.type) } }
        let operationsUseRuntime = model.groups.flatMap(\.operations).contains { operation in
            operation.returnType.map(mentionsRuntime) == true || operation.parameters.contains { mentionsRuntime($0.type) }
        }
        #expect(model.modelsImportPrefix == (modelsUseRuntime ? "public " : ""))
        #expect(model.operationsImportPrefix == (operationsUseRuntime ? "public " : ""))
        // Files that declare nothing must not import publicly: the compiler warns about an unused public import.
        #expect(model.pagingImportPrefix == (model.pagers.isEmpty ? "" : "public "))
        #expect(model.waitersImportPrefix == (model.waiters.isEmpty ? "" : "public "))
    }

    @Test func bothImportFormsAreCovered() {
        // Without a spec on each side, the test above could not tell a wrong answer from a constant one.
        let models = Self.specs.map { path in
            Lowering(spec: SpecCompiler.compile(paths: [TestPaths.packageRoot.appendingPathComponent(path).path]).spec, options: GeneratorOptions()).lower()
        }
        #expect(Set(models.map(\.operationsImportPrefix)) == ["public ", ""])
        #expect(Set(models.map(\.modelsImportPrefix)) == ["public ", ""])
        #expect(Set(models.map(\.pagingImportPrefix)) == ["public ", ""])
        #expect(Set(models.map(\.waitersImportPrefix)) == ["public ", ""])
    }

    @Test func aFilteredClientDeclaresOnlyTheTypesItsOperationsReach() {
        let spec = SpecCompiler.compile(paths: [TestPaths.spec.path]).spec
        let options = GeneratorOptions(operationFilter: OperationFilter(operationIDs: ["listWorkspaces", "searchAssets"]))
        let model = Lowering(spec: spec, options: options).lower()
        let types = Set(model.types.map(\.name)), enums = Set(model.enums.map(\.name))
        // The page and its items; the search body's query, options and filter, and the enums inside them.
        #expect(types.isSuperset(of: ["WorkspacePage", "Workspace", "SearchQuery", "SearchFilter", "SearchStarted"]))
        #expect(enums == ["AssetType", "ConfidenceLevel"])
        #expect(!types.contains("Person") && !types.contains("IndexProgress"))
        #expect(types.count < spec.types.count / 4)
        let unfiltered = Lowering(spec: spec, options: GeneratorOptions()).lower()
        #expect(unfiltered.types.map(\.name).count == spec.types.count)
    }
}
