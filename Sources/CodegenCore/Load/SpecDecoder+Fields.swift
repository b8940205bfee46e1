import Yams

extension SpecDecoder {
    /// A property, parameter or array item. `items` may be a bare type name or a full field mapping.
    func field(named name: String, at location: SourceLocation, node: Node, what: String) -> Field? {
        if case .scalar(let scalar) = node, name.isEmpty {
            return Field(name: "", shape: shape(named: scalar.string), sourceLocation: reader.location(of: node))
        }
        guard let fields = reader.mapping(node, what: what, allowed: Self.fieldKeys, required: ["type"]) else { return nil }
        let typeName = reader.string(fields["type"], key: "type") ?? Primitive.json.rawValue
        var field = Field(name: name, shape: shape(named: typeName), sourceLocation: location)
        if typeName == "array" {
            if let itemsNode = fields["items"] {
                let items = self.field(named: "", at: reader.location(of: itemsNode), node: itemsNode, what: "the items of \(what)")
                field.shape = .array(items ?? Field(name: "", shape: .primitive(.json), sourceLocation: location))
            } else {
                reader.error("\(what) is an array but has no 'items'", at: fields.location(of: "type"))
                field.shape = .array(Field(name: "", shape: .primitive(.json), sourceLocation: location))
            }
        } else if let itemsNode = fields["items"] {
            reader.error("'items' is only for arrays, and \(what) is of type '\(typeName)'", at: itemsNode)
        }
        field.required = fields["required"].flatMap { reader.bool($0, key: "required") } ?? false
        field.nullable = fields["nullable"].flatMap { reader.bool($0, key: "nullable") } ?? false
        field.defaultValue = fields["default"].flatMap { reader.value($0) }
        field.constant = fields["constant"].flatMap { reader.value($0) }
        field.description = reader.string(fields["description"], key: "description") ?? ""
        field.note = reader.string(fields["note"], key: "note")
        field.sensitive = fields["sensitive"].flatMap { reader.bool($0, key: "sensitive") } ?? false
        field.swiftName = reader.string(fields["swiftName"], key: "swiftName")
        field.wireNames = reader.strings(fields["wireNames"], key: "wireNames") ?? []
        field.location = reader.keyword(fields["in"], key: "in", allowed: ["path", "query", "header"]).flatMap(ParameterLocation.init(rawValue:))
        // A path can't leave a segment out, so path parameters are always required.
        if field.location == .path { field.required = true }
        field.style = reader.keyword(fields["style"], key: "style", allowed: Field.styles)
        var constraints = Constraints()
        constraints.minLength = fields["minLength"].flatMap { reader.integer($0, key: "minLength") }.map { Int($0) }
        constraints.maxLength = fields["maxLength"].flatMap { reader.integer($0, key: "maxLength") }.map { Int($0) }
        constraints.minimum = fields["minimum"].flatMap { reader.integer($0, key: "minimum") }
        constraints.maximum = fields["maximum"].flatMap { reader.integer($0, key: "maximum") }
        constraints.minItems = fields["minItems"].flatMap { reader.integer($0, key: "minItems") }.map { Int($0) }
        constraints.maxItems = fields["maxItems"].flatMap { reader.integer($0, key: "maxItems") }.map { Int($0) }
        constraints.pattern = reader.string(fields["pattern"], key: "pattern")
        constraints.forbiddenCharacters = reader.string(fields["forbiddenCharacters"], key: "forbiddenCharacters")
        constraints.notBlank = fields["notBlank"].flatMap { reader.bool($0, key: "notBlank") } ?? false
        field.constraints = constraints
        return field
    }

    private func shape(named name: String) -> Shape {
        if name == "array" { return .array(Field(name: "", shape: .primitive(.json), sourceLocation: .start(of: reader.file))) }
        if let primitive = Primitive(rawValue: name) { return .primitive(primitive) }
        return .reference(name)
    }
}
