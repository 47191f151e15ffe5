import BenchSupport
import CaseCore
import CaseStore
import Foundation
import GRDB
import TestKit

enum Reliability {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The command line with a clock `CONFIDANT_NOW` can fix (test-only; the shipped binary ignores it).
    static let binary = packageRoot.appendingPathComponent(".build/debug/confidant-test-clock").path
    static let dataDirectory = packageRoot.appendingPathComponent("Data")
    static let config = try! ConfidantConfiguration.load(from: dataDirectory)
    static let passphrase = "correct horse battery"

    static func temporaryDirectory() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("confidant-rel-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func environment(database: String, now: String? = nil) -> [String: String] {
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "CONFIDANT_DB": database,
                   "CONFIDANT_DATA": dataDirectory.path, "CONFIDANT_PASSPHRASE": passphrase]
        if let now { env["CONFIDANT_NOW"] = now }
        return env
    }

    /// Runs a command and, after `killAfter` seconds if it is still running, kills it with SIGKILL.
    static func run(_ arguments: [String], environment: [String: String], killAfter: TimeInterval? = nil) throws -> ProgramRun {
        try runProgram(binary, arguments, environment: environment, stdin: "", killAfter: killAfter)
    }

    static func openStore(_ path: String) throws -> SQLiteCaseStore {
        try SQLiteCaseStore.open(at: path, passphrase: passphrase, evaluator: config.evaluator(), pause: { _ in })
    }

    static func integrityCheck(_ path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    static let sampleCase = """
        {"receivedAt":"2026-11-20T09:00:00Z","channel":"complaint","incidentFirst":"2026-11-01","incidentLast":"2026-11-18",
         "reporter":{"pseudonym":"Amber Heron","name":"Fatima Zahra Benali","contact":"fz.benali@example.org"},
         "relationship":"staff","reported":[{"name":"Viktor Hale","role":"Country Director","power":"supervisor"}],
         "categories":["harassment"],"narrative":"He told me my contract would not be renewed unless I stayed quiet."}
        """
}
