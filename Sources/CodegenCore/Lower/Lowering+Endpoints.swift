extension Lowering {
    /// The client's table of endpoints by site and region, in spec order; nil when the spec lists none.
    func endpointsLiteral() -> String? {
        let endpoints = spec.service.endpoints
        guard !endpoints.isEmpty else { return nil }
        let lines = endpoints.map { endpoint in
            "        NCPEndpoint(site: .\(endpoint.site), region: \(SwiftTypes.stringLiteral(endpoint.region)), "
                + "baseURL: URL(string: \(SwiftTypes.stringLiteral("https://" + endpoint.host)))!, "
                + "basePath: \(SwiftTypes.stringLiteral(Service.joined(basePath: endpoint.basePath, "")))),"
        }
        return "[\n" + lines.joined(separator: "\n") + "\n    ]"
    }
}
