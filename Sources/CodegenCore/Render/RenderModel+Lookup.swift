// What each model answers the templates, by name: one place that says which members a template can read and
// what kind of value each is (see `TemplateValue`). A nil optional answers `.absent`, not nil, so an enclosing
// model's member of the same name can't show through.

extension RenderModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "access": text(self.access)
        case "importPrefix": text(self.importPrefix)
        case "modelsImportPrefix": text(self.modelsImportPrefix)
        case "operationsImportPrefix": text(self.operationsImportPrefix)
        case "inputsImportPrefix": text(self.inputsImportPrefix)
        case "hasOperations": flag(self.hasOperations)
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
        case "types": list(self.types)
        case "enums": list(self.enums)
        case "groups": list(self.groups)
        case "bodies": list(self.bodies)
        case "serviceErrors": list(self.serviceErrors)
        case "gatewayErrors": list(self.gatewayErrors)
        case "pagers": list(self.pagers)
        case "waiters": list(self.waiters)
        case "protocolName": text(self.protocolName)
        case "doubleName": text(self.doubleName)
        case "clientModuleImport": text(self.clientModuleImport)
        case "examplesClientModuleImport": text(self.examplesClientModuleImport)
        case "examplesImportPrefix": text(self.examplesImportPrefix)
        case "examples": list(self.examples)
        default: nil
        }
    }
}

extension PropertyModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
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
        case "optional": flag(self.optional)
        case "renamed": flag(self.renamed)
        case "docLines": lines(self.docLines)
        case "decodeKeys": text(self.decodeKeys)
        case "initDefault": text(self.initDefault)
        case "initParameter": text(self.initParameter)
        case "isLast": flag(self.isLast)
        case "sensitive": flag(self.sensitive)
        case "plainName": text(self.plainName)
        default: nil
        }
    }
}

extension TypeModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "access": text(self.access)
        case "name": text(self.name)
        case "docLines": lines(self.docLines)
        case "properties": list(self.properties)
        case "customCoding": flag(self.customCoding)
        case "partial": flag(self.partial)
        case "hasCodingKeys": flag(self.hasCodingKeys)
        case "knownKeys": text(self.knownKeys)
        case "validation": object(self.validation)
        case "redacts": flag(self.redacts)
        case "redactedProperties": list(self.properties)
        case "redactedTypeName": text(SwiftTypes.stringLiteral(self.name))
        default: nil
        }
    }
}

extension ValidationModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "checks": list(self.checks)
        case "rules": list(self.rules)
        default: nil
        }
    }
}

extension CheckModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "value": text(self.value)
        case "field": text(self.field)
        case "arguments": text(self.arguments)
        case "eachItem": flag(self.eachItem)
        case "nested": flag(self.nested)
        case "optional": flag(self.optional)
        default: nil
        }
    }
}

extension RuleModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "function": text(self.function)
        case "pairs": text(self.pairs)
        default: nil
        }
    }
}

extension CaseModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "name": text(self.name)
        case "rawValue": text(self.rawValue)
        case "docLines": lines(self.docLines)
        default: nil
        }
    }
}

extension EnumModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "name": text(self.name)
        case "docLines": lines(self.docLines)
        case "open": flag(self.open)
        case "cases": list(self.cases)
        default: nil
        }
    }
}

extension ParameterModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "label": text(self.label)
        case "internalName": text(self.internalName)
        case "type": text(self.type)
        case "defaultValue": text(self.defaultValue)
        case "isLast": flag(self.isLast)
        case "declaration": text(self.declaration)
        default: nil
        }
    }
}

extension QueryModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "wireName": text(self.wireName)
        case "value": text(self.value)
        case "commaSeparated": flag(self.commaSeparated)
        case "repeated": flag(self.repeated)
        case "appendFunction": text(self.appendFunction)
        case "tryPrefix": text(self.tryPrefix)
        case "objectStyle": text(self.objectStyle)
        case "jsonPart": flag(self.jsonPart)
        default: nil
        }
    }
}

