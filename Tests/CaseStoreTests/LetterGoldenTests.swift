import CaseCore
import CaseStore
import Foundation
import TestKit
import Testing

/// The acknowledgement letter for a demo case with a Vietnamese name in the four shipped languages, in Markdown and
/// HTML (Arabic reads right to left: `dir="rtl"`). Reviewed by eye once; regenerate on purpose with
/// `CONFIDANT_UPDATE_GOLDEN=1 swift test --filter LetterGoldenTests`.
@Suite("Letter golden files")
struct LetterGoldenTests {
    @Test("Acknowledgement letters match the golden files", arguments: [
        ("Amber Heron", "en", false), ("Amber Heron", "fr", true), ("Amber Heron", "es", false), ("Amber Heron", "es", true),
        ("Amber Heron", "ar", false), ("Amber Heron", "ar", true),
    ])
    func golden(pseudonym: String, language: String, html: Bool) throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, _) = try StoreFixtures.demoDesk(in: directory)
        let id = try #require(try desk.queue().first { $0.pseudonym == pseudonym }?.id)
        let letters = StoreFixtures.config.letters
        let rendered = try desk.acknowledgementLetter(id, template: letters.template("acknowledgement", language: language), html: html)
        let slug = pseudonym.lowercased().replacingOccurrences(of: " ", with: "-")
        let file = ExportGoldenTests.goldenDirectory.appendingPathComponent("letter-\(slug).\(language).\(html ? "html" : "md")")
        if ExportGoldenTests.updating {
            try rendered.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        #expect(rendered == (try String(contentsOf: file, encoding: .utf8)), "\(file.lastPathComponent) differs")
    }
}
