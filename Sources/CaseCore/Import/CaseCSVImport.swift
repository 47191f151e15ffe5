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
            throw ImportError(file: file, location: ImportPlan.line(error.line), problem: error.problem)
        }
        guard let headerRecord = records.first(where: { !$0.isBlank }) else {
            throw ImportError(file: file, problem: .key("import.problem.empty-file"))
        }
        var columns: [ImportColumn] = []
        for (index, cell) in headerRecord.fields.enumerated() {
            let trimmed = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty, index == headerRecord.fields.count - 1 { continue }
            guard let column = ImportColumn(header: trimmed) else {
                throw ImportError(file: file, location: ImportPlan.line(headerRecord.line),
                                  problem: .key("import.problem.unknown-column", ["text": .text(SafeText.line(trimmed)), "number": .text(String(index + 1))]))
            }
            guard !columns.contains(column) else {
                throw ImportError(file: file, location: ImportPlan.line(headerRecord.line), problem: .key("import.problem.column-twice", ["column": .text(column.rawValue)]))
            }
            columns.append(column)
        }
        for column in ImportColumn.required where !columns.contains(column) {
            throw ImportError(file: file, location: ImportPlan.line(headerRecord.line),
                              problem: .key("import.problem.column-missing", ["column": .text(column.rawValue)]))
        }
        let factorColumns = ImportColumn.factors.filter(columns.contains)
        guard factorColumns.isEmpty || factorColumns.count == ImportColumn.factors.count else {
            throw ImportError(file: file, location: ImportPlan.line(headerRecord.line),
                              problem: .key("import.problem.factor-columns"))
        }

        var items: [ImportPlan.Item] = []
        for record in records where record.line > headerRecord.line && !record.isBlank {
            let extra = record.fields.dropFirst(columns.count)
            guard record.fields.count >= columns.count, extra.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw ImportError(file: file, location: ImportPlan.line(record.line),
                                  problem: .key("import.problem.field-count", ["fields": .text(String(record.fields.count)), "columns": .text(String(columns.count))]))
            }
            var values: [ImportColumn: String] = [:]
            for (column, value) in zip(columns, record.fields) { values[column] = value }
            let row = Row(file: file, line: record.line, values: values, taxonomy: taxonomy)
            items.append(ImportPlan.Item(fingerprint: Self.fingerprint(values), intake: try row.intake(), location: ImportPlan.line(record.line)))
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
            ImportError(file: file, location: ImportPlan.line(line), column: column.rawValue, problem: problem)
        }

        /// The trimmed cell, or nil when the column is absent or the cell empty.
        func text(_ column: ImportColumn) -> String? {
            guard let raw = values[column] else { return nil }
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }

        func required(_ column: ImportColumn) throws -> String {
            guard let value = text(column) else { throw fail(column, .key("import.problem.required")) }
            return value
        }

        func date(_ column: ImportColumn) throws -> String? {
            guard let value = text(column) else { return nil }
            guard DateText.parse(value) != nil else { throw fail(column, .key("problem.not-a-date", ["text": .text(SafeText.line(value))])) }
            return value
        }

        func flag(_ column: ImportColumn) throws -> Bool? {
            guard let value = text(column) else { return nil }
            switch value.lowercased() {
            case "yes", "y", "true", "1", "x": return true
            case "no", "n", "false", "0": return false
            default: throw fail(column, .key("import.problem.not-yes-no", ["text": .text(SafeText.line(value))]))
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
                throw fail(column, .key("import.problem.not-one-of", ["text": .text(SafeText.line(item)), "what": .key(kind), "choices": .text(known)]))
            }
        }

        func choice<T: RawRepresentable & CaseIterable>(_ column: ImportColumn, _ type: T.Type, what: String) throws -> T?
        where T.RawValue == String {
            guard let value = text(column) else { return nil }
            let key = value.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
            if let match = T.allCases.first(where: { $0.rawValue == key }) { return match }
            throw fail(column, .key("import.problem.not-one-of", [
                "text": .text(SafeText.line(value)), "what": .key(what), "choices": .text(T.allCases.map(\.rawValue).joined(separator: ", "))]))
        }

        func intake() throws -> CaseIntake {
            let channel = try choice(.channel, Channel.self, what: "import.what.channel")
            guard let channel else { throw fail(.channel, .key("import.problem.required")) }
            let first = try date(.incidentFirst)
            guard let first else { throw fail(.incidentFirst, .key("import.problem.required")) }
            let relationship = try choice(.relationship, Relationship.self, what: "import.what.relationship")
            guard let relationship else { throw fail(.relationship, .key("import.problem.required")) }
            let narrative = try required(.narrative)

            let names = list(.reportedName)
            let roles = list(.reportedRole)
            let powerTexts = list(.reportedPower)
            if roles.count > names.count { throw fail(.reportedRole, .key("import.problem.more-roles")) }
            if powerTexts.count > names.count { throw fail(.reportedPower, .key("import.problem.more-powers")) }
            let reported = try names.enumerated().map { index, name in
                var power = PowerRelation.peer
                if index < powerTexts.count {
                    let key = powerTexts[index].lowercased().replacingOccurrences(of: " ", with: "-")
                    guard let match = PowerRelation(rawValue: key) else {
                        throw fail(.reportedPower, .key("import.problem.not-one-of", [
                            "text": .text(SafeText.line(powerTexts[index])), "what": .key("import.what.power"),
                            "choices": .text(PowerRelation.allCases.map(\.rawValue).joined(separator: ", "))]))
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
                categories: try ids(.categories, from: taxonomy.categories, kind: "import.what.category"),
                grounds: try ids(.grounds, from: taxonomy.discriminationGrounds, kind: "import.what.ground"),
                conductTags: try ids(.conductTags, from: taxonomy.conductTags, kind: "import.what.conduct-tag"),
                childInvolved: try flag(.childInvolved), consentShareIdentity: try flag(.consentShareIdentity),
                narrative: narrative, supportNeeds: text(.supportNeeds))
            intake.language = text(.language)
            if intake.categories.isEmpty { throw fail(.categories, .key("import.problem.no-category")) }

            if let raw = text(.status) {
                guard let status = CaseStatus(loose: raw) else {
                    throw fail(.status, .key("import.problem.not-one-of", [
                        "text": .text(SafeText.line(raw)), "what": .key("import.what.status"),
                        "choices": .text(CaseStatus.allCases.map(\.rawValue).joined(separator: ", "))]))
                }
                intake.status = status
            }
            let factorTexts = ImportColumn.factors.map { ($0, text($0)) }
            let given = factorTexts.filter { $0.1 != nil }
            if !given.isEmpty {
                if let missing = factorTexts.first(where: { $0.1 == nil }) {
                    throw fail(missing.0, .key("import.problem.rate-all"))
                }
                var ratings: [Int] = []
                for (column, value) in factorTexts {
                    guard let number = Int(value!), (0...4).contains(number) else {
                        throw fail(column, .key("import.problem.not-rating", ["text": .text(SafeText.line(value!))]))
                    }
                    ratings.append(number)
                }
                intake.assessment = try FactorRatings(
                    frequency: ratings[0], severity: ratings[1], threat: ratings[2], wellbeing: ratings[3], power: ratings[4])
            }
            intake.escalationLevel = try choice(.escalationLevel, EscalationLevel.self, what: "import.what.escalation-level")
            if let reason = text(.screeningReason) {
                let key = reason.lowercased()
                guard let entry = taxonomy.screeningReasons.first(where: { $0.id.lowercased() == key || $0.name.lowercased() == key })
                        ?? (key == "other" ? Taxonomy.Entry(id: "other", name: "Other", definition: nil) : nil) else {
                    throw fail(.screeningReason, .key("import.problem.not-one-of", [
                        "text": .text(SafeText.line(reason)), "what": .key("import.what.screening-reason"),
                        "choices": .text((taxonomy.screeningReasons.map(\.id) + ["other"]).joined(separator: ", "))]))
                }
                intake.screeningReason = entry.id
            }
            intake.outcome = try choice(.outcome, Outcome.self, what: "import.what.outcome")
            return intake
        }
    }
}
