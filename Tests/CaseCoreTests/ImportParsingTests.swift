import CaseCore
import Foundation
import TestKit
import Testing

@Suite("Import files")
struct ImportParsingTests {
    static func load(_ name: String) throws -> Data { try Data(contentsOf: TestFixtures.dataDirectory.appendingPathComponent(name)) }

    static var evaluator: CaseEvaluator {
        get throws {
            try CaseEvaluator(scoring: ScoringConfiguration.load(from: load("scoring.json")), policy: Policy.load(from: load("policy.json")),
                              taxonomy: Taxonomy.load(from: load("taxonomy.json")))
        }
    }

    static let now = TestFixtures.now

    static var example: String {
        get throws { String(decoding: try load("import-example.csv"), as: UTF8.self) }
    }

    static func plan(_ text: String, file: String = "import.csv") throws -> ImportPlan {
        try CaseCSVImport(file: file, taxonomy: try evaluator.taxonomy).plan(text)
    }

    /// The example file with one cell of one data row changed (row 1 is the first data row).
    static func example(row: Int, column: ImportColumn, value: String) throws -> String {
        var records = try CSVReader.parse(try example).map(\.fields)
        let index = try #require(records[0].firstIndex(of: column.rawValue))
        records[row][index] = value
        var writer = CSVWriter(header: records[0])
        for record in records.dropFirst() { writer.append(record) }
        return writer.text
    }

    @Test("the example file reads into six valid cases with their lines, lists, flags and workflow")
    func example() throws {
        let plan = try Self.plan(try Self.example)
        #expect(plan.items.count == 6)
        #expect(plan.items.map(\.location.description) == ["line 2", "line 3", "line 6", "line 7", "line 8", "line 9"])
        try plan.validate(evaluator: try Self.evaluator, now: Self.now)
        let whistle = plan.items[1].intake
        #expect(whistle.channel == .whistleblowing && whistle.reporter.anonymous == true && whistle.childInvolved == true)
        #expect(whistle.narrative.contains("\n") && whistle.narrative.contains("\"to collect extra rations\""))
        #expect(whistle.assessment?.severity == 4 && whistle.status == .assessing)
        let referral = plan.items[3].intake
        #expect(referral.reported.map(\.name) == ["Jonas Berg", "Ruth Adler"])
        #expect(referral.reported.map(\.power) == [.senior, .peer])
        #expect(referral.categories == ["bullying", "abuse-of-authority"])
        #expect(plan.items[0].fingerprint == "ref:HR-2026-031")
        #expect(plan.items[3].fingerprint.hasPrefix("row:"))
    }

    @Test("a bad value names the file, the line and the column", arguments: [
        (2, ImportColumn.incidentFirst, "2026-13-01", "import.csv line 3, column incident_first: '2026-13-01' is not a date like 2026-10-02. Nothing was imported."),
        (1, .incidentLast, "2026-02-30", "import.csv line 2, column incident_last: '2026-02-30' is not a date like 2026-10-02. Nothing was imported."),
        (4, .channel, "fax", "import.csv line 7, column channel: 'fax' is not a channel; use one of: complaint, whistleblowing, referral, walk-in. Nothing was imported."),
        (5, .categories, "gossip", "import.csv line 8, column categories: 'gossip' is not a category; use one of: aggression-violence, bullying, discrimination, harassment, sexual-harassment, sexual-exploitation-abuse, abuse-of-authority, victimisation, vilification. Nothing was imported."),
        (6, .childInvolved, "maybe", "import.csv line 9, column child_involved: 'maybe' is not yes or no. Nothing was imported."),
        (3, .severity, "7", "import.csv line 6, column severity: '7' is not a rating from 0 to 4. Nothing was imported."),
        (6, .narrative, "  ", "import.csv line 9, column narrative: is empty; it is required. Nothing was imported."),
    ])
    func cellErrors(row: Int, column: ImportColumn, value: String, message: String) throws {
        do {
            _ = try Self.plan(try Self.example(row: row, column: column, value: value))
            Issue.record("expected an error")
        } catch let error as ImportError {
            #expect(error.description == message)
        }
    }

