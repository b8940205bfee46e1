extension ImportedSpec {
    /// Properties (and an operation's arguments) whose wire names become the same Swift name, or a name the
    /// generated code takes (`validate`), get a `swiftName` of their own. Returns what was renamed, to report.
    mutating func separateSwiftNames() -> [String] {
        var messages: [String] = []
        func separate(_ fields: inout [Field], owner: String) {
            var taken: Set<String> = [GeneratedNames.inputValidationMethod]
            for index in fields.indices {
                let derived = fields[index].swiftName ?? SwiftNames.lowerCamel(fields[index].name)
                guard taken.contains(derived) else { taken.insert(derived); continue }
                var number = 2
                while taken.contains(derived + String(number)) { number += 1 }
                fields[index].swiftName = derived + String(number)
                taken.insert(derived + String(number))
                messages.append("'\(fields[index].name)' of \(owner) would be the Swift name '\(derived)', which is taken; it is '\(derived + String(number))'")
            }
        }
        for index in types.indices {
            separate(&types[index].properties, owner: "the type '\(types[index].name)'")
        }
        for index in operations.indices {
            var arguments = operations[index].parameters + (operations[index].body ?? [])
            separate(&arguments, owner: "the operation '\(operations[index].id)'")
            let count = operations[index].parameters.count
            operations[index].parameters = Array(arguments.prefix(count))
            if operations[index].body != nil { operations[index].body = Array(arguments.dropFirst(count)) }
        }
        return messages
    }

    /// Enums reachable from an answer must be open: the service may add values, and a closed enum would fail to
    /// decode them.
    mutating func openEnums(reachedFrom answerTypes: Set<String>) {
        var reached: Set<String> = []
        var pending = Array(answerTypes)
        while let name = pending.popLast() {
            guard reached.insert(name).inserted else { continue }
            for field in types.first(where: { $0.name == name })?.properties ?? [] {
                pending.append(field.type)
                pending += field.items.map(\.type)
            }
        }
        for index in enums.indices where !enums[index].open && reached.contains(enums[index].name) {
            enums[index].open = true
            enums[index].comments.append("guessed: open, since answers carry it and the service may add values")
        }
    }
}
