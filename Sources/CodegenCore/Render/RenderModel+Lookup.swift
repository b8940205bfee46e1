import Mustache

// Explicit look-ups for the templates: swift-mustache otherwise falls back to `Mirror`, which cost more than
// the rest of the pipeline together. Strings answer as `RenderedText`, nil optionals as `RenderedAbsence`
// (see there).

extension RenderModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "access": text(self.access)
        case "importPrefix": text(self.importPrefix)
        case "modelsImportPrefix": text(self.modelsImportPrefix)
        case "operationsImportPrefix": text(self.operationsImportPrefix)
        case "inputsImportPrefix": text(self.inputsImportPrefix)
        case "hasOperations": self.hasOperations
        case "pagingImportPrefix": text(self.pagingImportPrefix)
        case "requestsFoundationImport": text(self.requestsFoundationImport)
        case "waitersImportPrefix": text(self.waitersImportPrefix)
        case "serviceName": text(self.serviceName)
        case "clientName": text(self.clientName)
        case "errorCatalogName": text(self.errorCatalogName)
        case "errorNamespace": text(self.errorNamespace)
        case "answersLiteral": text(self.answersLiteral)
        case "title": text(self.title)
        case "serviceErrorExample": text(self.serviceErrorExample)
        case "docLines": lines(self.docLines)
        case "defaultBaseURL": text(self.defaultBaseURL)
        case "defaultBaseURLLiteral": text(self.defaultBaseURLLiteral)
        case "legacyBaseURLs": text(self.legacyBaseURLs)
        case "rateLimitsLiteral": text(self.rateLimitsLiteral)
        case "endpointsLiteral": text(self.endpointsLiteral)
        case "defaultBasePathLiteral": text(self.defaultBasePathLiteral)
        case "serviceNameLiteral": text(self.serviceNameLiteral)
        case "serverClientModuleImport": text(self.serverClientModuleImport)
        case "invalidRequestLiteral": text(self.invalidRequestLiteral)
        case "handlerName": text(self.handlerName)
        case "serverRuntimeImportPrefix": text(self.serverRuntimeImportPrefix)
        case "serverSupportImportPrefix": text(self.serverSupportImportPrefix)
        case "authenticationLiteral": text(self.authenticationLiteral)
        case "apiKeyHeader": text(self.apiKeyHeader)
        case "invokeURL": text(self.invokeURL)
        case "types": self.types
        case "enums": self.enums
        case "groups": self.groups
        case "bodies": self.bodies
        case "serviceErrors": self.serviceErrors
        case "gatewayErrors": self.gatewayErrors
        case "pagers": self.pagers
        case "waiters": self.waiters
        case "protocolName": text(self.protocolName)
        case "doubleName": text(self.doubleName)
        case "clientModuleImport": text(self.clientModuleImport)
        case "examplesClientModuleImport": text(self.examplesClientModuleImport)
        case "examplesImportPrefix": text(self.examplesImportPrefix)
        case "examples": self.examples
        default: nil
        }
    }
}

extension PropertyModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "access": text(self.access)
        case "name": text(self.name)
        case "wireName": text(self.wireName)
        case "storage": text(self.storage)
        case "argumentName": text(self.argumentName)
        case "argumentValue": text(self.argumentValue)
        case "storageType": text(self.storageType)
        case "type": text(self.type)
        case "baseType": text(self.baseType)
        case "optional": self.optional
        case "renamed": self.renamed
        case "docLines": lines(self.docLines)
        case "decodeKeys": text(self.decodeKeys)
        case "initDefault": text(self.initDefault)
        case "initParameter": text(self.initParameter)
        case "isLast": self.isLast
        case "sensitive": self.sensitive
        case "plainName": text(self.plainName)
        default: nil
        }
    }
}

extension TypeModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "access": text(self.access)
        case "name": text(self.name)
        case "docLines": lines(self.docLines)
        case "properties": self.properties
        case "customCoding": self.customCoding
        case "partial": self.partial
        case "hasCodingKeys": self.hasCodingKeys
        case "knownKeys": text(self.knownKeys)
        case "validation": present(self.validation)
        case "redacts": self.redacts
        case "redactedProperties": self.properties
        case "redactedTypeName": text(SwiftTypes.stringLiteral(self.name))
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
        case "value": text(self.value)
        case "field": text(self.field)
        case "arguments": text(self.arguments)
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
        case "function": text(self.function)
        case "pairs": text(self.pairs)
        default: nil
        }
    }
}

extension CaseModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": text(self.name)
        case "rawValue": text(self.rawValue)
        case "docLines": lines(self.docLines)
        default: nil
        }
    }
}

extension EnumModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": text(self.name)
        case "docLines": lines(self.docLines)
        case "open": self.open
        case "cases": self.cases
        default: nil
        }
    }
}

