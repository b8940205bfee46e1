extension SpecDiff {
    mutating func compareTypes() {
        let (removed, added, kept) = Self.match(old.types, new.types, by: \.name)
        for type in removed { add(.breaking, type.name, "the type was removed", at: new.service.location) }
        for type in added { add(.compatible, type.name, "new type", at: type.location) }
        for (before, after) in kept {
            if before.partial != after.partial {
                if after.partial {
                    add(.compatible, after.name, "new property `additionalFields`: the docs show only some of its fields", at: after.location)
                } else {
                    add(.breaking, after.name + ".additionalFields", "removed: the type is now fully documented", at: after.location)
                }
            }
            let (gone, new, both) = Self.match(before.properties, after.properties, by: SpecValidator.swiftName(of:))
            for field in gone {
                add(.breaking, "\(after.name).\(SpecValidator.swiftName(of: field))", "the property was removed", at: after.location)
            }
            for field in new {
                let symbol = "\(after.name).\(SpecValidator.swiftName(of: field))"
                if field.required && !field.nullable {
                    add(.breaking, symbol, "new required property: answers without it no longer decode, and the initialiser needs it", at: field.sourceLocation)
                } else {
                    add(.compatible, symbol, "new optional property", at: field.sourceLocation)
                }
            }
            for (was, now) in both {
                let symbol = "\(after.name).\(SpecValidator.swiftName(of: now))"
                compareType(was, now, symbol: symbol, what: "its type", optional: { !$0.required || $0.nullable })
                compareField(was, now, symbol: symbol, what: "the property")
            }
            docs(before.description, after.description, after.name, "the description", at: after.location)
        }
    }

    /// The Swift type of a field as the generated code writes it, optional or not.
    mutating func compareType(_ was: Field, _ now: Field, symbol: String, what: String, optional: (Field) -> Bool) {
        let oldType = oldSwift.name(of: was.shape) + (optional(was) ? "?" : "")
        let newType = newSwift.name(of: now.shape) + (optional(now) ? "?" : "")
        if oldType != newType {
            add(.breaking, symbol, "\(what) is now `\(newType)` (was `\(oldType)`)", at: now.sourceLocation)
        }
    }

    /// The wire name, the limits and the text of a field kept under the same Swift name.
    mutating func compareField(_ was: Field, _ now: Field, symbol: String, what: String) {
        if was.name != now.name {
            add(.compatible, symbol, "\(what) is sent and read as '\(now.name)' (was '\(was.name)'); the Swift name is kept", at: now.sourceLocation)
        }
        compareLimits(was.constraints, now.constraints, symbol: symbol, what: what, at: now.sourceLocation)
        if case .array(let oldItems) = was.shape, case .array(let newItems) = now.shape {
            compareLimits(oldItems.constraints, newItems.constraints, symbol: symbol, what: "each item of " + what, at: now.sourceLocation)
        }
        docs(was.description, now.description, symbol, "the description of \(what)", at: now.sourceLocation)
        docs(was.note ?? "", now.note ?? "", symbol, "the note on \(what)", at: now.sourceLocation)
        let defaultText = { (field: Field) in field.defaultValue.map { JSONText($0).lines.joined() } ?? "" }
        docs(defaultText(was), defaultText(now), symbol, "the documented default of \(what)", at: now.sourceLocation)
    }

    /// Limits the client checks before sending: narrower ones can refuse calls that used to pass.
    mutating func compareLimits(_ was: Constraints, _ now: Constraints, symbol: String, what: String, at location: SourceLocation) {
        func bound(_ name: String, _ before: Int64?, _ after: Int64?, lower: Bool) {
            guard before != after else { return }
            let text = { (value: Int64?) in value.map(String.init) ?? "none" }
            let narrower: Bool
            switch (before, after) {
            case (nil, _?): narrower = true
            case (_?, nil): narrower = false
            case (let b?, let a?): narrower = lower ? a > b : a < b
            default: return
            }
            if narrower {
                add(.breaking, symbol, "\(what): `\(name)` narrowed to \(text(after)) (was \(text(before))); calls that passed may now be refused", at: location)
            } else {
                add(.compatible, symbol, "\(what): `\(name)` widened to \(text(after)) (was \(text(before)))", at: location)
            }
        }
        bound("minLength", was.minLength.map(Int64.init), now.minLength.map(Int64.init), lower: true)
        bound("maxLength", was.maxLength.map(Int64.init), now.maxLength.map(Int64.init), lower: false)
        bound("minimum", was.minimum, now.minimum, lower: true)
        bound("maximum", was.maximum, now.maximum, lower: false)
        bound("minItems", was.minItems.map(Int64.init), now.minItems.map(Int64.init), lower: true)
        bound("maxItems", was.maxItems.map(Int64.init), now.maxItems.map(Int64.init), lower: false)
        switch (was.pattern, now.pattern) {
        case (nil, let pattern?): add(.breaking, symbol, "\(what) must now match `\(pattern)`", at: location)
        case (_?, nil): add(.compatible, symbol, "\(what) no longer has a pattern", at: location)
        case (let before?, let after?) where before != after:
            add(.breaking, symbol, "\(what) must now match `\(after)` (was `\(before)`)", at: location)
        default: break
        }
        let oldForbidden = Set(was.forbiddenCharacters ?? ""), newForbidden = Set(now.forbiddenCharacters ?? "")
        if !newForbidden.subtracting(oldForbidden).isEmpty {
            add(.breaking, symbol, "\(what) may no longer contain \(newForbidden.subtracting(oldForbidden).sorted().map { "'\($0)'" }.joined(separator: ", "))", at: location)
        }
        if !oldForbidden.subtracting(newForbidden).isEmpty {
            add(.compatible, symbol, "\(what) may now contain \(oldForbidden.subtracting(newForbidden).sorted().map { "'\($0)'" }.joined(separator: ", "))", at: location)
        }
        if !was.notBlank && now.notBlank { add(.breaking, symbol, "\(what) may no longer be blank", at: location) }
        if was.notBlank && !now.notBlank { add(.compatible, symbol, "\(what) may now be blank", at: location) }
    }

    mutating func compareEnums() {
        let (removed, added, kept) = Self.match(old.enums, new.enums, by: \.name)
        for type in removed { add(.breaking, type.name, "the enum was removed", at: new.service.location) }
        for type in added { add(.compatible, type.name, "new enum", at: type.location) }
        for (before, after) in kept {
            if before.open != after.open {
                add(.breaking, after.name, after.open
                    ? "now open: it gains `unknown(String)`, so an exhaustive `switch` must handle it"
                    : "now closed: `unknown(String)` is gone, and an unlisted value fails to decode", at: after.location)
            }
            let caseName = { (value: EnumValue) in SwiftTypes.caseName(value).trimmingCharacters(in: ["`"]) }
            let (gone, new, both) = Self.match(before.values, after.values, by: caseName)
            for value in gone {
                add(.breaking, "\(after.name).\(caseName(value))", "the case was removed", at: after.location)
            }
            for value in new {
                if after.open {
                    add(.compatible, "\(after.name).\(caseName(value))", "new value \(value.value) (the enum is open)", at: value.location)
                } else {
                    add(.breaking, "\(after.name).\(caseName(value))", "new value \(value.value): an exhaustive `switch` must handle it", at: value.location)
                }
            }
            for (was, now) in both {
                let symbol = "\(after.name).\(caseName(now))"
                if was.value != now.value {
                    add(.compatible, symbol, "sent and read as \(now.value) (was \(was.value)); the Swift name is kept", at: now.location)
                }
                docs(was.description, now.description, symbol, "the description", at: now.location)
            }
            docs(before.description, after.description, after.name, "the description", at: after.location)
        }
    }

    mutating func compareErrors(_ before: [ErrorCode], _ after: [ErrorCode], namespace: String) {
        let prefix = "\(namespace).\(GeneratedNames.errorNamespace(service: new.service.name))."
        let (removed, added, kept) = Self.match(before.filter { !$0.duplicate }, after.filter { !$0.duplicate }, by: \.code)
        for error in removed {
            add(.breaking, prefix + error.name, "the error code \(error.code) was removed, and its constant with it", at: new.service.location)
        }
        for error in added {
            add(.compatible, prefix + error.name, "new error code \(error.code) (HTTP \(error.status)): \(error.message)", at: error.location)
        }
        for (was, now) in kept {
            if was.name != now.name {
                add(.breaking, prefix + now.name, "the constant for \(now.code) is now `\(now.name)` (was `\(was.name)`)", at: now.location)
            }
            if was.status != now.status {
                add(.docs, prefix + now.name, "documented with HTTP \(now.status) (was \(was.status))", at: now.location)
            }
            if was.retryable != now.retryable {
                add(.compatible, prefix + now.name, now.retryable ? "now retried" : "no longer retried", at: now.location)
            }
            docs(was.message, now.message, prefix + now.name, "the message", at: now.location)
            docs(was.meaning, now.meaning, prefix + now.name, "the meaning", at: now.location)
        }
    }

    mutating func compareWaiters() {
        let method = { (waiter: Waiter) in GeneratedNames.waiterMethod(waiter.name) }
        let (removed, added, kept) = Self.match(old.waiters, new.waiters, by: method)
        for waiter in removed { add(.breaking, method(waiter), "the waiter was removed", at: new.service.location) }
        for waiter in added { add(.compatible, method(waiter), "new waiter on `\(waiter.operation)`", at: waiter.location) }
        for (was, now) in kept {
            if (was.operation, was.field, was.success, was.failure) != (now.operation, now.field, now.success, now.failure) {
                add(.compatible, method(now), "now polls `\(now.operation)` until `\(now.field)` is \(now.success.joined(separator: ", "))"
                    + (now.failure.isEmpty ? "" : " (failing on \(now.failure.joined(separator: ", ")))"), at: now.location)
            }
            docs(was.description, now.description, method(now), "the description", at: now.location)
        }
    }
}
