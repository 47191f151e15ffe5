import CaseCore
@testable import CaseStore
import Foundation
import TestKit
import Testing

/// The supervisor's export never carries the reporter's name (without consent), contact details, support needs,
/// or support and advice entries — checked against the real values of every demo case, in every format.
@Suite("Supervisor exports leak nothing")
struct ExportRedactionTests {
    /// The text with Markdown escapes and HTML entities undone, so an escaped name is still found.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Whether `word` occurs in `text` as a whole word (not inside a longer one), ignoring case.
    static func containsWord(_ word: String, in text: String) -> Bool {
        let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: word) + "(?![\\p{L}\\p{N}])"
        let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func nameParts(_ name: String) -> [String] {
        [name] + name.split(whereSeparator: { $0.isWhitespace || $0 == "-" }).map(String.init).filter { $0.count >= 3 }
    }

    static func contactParts(_ contact: String) -> [String] {
        [contact] + contact.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test("no name, contact, support needs or support/advice text in any supervisor export of any demo case")
    func supervisorExportsOfEveryDemoCase() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, store) = try StoreFixtures.demoDesk(in: directory)
        var checkedNames = 0
        for summary in try desk.queue() {
            let full = try store.loadCase(summary.id)
            var forbidden: [String] = []
            if let name = full.reporter.name, !full.consentShareIdentity { forbidden += Self.nameParts(name) }
            if let contact = full.reporter.contact { forbidden += Self.contactParts(contact) }
            if !full.supportNeeds.isEmpty { forbidden.append(full.supportNeeds) }
            forbidden += full.journal.filter { $0.kind == .support || $0.kind == .advice }.map(\.text)
            let supervisor = try desk.exportDocument(summary.id, for: .supervisor)
            for format in CaseExportFormat.allCases {
                let output = format.render(supervisor, taxonomy: desk.taxonomy, generatedAt: TestFixtures.now)
                let unescaped = Self.plain(output)
                for secret in forbidden {
                    #expect(!Self.containsWord(secret, in: output), "\(summary.id) \(format): '\(secret)' leaked")
                    #expect(!Self.containsWord(secret, in: unescaped), "\(summary.id) \(format): '\(secret)' leaked (escaped)")
                }
            }
            if let name = full.reporter.name {
                // The counselor's version has them, so the check above is looking for the right strings.
                let counselor = CaseExportFormat.markdown.render(
                    try desk.exportDocument(summary.id, for: .counselor), taxonomy: desk.taxonomy, generatedAt: TestFixtures.now)
                #expect(Self.plain(counselor).contains(name))
                checkedNames += 1
            }
        }
        #expect(checkedNames > 30)
    }

    @Test("a reporter who consented is named for the supervisor, but their contact still is not")
    func consentShowsNameNotContact() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, store) = try StoreFixtures.demoDesk(in: directory)
        let id = try #require(try desk.queue().first { $0.pseudonym == "Basalt Falcon" }?.id)
        let full = try store.loadCase(id)
        #expect(full.consentShareIdentity)
        let html = CaseExportFormat.html.render(try desk.exportDocument(id, for: .supervisor), taxonomy: desk.taxonomy, generatedAt: TestFixtures.now)
        #expect(html.contains(try #require(full.reporter.name)))
        for part in Self.contactParts(try #require(full.reporter.contact)) {
            #expect(!Self.plain(html).contains(part))
        }
    }

    @Test("the reporter's name written into a narrative or journal note is replaced for the supervisor")
    func nameInFreeTextIsScrubbed() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, _) = try StoreFixtures.emptyDesk(in: directory)
        let intake = CaseIntake(
            receivedAt: "2026-11-20T09:00:00Z", channel: .complaint, incidentFirst: "2026-11-01",
            reporter: .init(pseudonym: "Pale Finch", name: "Ana-Maria Popescu", contact: "ana.popescu@example.org; +40 721 555 010"),
            relationship: .staff, reported: [.init(name: "D. Ionescu", role: "Head of unit", power: .supervisor)],
            categories: ["harassment"],
            narrative: "ANA-MARIA says Ionescu mocks her; Popescu's colleague heard it. Reach her at ana.popescu@example.org or +40-721-555-010.",
            supportNeeds: "Counselling sessions")
        let item = try desk.add(intake)
        try desk.move(item.id, to: .acknowledged, note: "Told Ana-Maria by phone (+40 721 555 010) that we received it")
        let doc = try desk.exportDocument(item.id, for: .supervisor)
        let text = doc.narrative + doc.journal.map(\.text).joined()
        for secret in ["Ana-Maria", "Popescu", "ana.popescu@example.org", "+40 721 555 010", "+40-721-555-010", "Counselling"] {
            #expect(!text.localizedCaseInsensitiveContains(secret), "'\(secret)' is still in the supervisor's text")
        }
        #expect(doc.narrative.contains("[reporter] says Ionescu mocks her; [reporter]'s colleague"))
        #expect(doc.narrative.contains("[contact withheld]"))
        #expect(doc.reporter.name == nil && doc.reporter.contact == nil && doc.supportNeeds.isEmpty)
    }

    @Test("a supervisor account cannot ask for the counselor's version")
    func supervisorCannotExportCounselorVersion() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, _) = try StoreFixtures.demoDesk(in: directory)
        let id = try #require(try desk.queue().first { $0.status == .escalated }?.id)
        // The export is audited with its format and audience only.
        try desk.recordExport(id, format: .html, audience: .supervisor, toFile: true)
        let entry = try #require(try desk.store.auditEntries(caseId: id).last)
        #expect(entry.action == "export")
        #expect(entry.detail == "html, supervisor, to a file")
    }
}
