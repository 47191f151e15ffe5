import CaseCore
import CaseStore
import Foundation
import GRDB
import TestKit

/// The store side of the reliability tests (commands run in a ``ConfidantSandbox``): the shipped configuration,
/// opening what the commands left, SQLite's own check of the file.
enum Reliability {
    static let config = try! ConfidantConfiguration.load(from: TestFixtures.dataDirectory)

    static func openStore(_ path: String) throws -> SQLiteCaseStore {
        try SQLiteCaseStore.open(at: path, passphrase: TestFixtures.passphrase, evaluator: config.evaluator(), pause: { _ in })
    }

    static func integrityCheck(_ path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}
