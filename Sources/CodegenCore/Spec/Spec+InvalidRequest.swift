extension Spec {
    /// The error a request that breaks a documented limit gets when no rule names its own: the service's first
    /// 400 that reads as an invalid request (Media Intelligence's `10001`), else its first 400; nil when it lists none.
    public var invalidRequestError: ErrorCode? {
        let badRequests = errors.filter { $0.status == 400 }
        return badRequests.first { $0.name.lowercased().contains("invalid") } ?? badRequests.first
    }
}
