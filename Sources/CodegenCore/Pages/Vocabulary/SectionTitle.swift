import Foundation

/// The sections a doc page is made of, from their titles in English, Korean and Japanese.
enum SectionTitle: String, Sendable {
    case request, requestHeaders, path, query, body, requestExample
    case response, responseBody, statusCodes, responseExample
    /// The API's base URL, or a table of endpoints per region.
    case apiURL
    /// Where an old single page names the endpoint of the operation that follows.
    case requestURL

    static let titles: [String: SectionTitle] = {
        let words: [SectionTitle: [String]] = [
            .request: ["request", "requests", "요청", "リクエスト"],
            .requestHeaders: ["request headers", "request header", "headers", "api header", "요청 헤더", "헤더 상세", "リクエストヘッダ",
                              "リクエストヘッダー"],
            .path: ["request path parameters", "request path parameter", "path parameters", "path parameter", "path variables",
                    "요청 경로 파라미터", "경로 파라미터", "リクエストパスパラメータ", "パスパラメータ"],
            .query: ["request query parameters", "request query parameter", "query parameters", "query parameter", "request parameters",
                     "request parameter", "요청 쿼리 파라미터", "쿼리 파라미터", "요청 파라미터", "リクエストクエリパラメータ",
                     "クエリパラメータ", "リクエストパラメータ"],
            .body: ["request body", "requested body", "요청 바디", "요청 본문", "リクエストボディ"],
            .requestExample: ["request example", "request examples", "요청 예시", "요청 예제", "リクエスト例", "リクエストの例"],
            .response: ["response", "응답", "レスポンス"],
            .responseBody: ["response body", "응답 바디", "응답 본문", "レスポンスボディ", "property", "properties", "response fields"],
            .statusCodes: ["response status codes", "response status code", "status codes", "error codes", "error code", "에러코드",
                           "에러 코드", "오류 코드", "응답 상태 코드", "レスポンスステータスコード", "エラーコード"],
            .responseExample: ["response example", "response examples", "응답 예시", "응답 예제", "レスポンス例", "レスポンスの例"],
            .apiURL: ["api url", "api url 상세", "api endpoint", "api url 예시", "base url"],
            .requestURL: ["request url", "요청 url", "リクエストurl"],
        ]
        var titles: [String: SectionTitle] = [:]
        for (section, phrases) in words { for phrase in phrases { titles[phrase] = section } }
        return titles
    }()

    /// The section a title names, if it is one: `Request body`, `응답 바디`, `Cloud Outbound Mailer API Endpoint`.
    init?(title: String) {
        var lower = title.lowercased().trimmed()
        while let last = lower.last, last == ":" || last == "." || last == "#" { lower.removeLast() }
        lower = lower.trimmed()
        if let section = Self.titles[lower] {
            self = section
        } else if lower.hasSuffix(" api endpoint") || lower.hasSuffix(" api url") {
            self = .apiURL
        } else {
            return nil
        }
    }

    /// Whether rows under this title describe request or response fields.
    var fieldSection: FieldSection? {
        switch self {
        case .requestHeaders: .header
        case .path: .path
        case .query: .query
        case .body: .body
        case .responseBody: .response
        default: nil
        }
    }
}

/// Which table a field row is in.
public enum FieldSection: String, Sendable, CaseIterable {
    case path = "path parameter", query = "query parameter", header = "request header", body = "body field", response = "response field"
}
