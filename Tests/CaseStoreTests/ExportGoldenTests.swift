import CaseCore
import CaseStore
import Foundation
import TestKit
import Testing

/// Golden files for every export format and audience on three demo cases, built on a fixed clock.
/// Reviewed by eye once; regenerate on purpose with `CONFIDANT_UPDATE_GOLDEN=1 swift test --filter ExportGoldenTests`.
@Suite("Case export golden files")
struct ExportGoldenTests {
    /// Support & advice, no consent, name in the narrative; escalated with consent; brand new, Vietnamese name.
    static let pseudonyms = ["Ash Lapwing", "Basalt Falcon", "Amber Heron"]

    static var goldenDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static var updating: Bool { ProcessInfo.processInfo.environment["CONFIDANT_UPDATE_GOLDEN"] == "1" }

    /// English under the plain names (`ash-lapwing.counselor.md`), French with the language before the extension
    /// (`ash-lapwing.counselor.fr.md`): headings, labels, dates in words and the score explanation in French;
    /// JSON keeps its keys and ISO dates.
    @Test("Markdown, JSON and HTML for the counselor and the supervisor match the golden files", arguments: ["en", "fr"])
    func goldenFiles(language: String) throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let desk = try StoreFixtures.demoDesk(in: directory, language: language)
        let queue = try desk.queue()
        for pseudonym in Self.pseudonyms {
            let id = try #require(queue.first { $0.pseudonym == pseudonym }?.id, "demo case \(pseudonym)")
            for audience in Audience.allCases {
                let doc = try desk.exportDocument(id, for: audience)
                for format in CaseExportFormat.allCases {
                    let rendered = format.render(doc, taxonomy: desk.taxonomy, generatedAt: TestFixtures.now, catalogue: desk.catalogue)
                    let slug = pseudonym.lowercased().replacingOccurrences(of: " ", with: "-")
                    let suffix = language == "en" ? "" : ".\(language)"
                    let file = Self.goldenDirectory.appendingPathComponent("\(slug).\(audience.rawValue)\(suffix).\(format.fileExtension)")
                    if Self.updating {
                        try rendered.write(to: file, atomically: true, encoding: .utf8)
                        continue
                    }
                    let golden = try String(contentsOf: file, encoding: .utf8)
                    if rendered != golden {
                        let a = rendered.split(separator: "\n", omittingEmptySubsequences: false)
                        let b = golden.split(separator: "\n", omittingEmptySubsequences: false)
                        let line = Array(zip(a, b)).firstIndex { $0.0 != $0.1 } ?? min(a.count, b.count)
                        Issue.record("""
                            \(file.lastPathComponent) differs at line \(line + 1):
                              got:      \(line < a.count ? String(a[line]) : "<end>")
                              expected: \(line < b.count ? String(b[line]) : "<end>")
                            """)
                    }
                }
            }
        }
    }
}
