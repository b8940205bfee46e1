import Foundation

/// What a table column holds, read from its header in any of the languages and wordings NAVER's pages use
/// (`Field`, `Parameter name`, `Category`, `Item`, `필드`, `フィールド` all name a field).
enum ColumnRole: String, Sendable, CaseIterable {
    case name, type, required, description, restrictions, status, code, message, method, uri, region, endpoint, other

    /// Header words by role, lower-cased; the longest match wins, so `Parameter name` beats `Parameter`.
    static let vocabulary: [(phrase: String, role: ColumnRole)] = {
        let words: [ColumnRole: [String]] = [
            .name: ["field", "field name", "parameter", "parameter name", "category", "item", "name", "header name", "property",
                    "header", "필드", "필드명", "파라미터", "파라미터명", "파라미터 명", "항목", "헤더명", "속성", "フィールド",
                    "パラメータ", "パラメータ名", "項目", "ヘッダ名", "ヘッダー名"],
            .type: ["type", "data type", "타입", "유형", "タイプ", "型"],
            .required: ["required", "mandatory", "required status", "required?", "필수 여부", "필수여부", "필수", "必須の有無", "必須",
                        "必須有無"],
            .description: ["description", "brief description", "remarks", "설명", "비고", "説明", "備考", "classification"],
            .restrictions: ["restrictions", "restriction", "limitations", "limitation", "제약사항", "제약 사항", "制約事項", "制約"],
            .status: ["http status code", "http status", "status code", "http 상태 코드", "http 상태코드", "http ステータスコード",
                      "httpステータスコード"],
            .code: ["code", "error code", "return code", "코드", "에러 코드", "오류 코드", "コード", "エラーコード"],
            .message: ["message", "response message", "메시지", "메세지", "メッセージ"],
            .method: ["method", "메서드", "메소드", "メソッド"],
            .uri: ["uri", "request uri", "url", "path"],
            .region: ["region", "리전", "リージョン"],
            .endpoint: ["endpoint", "api url", "엔드포인트"],
        ]
        return words.flatMap { role, phrases in phrases.map { ($0, role) } }.sorted { $0.phrase.count > $1.phrase.count }
    }()

    /// The role a header cell names; `.other` for a header the vocabulary doesn't know.
    init(header: String) {
        let lower = header.lowercased().trimmed()
        self = Self.vocabulary.first { $0.phrase == lower }?.role ?? .other
    }

    /// Splits a header written as words in one line (`Parameter name Required Type Restrictions Description`,
    /// or run together as `FieldTypeRequiredDescription`) into its column names, or nil when the line is not
    /// made of column names only.
    static func splitHeader(_ line: String) -> [String]? {
        var rest = Substring(line.trimmed())
        var cells: [String] = []
        while !rest.isEmpty {
            let lower = rest.lowercased()
            guard let match = vocabulary.first(where: { lower.hasPrefix($0.phrase) && boundaryAfter(lower, $0.phrase) }) else { return nil }
            cells.append(String(rest.prefix(match.phrase.count)))
            rest = rest.dropFirst(match.phrase.count).drop { $0 == " " || $0 == "\t" }
        }
        let roles = cells.map(ColumnRole.init(header:))
        return isTableHeader(roles) ? cells : nil
    }

    /// A header phrase must end where a word ends, or where the next phrase starts with a capital or another
    /// script (headers run together in the PDF rendering: `FieldType`, `필드명필수 여부`).
    private static func boundaryAfter(_ lower: String, _ phrase: String) -> Bool {
        guard lower.count > phrase.count else { return true }
        let next = lower[lower.index(lower.startIndex, offsetBy: phrase.count)]
        return !(next.isLetter && next.isASCII && phrase.last?.isASCII == true && phrase.last?.isLetter == true)
            || vocabulary.contains { lower.dropFirst(phrase.count).hasPrefix($0.phrase) }
    }

    /// Whether roles make a table header worth reading: a field table, an error table, an endpoint table.
    static func isTableHeader(_ roles: [ColumnRole]) -> Bool {
        guard roles.count >= 2, !roles.contains(.other) else { return false }
        return roles.contains(.name) || roles.contains(.method) || roles.contains(.region)
            || (roles.contains(.code) && (roles.contains(.message) || roles.contains(.status) || roles.contains(.description)))
    }
}
