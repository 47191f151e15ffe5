import Foundation

/// A problem in an import file, naming the file, where in it (a CSV line or a JSON case number) and the column
/// or field at fault, as in `import.csv line 7, column incident_first: '2026-13-01' is not a date like 2026-10-02`.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// Where in the file: `line 7` for CSV, `case 3` for JSON; nil for the file as a whole.
    public var location: String?
    /// The column (CSV) or field (JSON) at fault, when one is.
    public var column: String?
    public var problem: String

    public init(file: String, location: String? = nil, column: String? = nil, problem: String) {
        self.file = file
        self.location = location
        self.column = column
        self.problem = problem
    }

    public var description: String {
        var place = file
        if let location { place += " " + location }
        if let column { place += ", column " + column }
        var problem = problem
        while problem.hasSuffix(".") { problem.removeLast() }
        return place + ": " + problem + ". Nothing was imported."
    }
}
