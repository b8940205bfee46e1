public import Foundation

/// Where the built-in Mustache templates live once the package is built.
///
/// The templates themselves are the `.mustache` files in `Templates/swift/`; this file only
/// exposes their resource bundle so the generator works from any directory.
public enum BuiltInTemplates {
    /// The directory that holds the built-in `.mustache` files.
    public static var directory: URL? {
        Bundle.module.url(forResource: "swift", withExtension: nil)
    }
}
