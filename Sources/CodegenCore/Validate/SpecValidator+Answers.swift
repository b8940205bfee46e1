extension SpecValidator {
    /// What an operation's answers look like: its own keys over the service's.
    func answers(of operation: Operation) -> (envelope: AnswerShape.Envelope?, errors: [AnswerShape.ErrorForm]) {
        let own = operation.answers ?? AnswerShape(envelope: nil, errors: nil, location: operation.location)
        return own.resolved(over: spec.service.answers)
    }

    mutating func checkAnswerShapes() {
        let shapes = [(spec.service.answers, "the service")] + spec.operations.map { ($0.answers, "'\($0.id)'") }
        for case let (shape?, owner) in shapes {
            if case let envelope?? = shape.envelope {
                for (field, key) in [(envelope.result, "result"), (envelope.code, "code"), (envelope.message, "message")] where field?.isEmpty == true {
                    diagnostics.error("the envelope of \(owner) names an empty '\(key)' field", at: shape.location)
                }
            }
            for form in shape.errors ?? [] where form.code.isEmpty || form.container?.isEmpty == true || form.message?.isEmpty == true {
                diagnostics.error("an error form of \(owner) names an empty field", at: form.location)
            }
        }
        for operation in spec.operations where !operation.envelopeFields.isEmpty && answers(of: operation).envelope == nil {
            diagnostics.error("'\(operation.id)' reads 'envelopeFields' beside its result, but its answers have no envelope (declare 'answers.envelope')",
                              at: operation.location)
        }
    }
}
