import CaseCore
@testable import CaseStore
import Foundation
import GRDB
import TestKit

/// Temporary stores on the shipped configuration, with the clock fixed at `TestFixtures.now`.
enum StoreFixtures {
    static let config = try! ConfidantConfiguration.load(from: TestFixtures.dataDirectory)
    static let evaluator = config.evaluator()

    /// A fresh directory (left for inspection) and the path of `name` in it.
    static func temporaryPath(_ name: String = "case.db") -> String {
        TestFixtures.temporaryDirectory().appendingPathComponent(name).path
    }

    static func cleanUp(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    static func makeStore(path: String = temporaryPath()) throws -> SQLiteCaseStore {
        try SQLiteCaseStore.create(at: path, passphrase: TestFixtures.passphrase, evaluator: evaluator, kdfRounds: 1 << 10,
                                   now: TestFixtures.now)
    }

    static func ratings(_ f: Int, _ s: Int, _ t: Int, _ w: Int, _ p: Int) -> FactorRatings {
        try! FactorRatings(frequency: f, severity: s, threat: t, wellbeing: w, power: p)
    }

    static func desk(_ store: SQLiteCaseStore) -> CaseDesk {
        CaseDesk(store: store, clock: { TestFixtures.now })
    }

    /// The shared sample intake (`TestFixtures.sampleIntake`) with support needs and, unless told otherwise, the
    /// reporter's wish for a formal procedure; the arguments replace its parts.
    static func intake(
        reporter: String? = nil, contact: String? = nil, reported: String? = nil, narrative: String? = nil,
        categories: [String]? = nil, received: String? = nil, wishes: Wishes? = .formal
    ) -> CaseIntake {
        var intake = TestFixtures.sampleIntake
        if let reporter { intake.reporter.name = reporter }
        if let contact { intake.reporter.contact = contact }
        if let reported { intake.reported[0].name = reported }
        if let narrative { intake.narrative = narrative }
        if let categories { intake.categories = categories }
        if let received { intake.receivedAt = received }
        intake.supportNeeds = "Wants no contact with the director."
        intake.wishes = wishes
        return intake
    }

    /// An empty store in `directory` with a desk on the fixed clock.
    static func emptyDesk(in directory: URL, name: String = "cases.db") throws -> (CaseDesk, SQLiteCaseStore) {
        let store = try SQLiteCaseStore.create(
            at: directory.appendingPathComponent(name).path, passphrase: TestFixtures.passphrase, evaluator: evaluator,
            kdfRounds: 1 << 10, now: TestFixtures.now)
        return (desk(store), store)
    }

    /// A store seeded with every demo case (ids follow the order of receipt, as `confidant demo` does) at
    /// `TestFixtures.now`, the demo file's anchor day, so the demo data is not shifted.
    static func demoDesk(in directory: URL) throws -> (CaseDesk, SQLiteCaseStore) {
        let (desk, store) = try emptyDesk(in: directory)
        let data = try Data(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("demo-cases.json"))
        try DemoSeeder.seed(store, demoFile: data, now: TestFixtures.now)
        return (desk, store)
    }

    /// The demo store opened again by a desk speaking `language` (its evaluator explains scores in that language).
    static func demoDesk(in directory: URL, language: String) throws -> CaseDesk {
        let (_, store) = try demoDesk(in: directory)
        let config = try ConfidantConfiguration.load(from: TestFixtures.dataDirectory, language: LanguageChoice(option: language))
        let reopened = try SQLiteCaseStore.open(at: store.path, passphrase: TestFixtures.passphrase, evaluator: config.evaluator(),
                                                now: TestFixtures.now)
        return CaseDesk(store: reopened, clock: { TestFixtures.now })
    }

    /// The demo intakes, as seeded (sorted by receipt), with the fixed clock.
    static func demoIntakes() throws -> [CaseIntake] {
        let data = try Data(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("demo-cases.json"))
        return try DemoSeeder.intakes(from: data, now: TestFixtures.now).sorted { ($0.receivedAt ?? "") < ($1.receivedAt ?? "") }
    }

    /// Every row of every table, as text, for comparing two databases.
    static func dump(_ path: String) throws -> [String: [String]] {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            var result: [String: [String]] = [:]
            for table in tables {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY rowid")
                result[table] = rows.map { row in
                    row.columnNames.map { column -> String in
                        let value = row[column] as DatabaseValue
                        switch value.storage {
                        case .null: return "\(column)=NULL"
                        case let .int64(v): return "\(column)=\(v)"
                        case let .double(v): return "\(column)=\(v)"
                        case let .string(v): return "\(column)=\(v)"
                        case let .blob(v): return "\(column)=x'\(v.map { String(format: "%02x", $0) }.joined())'"
                        }
                    }.joined(separator: "|")
                }
            }
            return result
        }
    }
}
