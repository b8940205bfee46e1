import CodegenCore
import Foundation
import NCPRuntime

/// Answers any operation of any spec without state: its example when the spec has one, else a value built from
/// the documented result; a paged operation walks a fixed list of items page by page, offset by offset or cursor
/// by cursor, as its parameters ask.
struct GenericResponder: Sendable {
    let builder: ValueBuilder
    let writer: AnswerWriter
    /// How many items a paged list holds.
    static let pagedItemCount = 5

    func answer(_ operation: SpecOperation, _ request: EmulatorRequest) -> EmulatorResponse {
        if let paging = operation.paging, paging.style != .none, let itemsField = paging.items, case .reference(let typeName, _) = operation.result,
           let page = pagedResult(operation, paging: paging, itemsField: itemsField, typeName: typeName, request: request) {
            return writer.success(operation, result: page)
        }
        if let example = operation.examples.lazy.compactMap(\.response).first.map(ValueBuilder.json), !Self.isFailure(example, writer: writer, operation) {
            return writer.whole(example)
        }
        switch operation.result {
        case .none: return writer.success(operation, result: nil)
        case .undocumented: return writer.success(operation, result: .object([:]))
        case .reference(let name, _): return writer.success(operation, result: builder.value(named: name))
        case .array(let name, _): return writer.success(operation, result: .array([builder.value(named: name)]))
        case .binary:
            return EmulatorResponse(status: 200, headers: [("Content-Type", "application/octet-stream"),
                                                           ("Content-Disposition", "attachment; filename=\"emulated.bin\"")],
                                    body: Data("emulated download\n".utf8))
        }
    }

    /// An example that shows a failed envelope code is not a success answer to give back.
    private static func isFailure(_ example: JSONValue, writer: AnswerWriter, _ operation: SpecOperation) -> Bool {
        guard let envelope = writer.answers(of: operation).envelope, let codeField = envelope.code, let code = example[codeField] else { return false }
        let text: String = switch code {
        case .string(let text): text
        case .integer(let number): String(number)
        default: ""
        }
        return !envelope.success.contains(text)
    }

    private func pagedResult(_ operation: SpecOperation, paging: Paging, itemsField: String, typeName: String, request: EmulatorRequest) -> JSONValue? {
        guard case .object(var members) = builder.value(named: typeName),
              let itemsProperty = builder.types[typeName]?.properties.first(where: { $0.name == itemsField }),
              case .array(let itemField) = itemsProperty.shape else { return nil }
        let query = Dictionary(request.queryItems.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let sizeName = operation.parameters.first { ["pagesize", "size", "limit", "perpage", "maxresults", "count"].contains($0.name.lowercased()) }?.name
        let size = max(1, sizeName.flatMap { query[$0] }.flatMap(Int.init) ?? sizeName.flatMap { name in
            operation.parameters.first { $0.name == name }?.defaultValue.map(ValueBuilder.json).flatMap { if case .integer(let n) = $0 { Int(n) } else { nil } }
        } ?? 2)
        let total = Self.pagedItemCount
        let start: Int
        var pageNumber = paging.firstPage
        switch paging.style {
        case .pageNumber:
            pageNumber = paging.parameter.flatMap { query[$0] }.flatMap(Int.init) ?? paging.firstPage
            start = (pageNumber - paging.firstPage) * size
        case .offset:
            start = paging.parameter.flatMap { query[$0] }.flatMap(Int.init) ?? 0
        case .cursor:
            start = paging.parameter.flatMap { query[$0] }.flatMap(Int.init) ?? 0
        case .none:
            return nil
        }
        let range = max(0, start)..<min(total, max(0, start) + size)
        let example = operation.examples.lazy.compactMap(\.response).first.map(ValueBuilder.json)
        let template = example.flatMap { Self.firstItem(in: $0, field: itemsField) }
        members[itemsField] = .array(range.map { index in Self.numbered(template ?? builder.value(for: itemField.shape, field: itemField, seed: index + 1, depth: 1), index + 1) })
        let hasMore = range.upperBound < total
        if let field = paging.pageNumber { members[field] = .integer(Int64(pageNumber)) }
        if let field = paging.totalPages { members[field] = .integer(Int64((total + size - 1) / size)) }
        if let field = paging.totalItems { members[field] = .integer(Int64(total)) }
        if let field = paging.hasMore { members[field] = .bool(hasMore) }
        if let field = paging.nextCursor { members[field] = hasMore ? .string(String(range.upperBound)) : .null }
        return .object(members)
    }

    /// The first item of the list in an example answer, wherever the envelope puts it.
    private static func firstItem(in answer: JSONValue, field: String) -> JSONValue? {
        if case .array(let items)? = answer[field], let first = items.first { return first }
        if case .object(let members) = answer {
            for value in members.values { if let found = firstItem(in: value, field: field) { return found } }
        }
        return nil
    }

    /// Item `number` of a list made from one template: its integer and string identifiers told apart.
    private static func numbered(_ item: JSONValue, _ number: Int) -> JSONValue {
        guard case .object(var members) = item else { return item }
        for (key, value) in members where key.lowercased().hasSuffix("id") {
            switch value {
            case .integer: members[key] = .integer(Int64(number))
            case .string(let text): members[key] = .string(text + "-\(number)")
            default: break
            }
        }
        return .object(members)
    }
}