    @Test("whole-case rules are reported against the right line and column too")
    func caseRules() throws {
        let backwards = try Self.plan(try Self.example(row: 1, column: .incidentLast, value: "2026-07-01"))
        let backwardsError = CaseError.invalidField(field: .key("field.incident-last"), problem: .key("problem.before-first-incident"))
        #expect(throws: ImportError(file: "import.csv", location: ImportPlan.line(2), column: "incident_last", problem: .clause(backwardsError.phrase))) {
            try backwards.validate(evaluator: try Self.evaluator, now: Self.now)
        }
        #expect(ImportError(file: "import.csv", location: ImportPlan.line(2), column: "incident_last", problem: .clause(backwardsError.phrase)).description
            == "import.csv line 2, column incident_last: the last incident date is before the first incident date. Nothing was imported.")
        let nameless = try Self.plan(try Self.example(row: 3, column: .reporterName, value: ""))
        #expect(throws: ImportError(file: "import.csv", location: ImportPlan.line(6), column: "reporter_name", problem: .clause(
                                    CaseError.invalidField(field: .key("field.reporter-name"), problem: .key("problem.name-empty")).phrase))) {
            try nameless.validate(evaluator: try Self.evaluator, now: Self.now)
        }
        do {
            try nameless.validate(evaluator: try Self.evaluator, now: Self.now)
        } catch let error as ImportError {
            #expect(error.location == ImportPlan.line(6) && error.column == "reporter_name")
        }
    }

    @Test("file-level problems: unknown or missing columns, ragged rows, an unclosed quote")
    func fileErrors() throws {
        func message(_ text: String) -> String? {
            do { _ = try Self.plan(text); return nil } catch { return "\(error)" }
        }
        #expect(message("channel,incident_first,relationship,categories,narative\n") ==
                "import.csv line 1: 'narative' (field 5) is not a known column; the columns are listed in docs/IMPORT.md. Nothing was imported.")
        #expect(message("channel,incident_first,relationship,categories\n") ==
                "import.csv line 1: the required column narrative is missing. Nothing was imported.")
        #expect(message("channel,incident_first,relationship,categories,narrative\ncomplaint,2026-10-01,staff\n") ==
                "import.csv line 2: the row has 3 fields but the header has 5 (a missing quote or an extra comma?). Nothing was imported.")
        #expect(message("channel,incident_first,relationship,categories,narrative\ncomplaint,2026-10-01,staff,bullying,\"open\n\nmore\n") ==
                "import.csv line 2: a quoted field starts here and is never closed (a missing \"). Nothing was imported.")
        #expect(message("") == "import.csv: the file is empty; the first line must name the columns. Nothing was imported.")
    }

    @Test("fingerprints ignore spacing, line-end style, column order and empty optional columns")
    func fingerprints() throws {
        let a = try Self.plan("channel,incident_first,relationship,categories,narrative\ncomplaint,2026-10-01,staff,bullying,\"He  shouts\r\nat me\"\n")
        let b = try Self.plan("narrative,categories,relationship,incident_first,channel,support_needs\n\"He shouts\nat me \",bullying,staff,2026-10-01,complaint,\n")
        #expect(a.items[0].fingerprint == b.items[0].fingerprint)
        let c = try Self.plan("channel,incident_first,relationship,categories,narrative\ncomplaint,2026-10-01,staff,bullying,He shouts at you\n")
        #expect(a.items[0].fingerprint != c.items[0].fingerprint)
    }

    @Test("JSON: an array or {\"cases\": [...]}, errors name the case")
    func json() throws {
        let demo = try CaseJSONImport(file: "demo-cases.json").plan(try Self.load("demo-cases.json"))
        #expect(demo.items.count == 48)
        let bad = Data(#"[{"channel":"complaint","incidentFirst":"2026-10-01","reporter":{"name":"A"},"relationship":"staff","reported":[],"categories":["bullying"],"narrative":"x"},{"channel":"email"}]"#.utf8)
        #expect(throws: ImportError(file: "cases.json", location: ImportPlan.case(2), column: nil, problem: .key("config.decoding.at", [
                                    "path": "channel", "detail": "Cannot initialize Channel from invalid String value email"]))) {
            try CaseJSONImport(file: "cases.json").plan(bad)
        }
        do {
            _ = try CaseJSONImport(file: "cases.json").plan(bad)
        } catch let error as ImportError {
            #expect(error.location == ImportPlan.case(2))
            #expect(error.description.hasPrefix("cases.json case 2: "))
        }
        let ref = Data(#"{"cases":[{"externalRef":" X-1 ","channel":"complaint","incidentFirst":"2026-10-01","reporter":{"name":"A"},"relationship":"staff","reported":[],"categories":["bullying"],"narrative":"x"}]}"#.utf8)
        #expect(try CaseJSONImport(file: "cases.json").plan(ref).items[0].fingerprint == "ref:X-1")
    }

    @Test("a language column gives each case the language of its letters; one no letter is written in is refused")
    func languageColumn() throws {
        var records = try CSVReader.parse(try Self.example).map(\.fields)
        records[0].append("language")
        for index in records.indices.dropFirst() { records[index].append(index == 1 ? "FR" : "") }
        records[2][records[0].count - 1] = "de"
        var writer = CSVWriter(header: records[0])
        for record in records.dropFirst() { writer.append(record) }
        let plan = try Self.plan(writer.text)
        #expect(plan.items[0].intake.language == "FR" && plan.items[1].intake.language == "de")
        #expect(try plan.items[0].intake.makeCase(id: CaseID(year: 2026, number: 1), now: Self.now, pseudonym: "P", taxonomy: Self.evaluator.taxonomy).language == "fr")
        let evaluator = try CaseEvaluator(
            scoring: ScoringConfiguration.load(from: Self.load("scoring.json")), policy: Policy.load(from: Self.load("policy.json")),
            taxonomy: Taxonomy.load(from: Self.load("taxonomy.json")), letterLanguages: ["en", "fr", "ar", "es"])
        do {
            try plan.validate(evaluator: evaluator, now: Self.now)
            Issue.record("expected an error")
        } catch let error as ImportError {
            #expect(error.description == "import.csv line 3, column language: the language 'de' is not a language letters are written in; "
                + "use one of en, fr, ar, es. Nothing was imported.")
        }
    }
}
