import Foundation
@testable import NCPRuntime
import Testing

@Suite struct SigningTests {
    let example = NCPCredentials(accessKey: "EXAMPLEACCESSKEY1234", secretKey: "EXAMPLESECRETKEY0123456789abcdefghijklmn")

    @Test func officialVectorFromNCPIAMAuthenticator() {
        let signature = RequestSigner.signature(method: "GET", pathAndQuery: "/cluster/kubeconfig", timestamp: "1668407407855",
                                                credentials: NCPCredentials(accessKey: "access", secretKey: "secret"))
        #expect(signature == "LTJli9+OKT2KvUXxiKslMfu5FIOmDN83avehOvgUFp0=")
    }

    @Test func communityVectorWithQuery() {
        let signature = RequestSigner.signature(method: "POST", pathAndQuery: "/vserver/v2/createServerInstances?regionCode=KR",
                                                timestamp: "1700000000000", credentials: NCPCredentials(accessKey: "AK_TEST", secretKey: "SK_TEST"))
        #expect(signature == "xBcE26XFU55BMjppdPT7ZY3oDrqoOedfPyAn3Cq4lUw=")
    }

    @Test(arguments: [
        ("GET", "/api/v1/workspaces", "asMYfD6jLJVyvAU7rNeI2KLbTeKJ7wetmx+ebUv25C4="),
        ("GET", "/api/v1/workspaces?pageNum=1&pageSize=100", "4zQT2oTvxpMQb2bQRBoOU+DLbFYycRCsuKDSrXGp03g="),
        ("GET", "/api/v1/workspaces/my-workspace/projects/1234/assets?pageNum=1&pageSize=100", "qBcJNyVzu1/gdG1sogPA5O8ciQ+DnwE0UTGI1EPSWNg="),
        ("POST", "/api/v1/workspaces/my-workspace/assets/search", "eUcoSCJN4uOhbPIKxSxgDFTcmG0dZFes7x0KbY5fvP8="),
        ("POST", "/api/v1/query-assets/uploads/presigned-url", "BW0cL5JdLIIH/9Cx9wPIY/dJ+dI8AhKJf7zckgGieJg="),
    ])
    func mediaIntelligenceVectors(method: String, target: String, expected: String) {
        #expect(RequestSigner.signature(method: method, pathAndQuery: target, timestamp: "1735689600000", credentials: example) == expected)
    }

    /// The request builder must produce exactly the percent-encoded target of the reference's non-ASCII vector.
    @Test func nonASCIIQueryIsSignedAsSentOnTheWire() {
        var request = NCPRequest(operationID: "listPersons", method: .get, path: "/api/v1/workspaces/my-workspace/persons")
        request.appendQuery("pageNum", 1)
        request.appendQuery("pageSize", 10)
        request.appendQuery("name", "홍길동")
        request.appendCommaSeparatedQuery("tagIdList", [100, 200])
        #expect(request.pathAndQuery == "/api/v1/workspaces/my-workspace/persons?pageNum=1&pageSize=10&name=%ED%99%8D%EA%B8%B8%EB%8F%99&tagIdList=100,200")
        let signature = RequestSigner.signature(method: "GET", pathAndQuery: request.pathAndQuery, timestamp: "1735689600000", credentials: example)
        #expect(signature == "0kc2iQF7IZ1mSMaVAHwp78tEZVSZPWIQx22Va0xoDJo=")
    }

    @Test func rawUTF8VectorDiffersFromTheEncodedOne() {
        let raw = "/api/v1/workspaces/my-workspace/persons?pageNum=1&pageSize=10&name=홍길동&tagIdList=100,200"
        #expect(RequestSigner.signature(method: "GET", pathAndQuery: raw, timestamp: "1735689600000", credentials: example) == "KwDX7t6PZOYRCdFPwsCLlWP9U/6ebrfQdXlYuhvtPeI=")
    }

    @Test func headersCarryMillisecondTimestampAndMatchingSignature() {
        let date = Date(timeIntervalSince1970: 1_735_689_600.123_9)
        let headers = Dictionary(uniqueKeysWithValues: RequestSigner.headers(method: "GET", pathAndQuery: "/api/v1/workspaces", date: date, credentials: example).map { ($0.name, $0.value) })
        #expect(headers["x-ncp-apigw-timestamp"] == "1735689600123")
        #expect(headers["x-ncp-iam-access-key"] == "EXAMPLEACCESSKEY1234")
        #expect(headers["x-ncp-apigw-signature-v2"] == RequestSigner.signature(method: "GET", pathAndQuery: "/api/v1/workspaces", timestamp: "1735689600123", credentials: example))
    }

    @Test func pathSegmentsCannotEscapeTheirSegment() {
        #expect(PercentEncoding.encode("a/b?c=d&e") == "a%2Fb%3Fc%3Dd%26e")
        #expect(PercentEncoding.encode("my-workspace_1.x~") == "my-workspace_1.x~")
        #expect(PercentEncoding.encode("a b") == "a%20b")
    }
}
