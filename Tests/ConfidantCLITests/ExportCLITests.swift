import Foundation
import TestKit
import Testing

@Suite("confidant export and report")
struct ExportCLITests {
    @Test("export writes a private file, redacts for the supervisor, and is audited")
    func exportToFile() throws {
        let sandbox = try ConfidantSandbox.demo()
        defer { sandbox.cleanUp() }
        let id = try #require(try sandbox.caseIDs().first)
        let out = sandbox.directory.appendingPathComponent("summary.html")
        let result = try sandbox.run(["export", id, "--format", "html", "--for", "supervisor", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try TestFixtures.mode(out.path) == 0o600)
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("summary for the supervisor") && html.contains("@media print"))
        #expect(try sandbox.sqliteRows("SELECT caseId || ' ' || detail FROM audit WHERE action = 'export'") == ["\(id) html, supervisor, to a file"])
        let markdown = try sandbox.run(["export", id, "--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Case \(id) — summary for the counselor\n"))
        let json = try sandbox.run(["export", id, "--format", "json", "--for", "supervisor"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["audience"] as? String == "supervisor")
        #expect((object?["reporter"] as? [String: Any])?["contact"] == nil)
    }

    @Test("bad options and unknown cases fail with one sentence")
    func exportErrors() throws {
        let sandbox = try ConfidantSandbox.demo()
        defer { sandbox.cleanUp() }
        let format = try sandbox.run(["export", "C-2026-0001", "--format", "pdf"])
        #expect(format.status == 1)
        #expect(format.stderr == "confidant: The --format option 'pdf' is not one of markdown, json, html.\n")
        let audience = try sandbox.run(["export", "C-2026-0001", "--for", "manager"])
        #expect(audience.stderr == "confidant: The --for option 'manager' is not one of counselor, supervisor.\n")
        let missing = try sandbox.run(["export", "C-2026-0999"])
        #expect(missing.status == 1 && missing.stderr == "confidant: There is no case C-2026-0999 in this database.\n")
        let folder = try sandbox.run(["export", "C-2026-0001", "--out", sandbox.directory.path])
        #expect(folder.status == 1)
        #expect(folder.stderr == "confidant: \(sandbox.directory.path) is a folder; give a file name to write to.\n")
    }

    @Test("report: anonymised CSV with suppressed cells and neutralised formulas, no ids or pseudonyms")
    func reportCSV() throws {
        let sandbox = try ConfidantSandbox.demo()
        defer { sandbox.cleanUp() }
        let result = try sandbox.run(["report", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == "section,key,label,value")
        #expect(lines.contains("overview,total,Cases received,48"))
        #expect(lines.contains { $0.hasSuffix(",<5") })
        #expect(!result.stdout.contains("C-2026-") && !result.stdout.contains("C-2025-"))
        let demo = try String(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("demo-cases.json"), encoding: .utf8)
        let pseudonyms = try NSRegularExpression(pattern: "\"pseudonym\": \"([^\"]+)\"")
            .matches(in: demo, range: NSRange(demo.startIndex..., in: demo))
            .map { String(demo[Range($0.range(at: 1), in: demo)!]) }
        #expect(pseudonyms.count == 48 + 3) // 48 reporters and 3 affected persons
        for pseudonym in pseudonyms { #expect(!result.stdout.contains(pseudonym)) }
        let rows = try sandbox.sqliteRows("SELECT detail FROM audit WHERE action = 'report'")
        #expect(rows.count == 1 && rows[0].hasPrefix("csv, received start…"))

        let out = sandbox.directory.appendingPathComponent("stats.html")
        let html = try sandbox.run(["report", "--format", "html", "--from", "2026-09-01", "--to", "2026-10-31", "--out", out.path])
        #expect(html.status == 0)
        #expect(try TestFixtures.mode(out.path) == 0o600)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("from 1 September 2026 to 31 October 2026"))
        let bad = try sandbox.run(["report", "--from", "2026-02-30"])
        #expect(bad.status == 1 && bad.stderr == "confidant: The --from option '2026-02-30' is not a date like 2026-10-02.\n")
    }
}
