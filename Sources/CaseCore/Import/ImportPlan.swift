import Foundation

/// The cases an import file holds, each with its fingerprint, ready to be checked and then added in one transaction.
public struct ImportPlan: Sendable {
    public struct Item: Sendable {
        /// What identifies the case across imports: `ref:` and the file's own reference when it gives one, else
        /// the normalised content. The store keeps only a keyed hash of it.
        public var fingerprint: String
        public var intake: CaseIntake
        /// Where the case is in the file: `line 7` or `case 3` (``ImportPlan/line(_:)``, ``ImportPlan/case(_:)``).
        public var location: Phrase

        public init(fingerprint: String, intake: CaseIntake, location: Phrase) {
            self.fingerprint = fingerprint
            self.intake = intake
            self.location = location
        }
    }

    public enum Source: String, Sendable { case csv, json }

    /// `line 7` of a CSV file.
    public static func line(_ number: Int) -> Phrase { .key("import.line", ["line": .text(String(number))]) }
    /// `case 3` of a JSON file.
    public static func `case`(_ number: Int) -> Phrase { .key("import.case", ["number": .text(String(number))]) }

    public var file: String
    public var source: Source
    public var items: [Item]

    public init(file: String, source: Source, items: [Item]) {
        self.file = file
        self.source = source
        self.items = items
    }

    /// Checks every case exactly as the store will create it (intake rules, taxonomy, workflow replay) and throws
    /// the first problem as an ``ImportError`` naming where it is. Nothing is written.
    public func validate(evaluator: CaseEvaluator, now: Date) throws {
        for item in items {
            do {
                try evaluator.validateLanguage(item.intake.language?.lowercased())
                var trial = try item.intake.makeCase(
                    id: CaseID(year: 2000, number: 1), now: now, pseudonym: "Import Check", taxonomy: evaluator.taxonomy)
                try item.intake.replayHistory(on: &trial, by: "import", now: now, taxonomy: evaluator.taxonomy) { ratings, current in
                    var scored = current
                    scored.assessment = ratings
                    return evaluator.evaluate(scored, otherOpenCases: 0).score
                }
            } catch let error as CaseError {
                throw self.error(error, at: item.location)
            }
        }
    }

    /// An ``ImportError`` for a validation error at `location`, naming the column or field it is about.
    public func error(_ error: CaseError, at location: Phrase) -> ImportError {
        let column = ImportColumn.blamed(by: error)
        let problem = Phrase.clause(error.phrase)
        switch source {
        case .csv:
            return ImportError(file: file, location: location, column: column?.rawValue, problem: problem)
        case .json:
            return ImportError(file: file, location: column.map { .key("import.field", ["place": location, "field": .text($0.jsonField)]) } ?? location,
                               problem: problem)
        }
    }
}