extension ParameterModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "label": text(self.label)
        case "internalName": text(self.internalName)
        case "type": text(self.type)
        case "defaultValue": text(self.defaultValue)
        case "isLast": self.isLast
        case "declaration": text(self.declaration)
        default: nil
        }
    }
}

extension QueryModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "wireName": text(self.wireName)
        case "value": text(self.value)
        case "commaSeparated": self.commaSeparated
        case "repeated": self.repeated
        case "appendFunction": text(self.appendFunction)
        case "tryPrefix": text(self.tryPrefix)
        case "objectStyle": text(self.objectStyle)
        case "jsonPart": self.jsonPart
        default: nil
        }
    }
}

extension OperationModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": text(self.name)
        case "docLines": lines(self.docLines)
        case "deprecatedMessage": text(self.deprecatedMessage)
        case "parameters": self.parameters
        case "hasParameters": self.hasParameters
        case "returnType": text(self.returnType)
        case "discardableResult": self.discardableResult
        case "validation": present(self.validation)
        case "method": text(self.method)
        case "pathExpression": text(self.pathExpression)
        case "operationID": text(self.operationID)
        case "query": self.query
        case "bodyType": text(self.bodyType)
        case "bodyArguments": text(self.bodyArguments)
        case "bodyParts": self.bodyParts
        case "multipartBody": self.multipartBody
        case "formBody": self.formBody
        case "binaryBodyValue": text(self.binaryBodyValue)
        case "resultType": text(self.resultType)
        case "returnsValue": self.returnsValue
        case "returnsBinary": self.returnsBinary
        case "envelopeFields": self.envelopeFields
        case "hasEnvelopeFields": self.hasEnvelopeFields
        case "mutatesRequest": self.mutatesRequest
        case "headers": self.headers
        case "answersLiteral": text(self.answersLiteral)
        case "inputType": text(self.inputType)
        // Asked for on most lines of the operation templates: answered here, the walk up to the root is saved.
        case "access": text(lowering.options.accessLevel.rawValue)
        case "inputProperties": self.inputProperties
        case "inputRedacts": text(self.inputProperties.contains(where: \.sensitive) ? self.inputType : nil)
        case "redactedProperties": self.inputProperties
        case "redactedTypeName": text(self.inputType.map(SwiftTypes.stringLiteral))
        case "partialBody": self.partialBody
        case "inputArguments": text(self.inputArguments)
        case "selector": text(self.selector)
        case "serverArguments": text(self.serverArguments)
        case "serverPath": text(self.serverPath)
        case "summaryLine": text(self.summaryLine)
        case "requirementDocLines": lines(self.requirementDocLines)
        default: nil
        }
    }
}

extension ExampleModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": text(self.name)
        case "operationID": text(self.operationID)
        case "resultType": text(self.resultType)
        case "json": text(self.json)
        case "docLines": lines(self.docLines)
        default: nil
        }
    }
}

extension EnvelopeFieldModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "property": text(self.property)
        case "wireName": text(self.wireName)
        case "accessor": text(self.accessor)
        default: nil
        }
    }
}

extension GroupModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": text(self.title)
        case "docLines": lines(self.docLines)
        case "operations": self.operations
        default: nil
        }
    }
}

extension BodyModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": text(self.name)
        case "operationID": text(self.operationID)
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
        case "access": text(self.access)
        case "name": text(self.name)
        case "code": text(self.code)
        case "statuses": text(self.statuses)
        case "message": text(self.message)
        case "docLines": lines(self.docLines)
        case "retryable": self.retryable
        default: nil
        }
    }
}

extension PagerModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "pageType": text(self.pageType)
        case "itemType": text(self.itemType)
        case "sequence": text(self.sequence)
        case "methodName": text(self.methodName)
        case "operationName": text(self.operationName)
        case "docLines": lines(self.docLines)
        case "deprecatedMessage": text(self.deprecatedMessage)
        case "parameters": self.parameters
        case "hasParameters": self.hasParameters
        case "arguments": text(self.arguments)
        default: nil
        }
    }
}

extension WaiterModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "methodName": text(self.methodName)
        case "docLines": lines(self.docLines)
        case "deprecatedMessage": text(self.deprecatedMessage)
        case "parameters": self.parameters
        case "arguments": text(self.arguments)
        case "operationName": text(self.operationName)
        case "operationID": text(self.operationID)
        case "resultType": text(self.resultType)
        case "field": text(self.field)
        case "wireField": text(self.wireField)
        case "describe": text(self.describe)
        case "successCases": text(self.successCases)
        case "failureCases": text(self.failureCases)
        case "needsDefault": self.needsDefault
        default: nil
        }
    }
}

extension LoweredSection: MustacheSequence {}

extension HeaderModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": text(self.name)
        case "value": text(self.value)
        default: nil
        }
    }
}
