import Foundation

/// Reads an import CSV (columns in ``ImportColumn``, documented in `docs/IMPORT.md`) into an ``ImportPlan``.
/// Every value is checked here for its form (dates, yes/no, known ids); ``ImportPlan/validate(evaluator:now:)``
/// then checks each case as a whole. The first problem stops the import, naming the file, line and column.
public struct CaseCSVImport {
    public let file: String
    public let taxonomy: Taxonomy

    public init(file: String, taxonomy: Taxonomy) {
        self.file = file
        self.taxonomy = taxonomy
    }

    /// Separators accepted inside a list cell (categories, tags, several reported persons).
    static let listSeparators: Set<Character> = [";", "|"]

    public func plan(_ text: String) throws -> ImportPlan {
        let records: [CSVRecord]
        do {
            records = try CSVReader.parse(text)
        } catch let error as CSVSyntaxError {
            throw ImportError(file: file, location: "line \(error.line)", problem: .text(error.problem))
        }
        guard let headerRecord = records.first(where: { !$0.isBlank }) else {
            throw ImportError(file: file, problem: "the file is empty; the first line must name the columns")
        }
        var columns: [ImportColumn] = []
        for (index, cell) in headerRecord.fields.enumerated() {
            let trimmed = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty, index == headerRecord.fields.count - 1 { continue }
            guard let column = ImportColumn(header: trimmed) else {
                throw ImportError(file: file, location: "line \(headerRecord.line)",
                                  problem: "'\(SafeText.line(trimmed))' (field \(index + 1)) is not a known column; the columns are listed in docs/IMPORT.md")
            }
            guard !columns.contains(column) else {
                throw ImportError(file: file, location: "line \(headerRecord.line)", problem: "the column \(column.rawValue) appears twice")
            }
            columns.append(column)
        }
        for column in ImportColumn.required where !columns.contains(column) {
            throw ImportError(file: file, location: "line \(headerRecord.line)",
                              problem: "the required column \(column.rawValue) is missing")
        }
        let factorColumns = ImportColumn.factors.filter(columns.contains)
        guard factorColumns.isEmpty || factorColumns.count == ImportColumn.factors.count else {
            throw ImportError(file: file, location: "line \(headerRecord.line)",
                              problem: "give all five factor columns (frequency, severity, threat, wellbeing, power) or none")
        }

        var items: [ImportPlan.Item] = []
        for record in records where record.line > headerRecord.line && !record.isBlank {
            let extra = record.fields.dropFirst(columns.count)
            guard record.fields.count >= columns.count, extra.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw ImportError(file: file, location: "line \(record.line)",
                                  problem: "the row has \(record.fields.count) fields but the header has \(columns.count) (a missing quote or an extra comma?)")
            }
            var values: [ImportColumn: String] = [:]
            for (column, value) in zip(columns, record.fields) { values[column] = value }
            let row = Row(file: file, line: record.line, values: values, taxonomy: taxonomy)
            items.append(ImportPlan.Item(fingerprint: Self.fingerprint(values), intake: try row.intake(), location: "line \(record.line)"))
        }
        return ImportPlan(file: file, source: .csv, items: items)
    }

    /// `ref:` and the external reference when the row has one; otherwise `row:` and every non-empty cell, by column
    /// name, with line ends and runs of spaces made single spaces, so re-saving the file in a spreadsheet does not
    /// change it.
    static func fingerprint(_ values: [ImportColumn: String]) -> String {
        func normal(_ text: String) -> String {
            text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        if let ref = values[.externalRef].map(normal), !ref.isEmpty { return "ref:" + ref }
        let cells = values.filter { $0.key != .externalRef }
            .map { ($0.key.rawValue, normal($0.value)) }
            .filter { !$0.1.isEmpty }
            .sorted { $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }
        return "row:" + cells.joined(separator: "\u{1F}")
    }

    /// One data row, turned into an intake cell by cell.
    struct Row {
        let file: String
        let line: Int
        let values: [ImportColumn: String]
        let taxonomy: Taxonomy

        func fail(_ column: ImportColumn, _ problem: Phrase) -> ImportError {
            ImportError(file: file, location: "line \(line)", column: column.rawValue, problem: problem)
        }

        /// The trimmed cell, or nil when the column is absent or the cell empty.
        func text(_ column: ImportColumn) -> String? {
            guard let raw = values[column] else { return nil }
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }

        func required(_ column: ImportColumn) throws -> String {
            guard let value = text(column) else { throw fail(column, "is empty; it is required") }
            return value
        }

        func date(_ column: ImportColumn) throws -> String? {
            guard let value = text(column) else { return nil }
            guard DateText.parse(value) != nil else { throw fail(column, "'\(SafeText.line(value))' is not a date like 2026-10-02") }
            return value
        }

        func flag(_ column: ImportColumn) throws -> Bool? {
            guard let value = text(column) else { return nil }
            switch value.lowercased() {
            case "yes", "y", "true", "1", "x": return true
            case "no", "n", "false", "0": return false
            default: throw fail(column, "'\(SafeText.line(value))' is not yes or no")
            }
        }

        func list(_ column: ImportColumn) -> [String] {
            guard let value = text(column) else { return [] }
            return value.split(whereSeparator: { CaseCSVImport.listSeparators.contains($0) })
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
        }

        /// A list of taxonomy ids; names (any case) are accepted and turned into ids.
        func ids(_ column: ImportColumn, from entries: [Taxonomy.Entry], kind: String) throws -> [String] {
            try list(column).map { item in
                let key = item.lowercased()
                if let entry = entries.first(where: { $0.id.lowercased() == key || $0.name.lowercased() == key }) { return entry.id }
                let known = entries.map(\.id).joined(separator: ", ")
                throw fail(column, "'\(SafeText.line(item))' is not a \(kind); use one of: \(known)")
            }
        }

        func choice<T: RawRepresentable & CaseIterable>(_ column: ImportColumn, _ type: T.Type, what: String) throws -> T?
        where T.RawValue == String {
            guard let value = text(column) else { return nil }
            let key = value.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
            if let match = T.allCases.first(where: { $0.rawValue == key }) { return match }
            throw fail(column, .text("'\(SafeText.line(value))' is not \(what); use one of: " + T.allCases.map(\.rawValue).joined(separator: ", ")))
        }

        func intake() throws -> CaseIntake {
            let channel = try choice(.channel, Channel.self, what: "a channel")
            guard let channel else { throw fail(.channel, "is empty; it is required") }
            let first = try date(.incidentFirst)
            guard let first else { throw fail(.incidentFirst, "is empty; it is required") }
            let relationship = try choice(.relationship, Relationship.self, what: "a relationship")
            guard let relationship else { throw fail(.relationship, "is empty; it is required") }
            let narrative = try required(.narrative)

            let names = list(.reportedName)
            let roles = list(.reportedRole)
            let powerTexts = list(.reportedPower)
            if roles.count > names.count { throw fail(.reportedRole, "lists more roles than reported_name lists people") }
            if powerTexts.count > names.count { throw fail(.reportedPower, "lists more entries than reported_name lists people") }
            let reported = try names.enumerated().map { index, name in
                var power = PowerRelation.peer
                if index < powerTexts.count {
                    let key = powerTexts[index].lowercased().replacingOccurrences(of: " ", with: "-")
                    guard let match = PowerRelation(rawValue: key) else {
                        throw fail(.reportedPower, .text("'\(SafeText.line(powerTexts[index]))' is not a power relation; use one of: "
                            + PowerRelation.allCases.map(\.rawValue).joined(separator: ", ")))
                    }
                    power = match
                }
                return ReportedPerson(name: name, role: index < roles.count ? roles[index] : "", power: power)
            }

            var intake = CaseIntake(
                receivedAt: try date(.receivedAt), channel: channel, incidentFirst: first, incidentLast: try date(.incidentLast),
                reporter: .init(pseudonym: text(.reporterPseudonym), anonymous: try flag(.reporterAnonymous),
                                name: text(.reporterName), contact: text(.reporterContact)),
                relationship: relationship, reported: reported,
                categories: try ids(.categories, from: taxonomy.categories, kind: "category"),
                grounds: try ids(.grounds, from: taxonomy.discriminationGrounds, kind: "discrimination ground"),
                conductTags: try ids(.conductTags, from: taxonomy.conductTags, kind: "conduct tag"),
                childInvolved: try flag(.childInvolved), consentShareIdentity: try flag(.consentShareIdentity),
                narrative: narrative, supportNeeds: text(.supportNeeds))
            intake.language = text(.language)
            if intake.categories.isEmpty { throw fail(.categories, "is empty; give at least one category") }

            if let raw = text(.status) {
                guard let status = CaseStatus(loose: raw) else {
                    throw fail(.status, .text("'\(SafeText.line(raw))' is not a status; use one of: "
                        + CaseStatus.allCases.map(\.rawValue).joined(separator: ", ")))
                }
                intake.status = status
            }
            let factorTexts = ImportColumn.factors.map { ($0, text($0)) }
            let given = factorTexts.filter { $0.1 != nil }
            if !given.isEmpty {
                if let missing = factorTexts.first(where: { $0.1 == nil }) {
                    throw fail(missing.0, "is empty; rate all five factors or none")
                }
                var ratings: [Int] = []
                for (column, value) in factorTexts {
                    guard let number = Int(value!), (0...4).contains(number) else {
                        throw fail(column, "'\(SafeText.line(value!))' is not a rating from 0 to 4")
                    }
                    ratings.append(number)
                }
                intake.assessment = try FactorRatings(
                    frequency: ratings[0], severity: ratings[1], threat: ratings[2], wellbeing: ratings[3], power: ratings[4])
            }
            intake.escalationLevel = try choice(.escalationLevel, EscalationLevel.self, what: "an escalation level")
            if let reason = text(.screeningReason) {
                let key = reason.lowercased()
                guard let entry = taxonomy.screeningReasons.first(where: { $0.id.lowercased() == key || $0.name.lowercased() == key })
                        ?? (key == "other" ? Taxonomy.Entry(id: "other", name: "Other", definition: nil) : nil) else {
                    throw fail(.screeningReason, .text("'\(SafeText.line(reason))' is not a screening reason; use one of: "
                        + (taxonomy.screeningReasons.map(\.id) + ["other"]).joined(separator: ", ")))
                }
                intake.screeningReason = entry.id
            }
            intake.outcome = try choice(.outcome, Outcome.self, what: "an outcome")
            return intake
        }
    }
}
