import CaseCore
import CaseStore
import Foundation
import TestKit
import Testing

/// The wordings `AuditWording` reads back are the ones the store writes: a store that words a detail anew would
/// show it in English to a French reader, and this test says which.
@Suite("The store's audit details are the wordings shown in the reader's language")
struct AuditWordingStoreTests {
    @Test("Every detail of a demo caseload worked on (seeding, reads, changes, exports, report, accounts, recusal, backup) reads back in French")
    func everyDetailReads() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("audit-wording-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (desk, _) = try StoreFixtures.demoDesk(in: directory)
        let first = try #require(try desk.queue().map(\.id).min())
        _ = try desk.open(first)
        let fresh = try #require(try desk.queue().first { $0.status == .new }?.id)
        _ = try desk.move(fresh, to: .acknowledged, note: nil)
        _ = try desk.record(fresh, .note, text: "Called back")
        try desk.recordExport(first, format: .markdown, audience: .supervisor, toFile: true)
        try desk.recordReport(try desk.statistics(from: nil, to: nil), format: .csv, toFile: false)
        _ = try desk.repeatRespondents()
        try desk.addAccount("sam", role: .supervisor, passphrase: "another long passphrase for sam")
        try desk.removeAccount("sam")
        try desk.declareConflict(first, reason: "My brother-in-law is the reported person")
        _ = try desk.backup(to: directory.appendingPathComponent("backup.db").path, overwrite: false)

        let french = try LanguageLibrary(directory: TestFixtures.dataDirectory.appendingPathComponent("lang")).catalogue("fr")
        let entries = try desk.auditEntries()
        #expect(Set(entries.map(\.action)).isSuperset(of: ["init", "create", "status", "journal", "open", "export", "report",
                                                             "respondents", "account-add", "account-remove", "recusal", "backup"]))
        let unread = entries.filter { Catalogue.reading($0.detail, among: AuditWording.keys) == nil }.map { "\($0.action): \($0.detail)" }
        #expect(unread.isEmpty, "\(unread)")
        #expect(entries.allSatisfy { AuditWording.words($0.detail, in: french) != $0.detail })
    }
}
