@testable import CodegenCore
import Foundation
import Testing

/// `ncp-codegen import` and `export`: the bridge to OpenAPI, both ways.
@Suite struct OpenAPITests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/OpenAPI")
    /// Our own documents (`.yaml`), and descriptions NAVER's API Gateway exported for its own services (`.json`, kept
    /// byte for byte as published in NaverCloudPlatform/terraform-plugin-codegen-openapi's history).
    static let documents = ["api-gateway", "cloud-outbound-mailer", "edge-cases", "global-edge", "media-intelligence-community", "request-shapes", "sens-sms"]

    /// The document named `name`, whichever form it was published in.
    static func document(_ name: String) -> String {
        let json = folder.appendingPathComponent(name + ".json").path
        return FileManager.default.fileExists(atPath: json) ? json : folder.appendingPathComponent(name + ".yaml").path
    }

    /// Imports a document into a fresh folder and compiles the spec there; returns the folder and the spec.
    static func importAndCompile(_ path: String) throws -> (URL, Spec, OpenAPIImport.Result) {
        let result = try OpenAPIImport.importDocument(at: path)
        let directory = try TestPaths.temporaryDirectory()
        for file in result.files {
            let target = directory.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: target)
        }
        let (spec, diagnostics) = SpecCompiler.compile(paths: [directory.path])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(path): \(diagnostics.map(\.description))")
        return (directory, spec, result)
    }

    @Test func everyDocumentIsListedForCompiling() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.map { ($0 as NSString).deletingPathExtension }.sorted()
        #expect(names == Self.documents)
        #expect(try GoldenFolder("OpenAPI").compiledNames(listedAs: "compiledOpenAPI") == Self.documents)
    }

    @Test(arguments: documents)
    func aDocumentImportsToASpecThatValidatesAndGeneratesItsGolden(_ name: String) throws {
        let (directory, spec, _) = try Self.importAndCompile(Self.document(name))
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(!spec.operations.isEmpty)
        let templates = try TemplateSet.load(directory: TestPaths.packageRoot.appendingPathComponent("Templates/swift").path)
        let generated = try Generator.generate(specPaths: [directory.path], templates: templates, options: GeneratorOptions(testDouble: .sameModule))
        #expect(generated.warnings.isEmpty, "\(generated.warnings)")
        try GoldenFiles.check(generated.files, against: Self.folder.appendingPathComponent(name))
    }

    @Test func naverExportsTitledOnlyApiAreNamedByTheirHostAndSignedAsTheGatewayDeclares() throws {
        for (name, service, operations) in [("api-gateway", "Apigateway", 132), ("global-edge", "Edge", 16)] {
            let (directory, spec, result) = try Self.importAndCompile(Self.document(name))
            defer { try? FileManager.default.removeItem(at: directory) }
            #expect(spec.service.name == service)
            #expect(spec.service.authentication == "ncp-apigw-signature-v2")
            #expect(spec.operations.count == operations)
            #expect(result.files.first { $0.name == "service.yaml" }?.contents.contains("comes from the server's host") == true)
        }
    }

    @Test func collidingNamesAndSelfContainingSchemasStillGiveASpecThatGenerates() throws {
        let path = TestPaths.fixtures.appendingPathComponent("openapi-hostile.yaml").path
        let (directory, spec, result) = try Self.importAndCompile(path)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.warnings.contains { $0.message.contains("contains itself and can't be a type; here it stays open JSON") })
        #expect(result.warnings.contains { $0.message.contains("'validate' of the operation 'callsOperation' would be the Swift name 'validate', which is taken") })
        #expect(spec.operations.map(\.id) == ["callsOperation"])
        #expect(spec.types.contains { $0.name == "StringModel" })
        #expect(spec.groups.map(\.key) == ["aB"])
        _ = try Generator.generate(specPaths: [directory.path], templates: TemplateSet.builtIn(), options: GeneratorOptions(testDouble: .sameModule))
    }

    @Test func importIsDeterministic() throws {
        let path = Self.folder.appendingPathComponent("edge-cases.yaml").path
        #expect(try OpenAPIImport.importDocument(at: path).files == OpenAPIImport.importDocument(at: path).files)
    }

    @Test func theNCPSignatureHeadersBecomeAuthenticationAndTheEnvelopeTheServicesAnswers() throws {
        let (directory, spec, _) = try Self.importAndCompile(Self.folder.appendingPathComponent("media-intelligence-community.yaml").path)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(spec.service.authentication == "ncp-apigw-signature-v2")
        #expect(spec.operations.allSatisfy { operation in !operation.parameters.contains { $0.name.hasPrefix("x-ncp-") } })
        let envelope = try #require(spec.service.answers?.envelope ?? nil)
        #expect(envelope.result == "result")
        #expect(envelope.code == "code")
        #expect(envelope.success == ["0"])
        #expect(spec.service.legacyHosts == ["maiu.apigw.ntruss.com"])
        // The project's status enum arrives in answers, so it is open.
        #expect(spec.enums.first { $0.name == "ProjectStatus" }?.open == true)
        if case .reference(let name, _) = spec.operations.first(where: { $0.id == "createProject" })?.result { #expect(name == "Project") } else { Issue.record("createProject has no typed result") }
    }

    @Test func whatCantBeExpressedIsReportedWithItsPointerAndLine() throws {
        let path = Self.folder.appendingPathComponent("edge-cases.yaml").path
        let warnings = try OpenAPIImport.importDocument(at: path).warnings.map { $0.description.replacingOccurrences(of: path, with: "edge-cases.yaml") }
        #expect(warnings == [
            "edge-cases.yaml:20:11: warning: cookie parameters can't be expressed; 'session' is left out (at #/paths/~1things~1{id}/get/parameters/2)",
            "edge-cases.yaml:21:70: warning: the minimum 0.5 of a number can't be expressed (limits are whole numbers on integers); it is left out (at #/paths/~1things~1{id}/get/parameters/3/schema/minimum)",
            "edge-cases.yaml:21:93: warning: 'exclusiveMaximum' can't be expressed; it is left out (at #/paths/~1things~1{id}/get/parameters/3/schema/exclusiveMaximum)",
            "edge-cases.yaml:29:7: warning: HEAD operations can't be expressed; left out (at #/paths/~1things~1{id}/head)",
            "edge-cases.yaml:31:20: warning: the operationId 'get-thing' is taken or not a Swift name; the operation is 'getThing2' (at #/paths/~1things~1{id}/put/operationId)",
            "edge-cases.yaml:36:9: warning: the error answers (404) aren't imported: list the service's codes under 'errors' (at #/paths/~1things~1{id}/put/responses)",
            "edge-cases.yaml:77:55: warning: 'name' is required, so its default can never apply; it is left out (at #/components/schemas/Named/properties/name/default)",
            "edge-cases.yaml:77:55: warning: 'name' is required, so its default can never apply; it is left out (at #/components/schemas/Thing/properties/name/default)",
            "edge-cases.yaml:77:55: warning: 'name' is required, so its default can never apply; it is left out (at #/paths/~1things~1{id}/put/requestBody/content/application~1json/schema/properties/name/default)",
            "edge-cases.yaml:86:29: warning: 'oneOf' can't be expressed; the value stays open JSON (at #/components/schemas/Thing/properties/shape/oneOf)",
            "edge-cases.yaml:96:11: warning: the schema 'Code' is not an object or a string enum, so it can't be a type; where it is used, its shape is written in place (at #/components/schemas/Code)",
        ])
        // allOf merged, 3.0 and 3.1 nulls, a nullable reference, and an inline array item named after its place.
        let (directory, spec, _) = try Self.importAndCompile(path)
        defer { try? FileManager.default.removeItem(at: directory) }
        let thing = try #require(spec.types.first { $0.name == "Thing" })
        #expect(thing.properties.map(\.name) == ["name", "size", "weight", "color", "shape", "owner", "parts", "attributes", "code"])
        #expect(thing.properties.filter(\.nullable).map(\.name) == ["size", "weight", "owner"])
        #expect(thing.properties.first { $0.name == "code" }?.constraints.pattern == "^[A-Z]{3}$")
        #expect(spec.types.contains { $0.name == "ThingPartsItem" })
        #expect(spec.operations.first { $0.id == "getThing" }?.parameters.first { $0.name == "tags" }?.style == "commaSeparated")
        // `deprecated: true` without a date is a deprecation without a removal month.
        #expect(spec.operations.first { $0.id == "getThing2" }.map { $0.deprecated != nil && $0.deprecated?.removal == nil } == true)
    }

    @Test(arguments: [
        ("not-openapi.yaml", "title: x\n", "not-openapi.yaml:1:1: error: not an OpenAPI 3 document: it has no 'openapi: 3.x' key (at #/openapi)"),
        ("swagger.yaml", "swagger: '2.0'\ninfo: { title: x }\n", "swagger.yaml:1:10: error: this is a Swagger 2.0 document; convert it to OpenAPI 3 first (for example with swagger2openapi) (at #/swagger)"),
        ("broken.yaml", "openapi: 3.0.0\npaths: { /a: [\n", "broken.yaml:3:1: error: invalid YAML:"),
        ("dangling.yaml", "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses: { '200': { $ref: '#/components/responses/Missing' } }\n",
         "dangling.yaml:5:35: error: the $ref '#/components/responses/Missing' points at nothing in the document (at #/paths/~1a/get/responses/200/$ref)"),
        ("cycle.yaml", "openapi: 3.1.0\ncomponents:\n  schemas:\n    A: { $ref: '#/components/schemas/B' }\n    B: { $ref: '#/components/schemas/A' }\n",
         "cycle.yaml:4:16: error: the $ref '#/components/schemas/B' leads back to itself through references only (at #/components/schemas/A/$ref)"),
    ])
    func aBrokenDocumentGetsALocatedErrorAndNoFiles(name: String, text: String, expected: String) throws {
        let error = #expect(throws: SpecErrors.self) { try OpenAPIImport.importDocument(SpecSource(path: name, text: text)) }
        let first = error?.diagnostics.first?.description ?? ""
        #expect(first.hasPrefix(expected), "\(first)")
    }

    @Test func aDocumentThatContradictsItselfImportsToTheMostFaithfulValidSpec() throws {
        let path = TestPaths.fixtures.appendingPathComponent("openapi-contradictions.yaml").path
        let (_, spec, result) = try Self.importAndCompile(path)
        #expect(result.warnings.map { $0.description.replacingOccurrences(of: path, with: "doc.yaml") } == [
            "doc.yaml:7:7: warning: the examples of `listThings` don't fit the schemas the document declares ('name' in the result of the example 'dangling' of 'listThings' must be a string, not an integer); they were left out",
            "doc.yaml:10:11: warning: the path parameter 'id' isn't in the path '/things'; it is sent in the query instead (at #/paths/~1things/get/parameters/0)",
        ])
        let operation = try #require(spec.operations.first)
        #expect(operation.parameters.map { "\($0.name) \($0.location?.rawValue ?? "")" } == ["id query"])
        #expect(operation.examples.isEmpty)
        #expect(result.files.contains { $0.contents.contains("# guessed: 'id' is a query parameter") })
    }

    @Test func aDocumentOverTheSizeLimitIsRefusedBeforeParsing() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("huge.yaml")
        try Data(("openapi: 3.0.0\n" + String(repeating: "# padding\n", count: 1_050_000)).utf8).write(to: file)
        let error = #expect(throws: SpecErrors.self) { try OpenAPIImport.importDocument(at: file.path) }
        #expect(error?.diagnostics.first?.description == "\(file.path):1:1: error: the document is 10 MB; documents up to 4 MB are imported")
    }

    @Test func theExportedMediaIntelligenceDocumentImportsBackToTheSameAPI() throws {
        let mediaIntelligence = SpecCompiler.compile(paths: [TestPaths.spec.path]).spec
        let document = OpenAPIExport.document(of: mediaIntelligence)
        #expect(document == OpenAPIExport.document(of: mediaIntelligence))
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("openapi.json")
        try Data(document.utf8).write(to: file)
        let (imported, spec, result) = try Self.importAndCompile(file.path)
        defer { try? FileManager.default.removeItem(at: imported) }
        #expect(result.warnings.isEmpty)
        // Same operations, types, fields and enum values, and not a word of documentation lost.
        #expect(SpecDiff.compare(old: mediaIntelligence, new: spec).map(\.description) == [])
        #expect(Set(spec.operations.map(\.id)) == Set(mediaIntelligence.operations.map(\.id)))
        #expect(Set(spec.types.map(\.name)) == Set(mediaIntelligence.types.map(\.name)))
        #expect(Set(spec.enums.map { "\($0.name):\($0.open):\($0.values.map(\.value))" }) == Set(mediaIntelligence.enums.map { "\($0.name):\($0.open):\($0.values.map(\.value))" }))
    }

    @Test func anAPIKeyServiceAtInvokeURLsWithAJSONPartExportsAndImportsBackToTheSameAPI() throws {
        let speech = SpecCompiler.compile(paths: [TestPaths.packageRoot.appendingPathComponent("Tests/NCPAPIs/clova-speech.yaml").path]).spec
        let document = OpenAPIExport.document(of: speech)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        let schemes = try #require((json["components"] as? [String: Any])?["securitySchemes"] as? [String: [String: String]])
        #expect(schemes == ["apiKey": ["type": "apiKey", "in": "header", "name": "X-CLOVASPEECH-API-KEY", "description": "The service's API key."]])
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("openapi.json")
        try Data(document.utf8).write(to: file)
        let (imported, spec, result) = try Self.importAndCompile(file.path)
        defer { try? FileManager.default.removeItem(at: imported) }
        #expect(result.warnings.isEmpty)
        #expect(spec.service.apiKeyHeader == "X-CLOVASPEECH-API-KEY" && spec.service.invokeURL == speech.service.invokeURL && spec.service.basePath == "/")
        #expect(SpecDiff.compare(old: speech, new: spec).map(\.description) == [])
    }

    @Test func theExportSaysWhatOpenAPICantInExtensions() throws {
        let document = OpenAPIExport.document(of: SpecCompiler.compile(paths: [TestPaths.spec.path]).spec)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        #expect(json["openapi"] as? String == "3.1.0")
        let paths = try #require(json["paths"] as? [String: Any])
        let operations = paths.values.compactMap { $0 as? [String: Any] }.flatMap { $0.values }.compactMap { $0 as? [String: Any] }
        #expect(operations.count == 69)
        for key in ["x-ncp-paging", "x-ncp-rate-limit", "x-ncp-deprecation", "x-ncp-errors"] {
            #expect(operations.contains { $0[key] != nil }, "no operation carries \(key)")
        }
        for key in ["x-ncp-answers", "x-ncp-waiters"] { #expect(json[key] != nil) }
        let schemas = try #require((json["components"] as? [String: Any])?["schemas"] as? [String: Any])
        #expect(schemas.values.contains { ($0 as? [String: Any])?["x-extensible-enum"] != nil })
        #expect(document.contains("\"x-ncp-wire-names\""))
        #expect(document.contains("\"x-ncp-rules\""))
    }
}
