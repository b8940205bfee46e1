import Mustache

// Explicit look-ups for the templates: swift-mustache otherwise falls back to `Mirror`, which cost more than
// the rest of the pipeline together. A nil optional answers nil, as the `Mirror` path does.

extension RenderModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "access": self.access
        case "importPrefix": self.importPrefix
        case "modelsImportPrefix": self.modelsImportPrefix
        case "operationsImportPrefix": self.operationsImportPrefix
        case "serviceName": self.serviceName
        case "clientName": self.clientName
        case "title": self.title
        case "docLines": self.docLines
        case "defaultBaseURL": self.defaultBaseURL
        case "legacyBaseURLs": self.legacyBaseURLs
        case "types": self.types
        case "enums": self.enums
        case "groups": self.groups
        case "bodies": self.bodies
        case "serviceErrors": self.serviceErrors
        case "gatewayErrors": self.gatewayErrors
        case "pagers": self.pagers
        case "waiters": self.waiters
        default: nil
        }
    }
}

extension PropertyModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "wireName": self.wireName
        case "type": self.type
        case "baseType": self.baseType
        case "optional": self.optional
        case "renamed": self.renamed
        case "docLines": self.docLines
        case "decodeKeys": self.decodeKeys
        case "initDefault": self.initDefault
        case "isLast": self.isLast
        default: nil
        }
    }
}

extension TypeModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "docLines": self.docLines
        case "properties": self.properties
        case "customCoding": self.customCoding
        case "partial": self.partial
        case "hasCodingKeys": self.hasCodingKeys
        case "knownKeys": self.knownKeys
        case "validation": self.validation
        default: nil
        }
    }
}

extension ValidationModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "checks": self.checks
        case "rules": self.rules
        default: nil
        }
    }
}

extension CheckModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "value": self.value
        case "field": self.field
        case "arguments": self.arguments
        case "eachItem": self.eachItem
        case "nested": self.nested
        case "optional": self.optional
        default: nil
        }
    }
}

extension RuleModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "function": self.function
        case "pairs": self.pairs
        default: nil
        }
    }
}

extension CaseModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "rawValue": self.rawValue
        case "docLines": self.docLines
        default: nil
        }
    }
}

extension EnumModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "docLines": self.docLines
        case "open": self.open
        case "cases": self.cases
        default: nil
        }
    }
}

extension ParameterModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "label": self.label
        case "type": self.type
        case "defaultValue": self.defaultValue
        case "isLast": self.isLast
        default: nil
        }
    }
}

extension QueryModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "wireName": self.wireName
        case "value": self.value
        case "commaSeparated": self.commaSeparated
        default: nil
        }
    }
}

extension OperationModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "docLines": self.docLines
        case "deprecatedMessage": self.deprecatedMessage
        case "parameters": self.parameters
        case "hasParameters": self.hasParameters
        case "returnType": self.returnType
        case "discardableResult": self.discardableResult
        case "validation": self.validation
        case "method": self.method
        case "pathExpression": self.pathExpression
        case "operationID": self.operationID
        case "query": self.query
        case "bodyType": self.bodyType
        case "bodyArguments": self.bodyArguments
        case "resultType": self.resultType
        case "returnsValue": self.returnsValue
        case "envelopeFields": self.envelopeFields
        case "hasEnvelopeFields": self.hasEnvelopeFields
        case "mutatesRequest": self.mutatesRequest
        default: nil
        }
    }
}

extension EnvelopeFieldModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "property": self.property
        case "wireName": self.wireName
        case "accessor": self.accessor
        default: nil
        }
    }
}

extension GroupModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": self.title
        case "docLines": self.docLines
        case "operations": self.operations
        default: nil
        }
    }
}

extension BodyModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "operationID": self.operationID
        case "properties": self.properties
        case "partial": self.partial
        case "hasCodingKeys": self.hasCodingKeys
        default: nil
        }
    }
}

extension ErrorModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "code": self.code
        case "statuses": self.statuses
        case "message": self.message
        case "docLines": self.docLines
        case "retryable": self.retryable
        default: nil
        }
    }
}

extension PagerModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "pageType": self.pageType
        case "itemType": self.itemType
        case "itemsExpression": self.itemsExpression
        case "pageNumberExpression": self.pageNumberExpression
        case "pageCountExpression": self.pageCountExpression
        case "methodName": self.methodName
        case "operationName": self.operationName
        case "docLines": self.docLines
        case "deprecatedMessage": self.deprecatedMessage
        case "parameters": self.parameters
        case "hasParameters": self.hasParameters
        case "arguments": self.arguments
        default: nil
        }
    }
}

extension WaiterModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "methodName": self.methodName
        case "docLines": self.docLines
        case "deprecatedMessage": self.deprecatedMessage
        case "parameters": self.parameters
        case "arguments": self.arguments
        case "operationName": self.operationName
        case "operationID": self.operationID
        case "resultType": self.resultType
        case "field": self.field
        case "successCases": self.successCases
        case "failureCases": self.failureCases
        default: nil
        }
    }
}