extension OperationModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "name": text(self.name)
        case "docLines": lines(self.docLines)
        case "deprecatedMessage": text(self.deprecatedMessage)
        case "parameters": list(self.parameters)
        case "hasParameters": flag(self.hasParameters)
        case "returnType": text(self.returnType)
        case "discardableResult": flag(self.discardableResult)
        case "validation": object(self.validation)
        case "method": text(self.method)
        case "pathExpression": text(self.pathExpression)
        case "operationID": text(self.operationID)
        case "query": list(self.query)
        case "bodyType": text(self.bodyType)
        case "bodyArguments": text(self.bodyArguments)
        case "bodyParts": list(self.bodyParts)
        case "multipartBody": flag(self.multipartBody)
        case "formBody": flag(self.formBody)
        case "binaryBodyValue": text(self.binaryBodyValue)
        case "resultType": text(self.resultType)
        case "returnsValue": flag(self.returnsValue)
        case "returnsBinary": flag(self.returnsBinary)
        case "envelopeFields": list(self.envelopeFields)
        case "hasEnvelopeFields": flag(self.hasEnvelopeFields)
        case "mutatesRequest": flag(self.mutatesRequest)
        case "headers": list(self.headers)
        case "answersLiteral": text(self.answersLiteral)
        case "inputType": text(self.inputType)
        // Asked for on most lines of the operation templates: answered here, the walk up to the root is saved.
        case "access": text(lowering.options.accessLevel.rawValue)
        case "inputProperties": list(self.inputProperties)
        case "inputRedacts": text(self.inputProperties.contains(where: \.sensitive) ? self.inputType : nil)
        case "redactedProperties": list(self.inputProperties)
        case "redactedTypeName": text(self.inputType.map(SwiftTypes.stringLiteral))
        case "partialBody": flag(self.partialBody)
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

extension ExampleModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
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

extension EnvelopeFieldModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "property": text(self.property)
        case "wireName": text(self.wireName)
        case "accessor": text(self.accessor)
        default: nil
        }
    }
}

extension GroupModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "title": text(self.title)
        case "docLines": lines(self.docLines)
        case "operations": list(self.operations)
        default: nil
        }
    }
}

extension BodyModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "name": text(self.name)
        case "operationID": text(self.operationID)
        case "properties": list(self.properties)
        case "partial": flag(self.partial)
        case "hasCodingKeys": flag(self.hasCodingKeys)
        default: nil
        }
    }
}

extension ErrorModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "access": text(self.access)
        case "name": text(self.name)
        case "code": text(self.code)
        case "statuses": text(self.statuses)
        case "message": text(self.message)
        case "docLines": lines(self.docLines)
        case "retryable": flag(self.retryable)
        default: nil
        }
    }
}

extension PagerModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "pageType": text(self.pageType)
        case "itemType": text(self.itemType)
        case "sequence": text(self.sequence)
        case "methodName": text(self.methodName)
        case "operationName": text(self.operationName)
        case "docLines": lines(self.docLines)
        case "deprecatedMessage": text(self.deprecatedMessage)
        case "parameters": list(self.parameters)
        case "hasParameters": flag(self.hasParameters)
        case "arguments": text(self.arguments)
        default: nil
        }
    }
}

extension WaiterModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "methodName": text(self.methodName)
        case "docLines": lines(self.docLines)
        case "deprecatedMessage": text(self.deprecatedMessage)
        case "parameters": list(self.parameters)
        case "arguments": text(self.arguments)
        case "operationName": text(self.operationName)
        case "operationID": text(self.operationID)
        case "resultType": text(self.resultType)
        case "field": text(self.field)
        case "wireField": text(self.wireField)
        case "describe": text(self.describe)
        case "successCases": text(self.successCases)
        case "failureCases": text(self.failureCases)
        case "needsDefault": flag(self.needsDefault)
        default: nil
        }
    }
}

extension HeaderModel: TemplateObject {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "name": text(self.name)
        case "value": text(self.value)
        default: nil
        }
    }
}
