import Foundation
import TestKit
import Testing

@Suite("Letters from the command line", .serialized)
struct LetterCLITests {
    func prepared() throws -> ConfidantSandbox {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init"]).status == 0)
        #expect(try cli.run(["add", "--json", cli.write("case.json", TestFixtures.sampleCaseJSON)]).status == 0)
        return cli
    }

    @Test("The acknowledgement in Markdown names the case, the receipt date and the escalation routes")
    func markdown() throws {
        let cli = try prepared()
        let letter = try cli.run(["letter", "C-2026-0001", "acknowledgement"])
        #expect(letter.status == 0, "\(letter.stderr)")
        #expect(letter.stdout.contains("**Reference:** C-2026-0001"))
        #expect(letter.stdout.contains("received on **20 November 2026**"))
        #expect(letter.stdout.contains("Hello Fatima Zahra Benali,"))
        #expect(letter.stdout.contains("- Staff security duty officer, day and night: +41 22 555 0100\n"))
        #expect(letter.stdout.contains("external complaints committee"))
        #expect(!letter.stdout.contains("{{"))
        // Rendering alone does not count as sending.
        let show = try cli.json(cli.run(["show", "C-2026-0001", "--json"])) as! [String: Any]
        #expect(show["status"] as? String == "new")
    }

    @Test("HTML in French is one private, self-contained file; marking it sent meets the deadline and is journaled")
    func htmlSent() throws {
        let cli = try prepared()
        let path = cli.directory.appendingPathComponent("letter.html").path
        let result = try cli.run(["letter", "C-2026-0001", "--format", "html", "--lang", "fr", "--out", path, "--mark-sent"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Accusé de réception"))
        #expect(html.contains("<strong>20 novembre 2026</strong>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o077 } == 0)
        let show = try cli.json(cli.run(["show", "C-2026-0001", "--json"])) as! [String: Any]
        #expect(show["status"] as? String == "acknowledged")
        let deadlines = show["deadlines"] as! [[String: Any]]
        #expect(deadlines.first { $0["kind"] as? String == "acknowledge" }?["metAt"] is String)
        let journal = show["journal"] as! [[String: Any]]
        #expect(journal.last?["kind"] as? String == "letter")
    }

    @Test("An unknown language names the languages that exist")
    func unknownLanguage() throws {
        let cli = try prepared()
        let result = try cli.run(["letter", "C-2026-0001", "--lang", "de"])
        #expect(result.status == 1)
        #expect(result.stderr == "confidant: There is no acknowledgement letter in 'de'; it is written in en, fr, ar and es.\n", "\(result.stderr)")
    }
}
