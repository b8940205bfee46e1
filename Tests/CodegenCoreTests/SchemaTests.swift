@testable import CodegenCore
import Foundation
import Testing

/// `spec/spec.schema.json` is what editors validate against; it must accept exactly the keys the loader does.
@Suite struct SchemaTests {
    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: TestPaths.spec.appendingPathComponent("spec.schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The property names of the object schema at a path of keys.
    static func keys(_ schema: [String: Any], _ path: [String]) throws -> [String] {
        var node: Any = schema
        for key in path {
            let dictionary = try #require(node as? [String: Any], "no object at \(key) in \(path)")
            node = try #require(dictionary[key], "no \(key) in \(path)")
        }
        let properties = try #require((node as? [String: Any])?["properties"] as? [String: Any], "no properties at \(path)")
        return properties.keys.sorted()
    }

    @Test func schemaKeysMatchTheLoader() throws {
        let schema = try Self.schema()
        let pairs: [([String], [String])] = [
            ([], SpecDecoder.rootKeys),
            (["properties", "service"], SpecDecoder.serviceKeys),
            (["properties", "groups", "additionalProperties"], SpecDecoder.groupKeys),
            (["$defs", "field"], SpecDecoder.fieldKeys),
            (["properties", "types", "additionalProperties"], SpecDecoder.typeKeys),
            (["properties", "enums", "additionalProperties"], SpecDecoder.enumKeys),
            (["properties", "errors", "items"], SpecDecoder.errorKeys),
            (["properties", "operations", "additionalProperties"], SpecDecoder.operationKeys),
            (["properties", "operations", "additionalProperties", "properties", "deprecated"], SpecDecoder.deprecationKeys),
            (["$defs", "rateLimit"], SpecDecoder.rateLimitKeys),
            (["properties", "operations", "additionalProperties", "properties", "paging"], SpecDecoder.pagingKeys),
            (["properties", "operations", "additionalProperties", "properties", "body"], SpecDecoder.bodyKeys),
            (["properties", "operations", "additionalProperties", "properties", "errors"], SpecDecoder.operationErrorsKeys),
            (["properties", "waiters", "additionalProperties"], SpecDecoder.waiterKeys),
        ]
        for (path, loaderKeys) in pairs {
            #expect(try Self.keys(schema, path) == loaderKeys.sorted(), "schema and loader disagree at \(path)")
        }
    }

    @Test func schemaForbidsUnknownKeysEverywhereTheLoaderDoes() throws {
        let schema = try Self.schema()
        #expect(schema["additionalProperties"] as? Bool == false)
        let field = try #require((schema["$defs"] as? [String: Any])?["field"] as? [String: Any])
        #expect(field["additionalProperties"] as? Bool == false)
    }
}
