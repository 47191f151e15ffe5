import Foundation

/// A problem in an import file, naming the file, where in it (a CSV line or a JSON case number) and the column
/// or field at fault, as in `import.csv line 7, column incident_first: '2026-13-01' is not a date like 2026-10-02`.
public struct ImportError: PhrasedError, Equatable, Sendable {
    public var file: String
    /// Where in the file: `line 7` for CSV, `case 3` for JSON; nil for the file as a whole.
    public var location: Phrase?
    /// The column (CSV) or field (JSON) at fault, when one is.
    public var column: String?
    public var problem: Phrase

    public init(file: String, location: Phrase? = nil, column: String? = nil, problem: Phrase) {
        self.file = file
        self.location = location
        self.column = column
        self.problem = problem
    }

    public var phrase: Phrase {
        let file: Phrase = location.map { .key("import.place", ["file": .text(self.file), "location": $0]) } ?? .text(self.file)
        let place: Phrase = column.map { .key("error.import.column", ["place": file, "column": .text($0)]) } ?? file
        return .key("error.import", ["place": place, "problem": .clause(problem)])
    }
}
