/// Choices a user makes about the generated code.
public struct GeneratorOptions: Sendable, Equatable {
    /// The access level of everything generated.
    public enum AccessLevel: String, Sendable, CaseIterable {
        case `public`, package, `internal`
    }

    /// `public` by default, so the client can be a library product.
    public var accessLevel: AccessLevel
    /// The client type's name; `<service name>Client` by default.
    public var clientName: String?
    /// Which operations to generate; all by default.
    public var operationFilter: OperationFilter?
    /// Whether, and where, to generate the client's test double.
    public var testDouble: TestDouble
    /// The module of the client a generated server side imports; nil generates none.
    public var serverClientModule: String?

    /// Where the test double goes.
    public enum TestDouble: Sendable, Equatable {
        /// No test double.
        case none
        /// Among the client's own files, in the same module.
        case sameModule
        /// In files of their own for a module that imports the client's module, named here.
        case separateModule(clientModule: String)
    }

    /// Options with the defaults.
    public init(accessLevel: AccessLevel = .public, clientName: String? = nil, operationFilter: OperationFilter? = nil,
                testDouble: TestDouble = .none, serverClientModule: String? = nil) {
        self.accessLevel = accessLevel
        self.clientName = clientName
        self.operationFilter = operationFilter
        self.testDouble = testDouble
        self.serverClientModule = serverClientModule
    }
}

/// Operations to include, by group or by id (an operation in either list is included).
public struct OperationFilter: Sendable, Equatable {
    public var groups: Set<String>
    public var operationIDs: Set<String>

    /// Includes the operations of `groups` and those named in `operationIDs`.
    public init(groups: Set<String> = [], operationIDs: Set<String> = []) {
        self.groups = groups
        self.operationIDs = operationIDs
    }

    /// Whether `operation` is generated.
    public func includes(_ operation: Operation) -> Bool {
        groups.contains(operation.group) || operationIDs.contains(operation.id)
    }
}
