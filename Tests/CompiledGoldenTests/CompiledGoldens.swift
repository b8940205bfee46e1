/// This target exists to depend on every golden under `Tests/Snippets` and `Tests/Corpus` (see `Package.swift`):
/// `swift test` then compiles each as a module of its own, and `.ci/run` fails on any error or warning in them.
/// What the goldens must contain is checked by `SnippetTests` and `CorpusTests` in `CodegenCoreTests`.
enum CompiledGoldens {}
