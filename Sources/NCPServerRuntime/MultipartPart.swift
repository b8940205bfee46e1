import Foundation

/// One part of a `multipart/form-data` body.
struct MultipartPart: Sendable {
    var name: String
    var filename: String?
    var contentType: String?
    var data: Data

    /// The boundary a `Content-Type` names.
    static func boundary(in contentType: String) -> String? {
        guard let range = contentType.range(of: "boundary=") else { return nil }
        var value = contentType[range.upperBound...].prefix { $0 != ";" }
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
        return value.isEmpty ? nil : String(value)
    }

    /// The parts between the boundaries; a part without a name is skipped.
    static func parse(_ body: Data, boundary: String) -> [MultipartPart] {
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var parts: [MultipartPart] = []
        var cursor = body.startIndex
        guard let first = body.range(of: delimiter, in: cursor..<body.endIndex) else { return [] }
        cursor = first.upperBound
        while cursor < body.endIndex {
            // "--" after a delimiter ends the body.
            if body[cursor...].starts(with: Data("--".utf8)) { break }
            guard let headersRange = body.range(of: headerEnd, in: cursor..<body.endIndex),
                  let next = body.range(of: delimiter, in: headersRange.upperBound..<body.endIndex) else { break }
            let headers = String(decoding: body[cursor..<headersRange.lowerBound], as: UTF8.self)
            var contentEnd = next.lowerBound
            if contentEnd - headersRange.upperBound >= 2, body[contentEnd - 2] == 13, body[contentEnd - 1] == 10 { contentEnd -= 2 }
            if let part = part(headers: headers, data: Data(body[headersRange.upperBound..<contentEnd])) { parts.append(part) }
            cursor = next.upperBound
        }
        return parts
    }

    private static func part(headers: String, data: Data) -> MultipartPart? {
        var name: String?
        var filename: String?
        var contentType: String?
        for line in headers.split(whereSeparator: \.isNewline) {
            let lower = line.lowercased()
            if lower.hasPrefix("content-disposition:") {
                name = quoted("name", in: String(line))
                filename = quoted("filename", in: String(line))
            } else if lower.hasPrefix("content-type:") {
                contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
            }
        }
        return name.map { MultipartPart(name: $0, filename: filename, contentType: contentType, data: data) }
    }

    /// `value` of `key="value"` in a header line (the key as a whole word).
    private static func quoted(_ key: String, in line: String) -> String? {
        var search = line[...]
        while let range = search.range(of: key + "=\"") {
            let before = range.lowerBound == line.startIndex ? " " : line[line.index(before: range.lowerBound)]
            if before == " " || before == ";" {
                let rest = line[range.upperBound...]
                return rest.firstIndex(of: "\"").map { String(rest[..<$0]).removingPercentEncoding ?? String(rest[..<$0]) }
            }
            search = line[range.upperBound...]
        }
        return nil
    }
}
