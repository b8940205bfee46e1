public import Foundation

/// A NAVER Cloud site: the public cloud, the financial cloud, or the government cloud, by the names NAVER's
/// Terraform provider and `NCLOUD_SITE` use.
public enum NCPSite: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case `public`
    case fin
    case gov

    public var description: String { rawValue }
}

/// One place a service answers: a site and region, with the origin and base path there.
public struct NCPEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The site.
    public var site: NCPSite
    /// The region code, such as `KR`.
    public var region: String
    /// `https://host`, with no path.
    public var baseURL: URL
    /// The path before every operation's, such as `/api/v1-sgn`.
    public var basePath: String

    /// An endpoint.
    public init(site: NCPSite, region: String, baseURL: URL, basePath: String) {
        self.site = site
        self.region = region
        self.baseURL = baseURL
        self.basePath = basePath
    }

    /// `public KR: https://mail.apigw.ntruss.com/api/v1`.
    public var description: String { "\(site) \(region): \(baseURL.absoluteString)\(basePath)" }
}

/// Where a service answers, and the choice of one by region and site.
public struct NCPEndpoints: Sendable {
    /// The environment variables read when no region or site is given.
    public static let regionVariable = "NCLOUD_REGION"
    public static let siteVariable = "NCLOUD_SITE"

    /// The service, for messages.
    public let service: String
    /// Every endpoint, in the spec's order.
    public let all: [NCPEndpoint]

    /// The endpoints of `service`.
    public init(service: String, _ endpoints: [NCPEndpoint]) {
        self.service = service
        all = endpoints
    }

    /// The endpoint for `region` and `site`: each falls back to `NCLOUD_REGION` and `NCLOUD_SITE`, then to the
    /// public site and its first region. Throws `NCPEndpointError` naming what the service offers.
    public func endpoint(region: String? = nil, site: NCPSite? = nil,
                         environment: [String: String] = ProcessInfo.processInfo.environment) throws(NCPEndpointError) -> NCPEndpoint {
        let chosenSite: NCPSite
        if let site {
            chosenSite = site
        } else if let text = environment[Self.siteVariable].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let parsed = NCPSite(rawValue: text.lowercased()) else {
                throw NCPEndpointError(message: "\(Self.siteVariable) is '\(text)', which is not a site: use public, fin or gov")
            }
            chosenSite = parsed
        } else {
            chosenSite = .public
        }
        let onSite = all.filter { $0.site == chosenSite }
        guard !onSite.isEmpty else {
            throw NCPEndpointError(message: "\(service) has no endpoint on the \(chosenSite) site; it is served on \(offered)")
        }
        let chosenRegion = region ?? environment[Self.regionVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let chosenRegion else { return onSite[0] }
        if let match = onSite.first(where: { $0.region.caseInsensitiveCompare(chosenRegion) == .orderedSame }) { return match }
        let source = region == nil ? " (from \(Self.regionVariable))" : ""
        throw NCPEndpointError(message: "\(service) is not served in region '\(chosenRegion)'\(source) on the \(chosenSite) site; it is served on \(offered)")
    }

    /// `public (KR, SGN, JPN), gov (KR)`.
    private var offered: String {
        NCPSite.allCases.compactMap { site in
            let regions = all.filter { $0.site == site }.map(\.region)
            return regions.isEmpty ? nil : "\(site) (\(regions.joined(separator: ", ")))"
        }.joined(separator: ", ")
    }
}

/// A region or site the service isn't served in; names those it is.
public struct NCPEndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was asked for, and what the service offers.
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
