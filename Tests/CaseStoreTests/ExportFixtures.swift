import CaseCore
@testable import CaseStore
import Foundation
import GRDB

/// Shared set-up for the export, statistics, import and backup tests: a fixed clock, the package's Data folder,
/// throwaway stores in a temp folder.
enum ExportFixtures {
    /// 2026-11-25T12:00:00Z, the anchor day of Data/demo-cases.json, so the demo data is not shifted.
    static let now = Date(timeIntervalSince1970: 1_795_608_000)
    static let passphrase = StoreFixtures.passphrase

    static var dataDirectory: URL { StoreFixtures.dataDirectory }

    /// The package's configuration, loaded once for the whole target (see ``StoreFixtures``).
    static func configuration() throws -> ConfidantConfiguration { StoreFixtures.config }

    static func evaluator() throws -> CaseEvaluator { StoreFixtures.evaluator }

    /// A fresh temp folder, removed by the caller with `cleanUp`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("confidant-export-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func cleanUp(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// An empty store in `directory` with a desk on the fixed clock.
    static func emptyDesk(in directory: URL, name: String = "cases.db") throws -> (CaseDesk, SQLiteCaseStore) {
        let store = try SQLiteCaseStore.create(
            at: directory.appendingPathComponent(name).path, passphrase: passphrase, evaluator: try evaluator(),
            kdfRounds: 1 << 10, now: now)
        return (CaseDesk(store: store, clock: { now }), store)
    }

    /// A store seeded with every demo case (ids follow the order of receipt, as `confidant demo` does).
    static func demoDesk(in directory: URL) throws -> (CaseDesk, SQLiteCaseStore) {
        let (desk, store) = try emptyDesk(in: directory)
        let data = try Data(contentsOf: dataDirectory.appendingPathComponent("demo-cases.json"))
        try DemoSeeder.seed(store, demoFile: data, now: now)
        return (desk, store)
    }

    /// The demo store opened again by a desk speaking `language` (its evaluator explains scores in that language).
    static func demoDesk(in directory: URL, language: String) throws -> CaseDesk {
        let (_, store) = try demoDesk(in: directory)
        let config = try ConfidantConfiguration.load(from: dataDirectory, language: LanguageChoice(option: language))
        let reopened = try SQLiteCaseStore.open(at: store.path, passphrase: passphrase, evaluator: config.evaluator(), now: now)
        return CaseDesk(store: reopened, clock: { now })
    }

    /// The demo intakes, as seeded (sorted by receipt), with the fixed clock.
    static func demoIntakes() throws -> [CaseIntake] {
        let data = try Data(contentsOf: dataDirectory.appendingPathComponent("demo-cases.json"))
        return try DemoSeeder.intakes(from: data, now: now).sorted { ($0.receivedAt ?? "") < ($1.receivedAt ?? "") }
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

    /// The file's permission bits.
    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
