import BenchSupport
import CaseCore
@testable import CaseStore
import Foundation
import GRDB
import TestKit
import Testing

@Suite("Full disks, read-only files and two processes at once", .serialized)
struct HostileStorageTests {
    func intake(_ n: Int) -> CaseIntake {
        CaseIntake(
            receivedAt: "2026-11-20T09:00:00Z", channel: .complaint, incidentFirst: "2026-11-01",
            reporter: .init(pseudonym: "Amber Heron", name: "Reporter \(n)", contact: "r\(n)@example.org"), relationship: .staff,
            reported: [ReportedPerson(name: "Person \(n)", role: "Manager", power: .supervisor)], categories: ["bullying"],
            narrative: String(repeating: "A long and detailed account of what happened. ", count: 40))
    }

    /// Mounts a tmpfs of `kilobytes`; nil when this machine does not allow it.
    func mountTmpfs(kilobytes: Int) -> String? {
        let dir = TestFixtures.temporaryDirectory("confidant-rel").appendingPathComponent("mnt").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return shell("mount -t tmpfs -o size=\(kilobytes)k tmpfs '\(dir)'") == 0 ? dir : nil
    }

    @discardableResult
    func shell(_ command: String) -> Int32 {
        (try? runProgram("/bin/sh", ["-c", command + " 2>/dev/null"], environment: ProcessInfo.processInfo.environment))?.status ?? -1
    }

    @Test("A full disk gives a clear error and the previous cases stay intact (injected through max_page_count)")
    func diskFullInjected() throws {
        let path = TestFixtures.temporaryDirectory("confidant-rel").appendingPathComponent("full.db").path
        let store = try SQLiteCaseStore.create(at: path, passphrase: TestFixtures.passphrase, evaluator: Reliability.config.evaluator(), kdfRounds: 1 << 10)
        let desk = CaseDesk(store: store)
        var saved: [CaseID] = []
        for n in 0..<3 { saved.append(try desk.add(intake(n)).id) }
        let pages = try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count")! }
        try store.pool.barrierWriteWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages + 1)") }
        var failure: Error?
        for n in 3..<40 {
            do { saved.append(try desk.add(intake(n)).id) } catch { failure = error; break }
        }
        #expect(failure as? StoreError == .diskFull(path: path), "\(String(describing: failure))")
        #expect(failure.map { "\($0)" }?.contains("disk") == true)
        for id in saved { #expect(try store.loadCase(id).reporter.name != nil) }
        #expect(try store.summaries().count == saved.count)
        guard case .intact = try store.verifyAudit() else { Issue.record("audit chain broken"); return }
    }

    /// Whether this machine lets the tests mount a small tmpfs (root in a sandbox that allows it); where it does
    /// not, the tmpfs tests are skipped and the injected disk-full test still covers the case.
    static let canMountTmpfs: Bool = {
        let probe = HostileStorageTests()
        guard let mount = probe.mountTmpfs(kilobytes: 64) else { return false }
        probe.shell("umount '\(mount)'")
        return true
    }()

    @Test("A full tmpfs gives a clear error and the previous cases stay intact",
          .enabled(if: canMountTmpfs, "this machine does not allow mounting a tmpfs"))
    func diskFullTmpfs() throws {
        let mount = try #require(mountTmpfs(kilobytes: 1500))
        defer { shell("umount '\(mount)'") }
        let path = mount + "/full.db"
        let store = try SQLiteCaseStore.create(at: path, passphrase: TestFixtures.passphrase, evaluator: Reliability.config.evaluator(), kdfRounds: 1 << 10)
        let desk = CaseDesk(store: store)
        var saved: [CaseID] = []
        var failure: Error?
        for n in 0..<400 {
            do { saved.append(try desk.add(intake(n)).id) } catch { failure = error; break }
        }
        #expect(failure != nil, "the disk never filled")
        #expect(failure as? StoreError == .diskFull(path: path) || "\(failure!)".contains("disk") || "\(failure!)".contains("I/O"),
                "\(String(describing: failure))")
        #expect(!saved.isEmpty)
        // Once space is freed, everything saved before is there, whole, and the audit chain holds.
        #expect(shell("mount -o remount,size=8192k '\(mount)'") == 0)
        for id in saved { #expect(try store.loadCase(id).reporter.name != nil) }
        #expect(try store.summaries().count == saved.count)
        guard case .intact = try store.verifyAudit() else { Issue.record("audit chain broken"); return }
        #expect(try Reliability.integrityCheck(path) == "ok")
    }

    @Test("A read-only database is refused with a clear message, and its data is untouched",
          .enabled(if: canMountTmpfs, "this machine does not allow mounting a tmpfs"))
    func readOnly() throws {
        let mount = try #require(mountTmpfs(kilobytes: 4096))
        defer { shell("umount '\(mount)'") }
        let path = mount + "/ro.db"
        do {
            let store = try SQLiteCaseStore.create(at: path, passphrase: TestFixtures.passphrase, evaluator: Reliability.config.evaluator(), kdfRounds: 1 << 10)
            _ = try CaseDesk(store: store).add(intake(1))
            try store.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            try store.pool.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(shell("mount -o remount,ro '\(mount)'") == 0)
        var sandbox = ConfidantSandbox()
        sandbox.database = path
        let outcome = try sandbox.run(["journal", "C-2026-0001", "note"])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("read-only") || outcome.stderr.contains("could not be read or written"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("Fatal"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("Two processes writing at once: no lost update, no 'database is locked' crash")
    func concurrentWriters() throws {
        let sandbox = ConfidantSandbox()
        #expect(try sandbox.run(["init"]).status == 0)
        let input = try sandbox.write("case.json", TestFixtures.sampleCaseJSON)
        #expect(try sandbox.run(["add", "--json", input]).status == 0)

        let group = DispatchGroup()
        let failures = Locked<[String]>([])
        for writer in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                for n in 0..<8 {
                    let outcome = try? sandbox.run(["journal", "C-2026-0001", "writer \(writer) entry \(n)"])
                    if outcome?.status != 0 { failures.mutate { $0.append(outcome?.stderr ?? "did not run") } }
                }
                group.leave()
            }
        }
        group.wait()
        #expect(failures.value.isEmpty, "\(failures.value)")
        let store = try Reliability.openStore(sandbox.database)
        let texts = try store.loadCase(CaseID("C-2026-0001")!).journal.map(\.text)
        #expect(texts.count == 16)
        for writer in 0..<2 { for n in 0..<8 { #expect(texts.contains("writer \(writer) entry \(n)")) } }
        guard case .intact = try store.verifyAudit() else { Issue.record("audit chain broken"); return }
    }
}

/// A value shared between threads under a lock.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
