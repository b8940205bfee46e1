import FlyingFox
import Foundation
import MailerAPI
import MediaIntelligenceLite
import NCPRuntime
import WeatherAPI

// Runs both generated clients against a server on 127.0.0.1 and prints what came back.
let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
func json(_ text: String) -> HTTPResponse {
    HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json"], body: Data(text.utf8))
}
await server.appendRoute("GET /api/v1/workspaces") { _ in
    json(#"{"code":"0","message":"success","result":{"totalCount":1,"totalPage":1,"pageNo":1,"pageSize":1000,"content":[{"workspaceName":"demo","workspaceUrl":"https://mi.apigw.ntruss.com/api/v1/workspaces/demo"}]}}"#)
}
await server.appendRoute("POST /api/v1/workspaces/demo/assets/search") { _ in
    json(#"{"code":"0","message":"success","result":{"searchId":"s-1"}}"#)
}
await server.appendRoute("GET /v2/cities/*/forecast") { request in
    let city = request.path.split(separator: "/")[2]
    // The weather API answers plain JSON: its spec declares no envelope.
    return json(#"{"city":"\#(city)","sky":"CLEAR","highCelsius":21,"issuedAt":"2026-11-21T09:00:00"}"#)
}
let serverTask = Task { try await server.run() }
try await server.waitUntilListening()
guard case .ip4(_, let port)? = await server.listeningAddress else { fatalError("no loopback address") }
let configuration = NCPClientConfiguration(baseURL: URL(string: "http://127.0.0.1:\(port)")!,
                                           credentials: StaticCredentialProvider(accessKey: "EXAMPLE", secretKey: "example-secret"))

/// Calls both generated clients and prints what came back.
func run(_ configuration: NCPClientConfiguration) async throws {
    let mediaIntelligence = MediaIntelligenceLiteClient(configuration: configuration)
    let workspaces = try await mediaIntelligence.listWorkspaces(pageNumber: 1)
    print("Media Intelligence: \(workspaces.totalCount) workspace(s): \(workspaces.content.map(\.workspaceName).joined(separator: ", "))")
    let search = try await mediaIntelligence.searchAssets(workspaceName: "demo", query: SearchQuery(textQuery: "sunset"))
    print("Media Intelligence: search started with id \(search.searchID)")

    let weather = WeatherClient(configuration: configuration)
    let forecast = try await weather.getForecast(city: "Seoul", days: 2)
    print("Weather: \(forecast.city): \(forecast.sky.rawValue), high \(forecast.highCelsius ?? 0) °C, issued \(forecast.issuedAt?.rawValue ?? "?")")
    do {
        _ = try await weather.getForecast(city: "Seoul", days: 9)
    } catch let error as NCPError where error.kind == .invalidRequest {
        print("Weather: rejected before sending: \(error.message)")
    }

    // The build plugin generated the weather client's test double too ("testDouble": true in its config): code
    // written against the protocol runs on it without a server.
    let double = WeatherClientDouble()
    double.handlers.getForecast = { input in Forecast(city: input.city, sky: .rain) }
    let api: any WeatherClientProtocol = double
    let doubled = try await api.getForecast(city: "Busan")
    guard doubled.sky == .rain, double.calls == [.getForecast(GetForecastInput(city: "Busan"))] else {
        throw NCPError(kind: .decoding, operationID: "getForecast", message: "the test double answered \(doubled), calls \(double.calls)")
    }
    print("Weather: the test double answered \(doubled.city): \(doubled.sky.rawValue), \(double.calls.count) call recorded")

    // The committed Mailer client: three generated modules, each with its own error codes, live side by side.
    print("Mailer: committed client for \(MailerClient.defaultBaseURL.host() ?? "?")")
}

var failed = false
do {
    try await run(configuration)
} catch {
    print("plugin-example failed: \(error)")
    failed = true
}
await server.stop()
serverTask.cancel()
exit(failed ? 1 : 0)
