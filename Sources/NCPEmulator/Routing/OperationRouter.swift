import CodegenCore
import Foundation

/// Finds the operation a request is for: its method and its path under any of the service's base paths (the
/// default one and each region's or site's), with the path parameters read out.
struct OperationRouter: Sendable {
    private enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    private struct Route: Sendable {
        let operation: SpecOperation
        let segments: [Segment]
    }

    private let routes: [Route]

    init(spec: Spec) {
        let basePaths = Set([spec.service.basePath] + spec.service.endpoints.map(\.basePath))
        routes = spec.operations.flatMap { operation in
            basePaths.sorted().map { basePath in
                Route(operation: operation, segments: Self.segments(of: Service.joined(basePath: basePath, operation.path)))
            }
        }
    }

    /// The operation and its path parameters (percent-decoded) for `method` at `path`; nil when no operation
    /// has that path and method.
    func match(method: String, path: String) -> (operation: SpecOperation, parameters: [String: String])? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for route in routes where route.operation.method == method && route.segments.count == parts.count {
            var parameters: [String: String] = [:]
            var matched = true
            for (segment, part) in zip(route.segments, parts) {
                switch segment {
                case .literal(let text):
                    if (part.removingPercentEncoding ?? part) != text { matched = false }
                case .parameter(let name):
                    parameters[name] = part.removingPercentEncoding ?? part
                }
                if !matched { break }
            }
            if matched { return (route.operation, parameters) }
        }
        return nil
    }

    private static func segments(of template: String) -> [Segment] {
        template.split(separator: "/", omittingEmptySubsequences: true).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
    }
}

/// The spec's operation (Foundation has an `SpecOperation` of its own).
typealias SpecOperation = CodegenCore.Operation
