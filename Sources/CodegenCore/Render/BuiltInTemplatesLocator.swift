import CodegenTemplates
import Foundation

/// Finds the templates bundled with the generator, wherever it runs from.
enum BuiltInTemplatesLocator {
    static var directory: URL? { BuiltInTemplates.directory }
}
