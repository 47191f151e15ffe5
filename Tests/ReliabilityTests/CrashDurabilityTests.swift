import BenchSupport
import CaseCore
import CaseStore
import Foundation
import TestKit
import Testing

/// kill -9 at random points while Confidant writes; afterwards the database must be sound:
/// integrity_check ok, every confirmed action present and whole, the audit chain intact.
@Suite("Crash durability (kill -9 at random points)", .serialized)
struct CrashDurabilityTests {
    @Test("Killing `add` at random points never loses a confirmed case or leaves half a case", arguments: [UInt64(20261125)])
    func killDuringAdd(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let sandbox = ConfidantSandbox()
        #expect(try sandbox.run(["init"]).status == 0)
        let input = try sandbox.write("case.json", TestFixtures.sampleCaseJSON)

        var confirmed: Set<String> = []
        var interrupted = 0
        for _ in 0..<24 {
            let delay = Double(Int.random(in: 0...400, using: &random)) / 1000
            let outcome = try sandbox.run(["add", "--json", input], killAfter: delay)
            if outcome.signalled {
                interrupted += 1
            } else {
                #expect(outcome.status == 0, "\(outcome.stderr)")
                confirmed.insert(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        #expect(interrupted > 0, "no run was interrupted; the test proved nothing")
        #expect(try Reliability.integrityCheck(sandbox.database) == "ok")
        let store = try Reliability.openStore(sandbox.database)
        let present = Set(try store.summaries().map(\.id.description))
        #expect(confirmed.isSubset(of: present))
        #expect(present.count <= confirmed.count + interrupted)
        // Every case present is whole: it opens, and its creation is in the audit log.
        for id in present.compactMap(CaseID.init) {
            let item = try store.loadCase(id)
            #expect(item.narrative.contains("contract"))
            #expect(try store.auditEntries(caseId: id).contains { $0.action == "create" })
        }
        guard case .intact = try store.verifyAudit() else { Issue.record("audit chain broken"); return }
    }

    @Test("Killing `journal` at random points: each entry is there with its audit row, or not at all")
    func killDuringJournal() throws {
        var random = SeededGenerator(seed: 7)
        let sandbox = ConfidantSandbox()
        #expect(try sandbox.run(["init"]).status == 0)
        let input = try sandbox.write("case.json", TestFixtures.sampleCaseJSON)
        #expect(try sandbox.run(["add", "--json", input]).status == 0)

        var confirmed: [String] = []
        var interrupted = 0
        for n in 0..<20 {
            let text = "Entry number \(n)"
            let outcome = try sandbox.run(["journal", "C-2026-0001", text], killAfter: Double(Int.random(in: 0...400, using: &random)) / 1000)
            if outcome.signalled { interrupted += 1 } else { confirmed.append(text) }
        }
        #expect(try Reliability.integrityCheck(sandbox.database) == "ok")
        let store = try Reliability.openStore(sandbox.database)
        let entries = try store.loadCase(CaseID("C-2026-0001")!).journal.map(\.text)
        #expect(Set(confirmed).isSubset(of: Set(entries)))
        #expect(entries.count <= confirmed.count + interrupted)
        let journalAudits = try store.auditEntries(caseId: CaseID("C-2026-0001")).filter { $0.action == "journal" }.count
        #expect(journalAudits == entries.count)
        guard case .intact = try store.verifyAudit() else { Issue.record("audit chain broken"); return }
    }

    @Test("Killing `purge` at random points: each case is either whole or purged with its trace, never half")
    func killDuringPurge() throws {
        var random = SeededGenerator(seed: 99)
        let sandbox = ConfidantSandbox()
        #expect(try sandbox.run(["init"]).status == 0)
        let input = try sandbox.write("case.json", TestFixtures.sampleCaseJSON)
        for n in 1...12 {
            let id = "C-2026-\(String(format: "%04d", n))"
            #expect(try sandbox.run(["add", "--json", input]).status == 0)
            #expect(try sandbox.run(["status", id, "acknowledged"]).status == 0)
            #expect(try sandbox.run(["status", id, "withdrawn", "--note", "Reporter withdrew"]).status == 0)
        }
        var future = sandbox
        future.now = "2031-01-01T00:00:00Z"
        var done = false
        for _ in 0..<8 where !done {
            let outcome = try future.run(["purge", "--yes"], killAfter: Double(Int.random(in: 50...500, using: &random)) / 1000)
            done = !outcome.signalled && outcome.stdout.contains("Purged")
            #expect(try Reliability.integrityCheck(sandbox.database) == "ok")
            let store = try Reliability.openStore(sandbox.database)
            let remaining = try store.summaries().count
            let traces = try store.purgedTraces().count
            #expect(remaining + traces == 12)
            guard case .intact = try store.verifyAudit() else { Issue.record("audit chain broken"); return }
        }
        let final = try future.run(["purge", "--yes"])
        #expect(final.status == 0)
        #expect(try Reliability.openStore(sandbox.database).summaries().isEmpty)
    }

    /// A JSON import file of `count` synthetic cases.
    func importFile(_ sandbox: ConfidantSandbox, count: Int, seed: UInt64) throws -> String {
        let intakes = SyntheticCases.intakes(count: count, seed: seed, now: TestFixtures.now, taxonomy: Reliability.config.taxonomy)
        let json = try JSONSerialization.data(withJSONObject: intakes.map(Self.jsonObject))
        let path = sandbox.path("import-\(seed).json")
        try json.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func jsonObject(_ intake: CaseIntake) -> [String: Any] {
        var object: [String: Any] = [
            "receivedAt": intake.receivedAt!, "channel": intake.channel.rawValue, "incidentFirst": intake.incidentFirst,
            "incidentLast": intake.incidentLast!, "relationship": intake.relationship.rawValue, "categories": intake.categories,
            "narrative": intake.narrative,
            "reported": intake.reported.map { ["name": $0.name, "role": $0.role, "power": $0.power.rawValue] },
            "reporter": ["pseudonym": intake.reporter.pseudonym!, "anonymous": intake.reporter.anonymous ?? false,
                         "name": intake.reporter.name as Any, "contact": intake.reporter.contact as Any].filter { !($0.value is NSNull) },
        ]
        if let grounds = intake.grounds { object["grounds"] = grounds }
        return object
    }

    @Test("Killing a bulk import at random points: all of the file or none of it, never part")
    func killDuringImport() throws {
        var random = SeededGenerator(seed: 4242)
        let sandbox = ConfidantSandbox()
        #expect(try sandbox.run(["init"]).status == 0)
        var expected = 0
        var interrupted = 0
        for round in 0..<6 {
            let file = try importFile(sandbox, count: 150, seed: UInt64(round))
            let outcome = try sandbox.run(["import", file], killAfter: Double(Int.random(in: 100...900, using: &random)) / 1000)
            if outcome.signalled { interrupted += 1 } else { #expect(outcome.status == 0, "\(outcome.stderr)") }
            #expect(try Reliability.integrityCheck(sandbox.database) == "ok")
            let count = try Reliability.openStore(sandbox.database).summaries().count
            #expect(count == expected || count == expected + 150, "a partial import: \(count) cases after \(expected)")
            expected = count
        }
        #expect(interrupted > 0, "no import was interrupted; raise the kill window")
        guard case .intact = try Reliability.openStore(sandbox.database).verifyAudit() else { Issue.record("audit chain broken"); return }
    }

    @Test("Killing a backup at random points: the database is untouched and a backup file, if present, is whole")
    func killDuringBackup() throws {
        var random = SeededGenerator(seed: 5150)
        let sandbox = ConfidantSandbox()
        #expect(try sandbox.run(["init"]).status == 0)
        #expect(try sandbox.run(["import", try importFile(sandbox, count: 400, seed: 9)]).status == 0)
        for round in 0..<6 {
            let target = sandbox.path("backup-\(round).db")
            _ = try sandbox.run(["backup", target], killAfter: Double(Int.random(in: 50...400, using: &random)) / 1000)
            #expect(try Reliability.integrityCheck(sandbox.database) == "ok")
            #expect(try Reliability.openStore(sandbox.database).summaries().count == 400)
            if FileManager.default.fileExists(atPath: target) {
                #expect(try Reliability.integrityCheck(target) == "ok")
                #expect(try Reliability.openStore(target).summaries().count == 400)
            }
            // No half-written staging files left looking like backups.
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: sandbox.directory.path).filter { $0.hasPrefix("backup-\(round).db") && $0 != "backup-\(round).db" }
            #expect(leftovers.allSatisfy { $0.hasPrefix(".") || $0.contains("partial") || $0.contains("staging") }, "\(leftovers)")
        }
        guard case .intact = try Reliability.openStore(sandbox.database).verifyAudit() else { Issue.record("audit chain broken"); return }
    }
}
