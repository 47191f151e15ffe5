import Foundation

/// An import that failed on one of its intakes; nothing was imported.
public struct CaseImportFailure: Error, CustomStringConvertible {
    /// Position of the intake in the batch.
    public var index: Int
    public var underlying: Error

    public var description: String { "case \(index + 1) of the import: \(underlying)" }
}
