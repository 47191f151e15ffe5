import Foundation
import TestKit
import Testing

@Suite("confidant import")
struct ImportCLITests {
    static var example: URL { TestFixtures.dataDirectory.appendingPathComponent("import-example.csv") }

    @Test("a good file imports, the same file again adds nothing")
    func importTwice() throws {
        let sandbox = try ConfidantSandbox.demo()
        defer { sandbox.cleanUp() }
        let check = try sandbox.run(["import", Self.example.path, "--check"])
        #expect(check.stdout == "import-example.csv: 6 cases, all valid. Nothing was imported (--check).\n")
        #expect(try sandbox.caseIDs().count == 48)
        let first = try sandbox.run(["import", Self.example.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("6 imported, 0 already present.\nNew cases: C-2026-"))
        let second = try sandbox.run(["import", Self.example.path])
        #expect(second.status == 0)
        #expect(second.stdout == "0 imported, 6 already present.\n")
        #expect(try sandbox.caseIDs().count == 54)
    }

    @Test("an error on line 7 names the line and column and imports nothing")
    func errorOnLine7() throws {
        let sandbox = try ConfidantSandbox.demo()
        defer { sandbox.cleanUp() }
        let text = try String(contentsOf: Self.example, encoding: .utf8)
            .replacingOccurrences(of: "2026-10-01,2026-10-18", with: "2026-13-01,2026-10-18")
        let file = sandbox.directory.appendingPathComponent("import.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try sandbox.run(["import", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "confidant: import.csv line 7, column incident_first: '2026-13-01' is not a date like 2026-10-02. Nothing was imported.\n")
        #expect(try sandbox.caseIDs().count == 48)
    }

    @Test("JSON imports, and files that are not CSV, JSON or UTF-8 are refused clearly")
    func jsonAndBadFiles() throws {
        let sandbox = try ConfidantSandbox.demo()
        defer { sandbox.cleanUp() }
        let json = sandbox.directory.appendingPathComponent("cases.json")
        try Data(#"[{"externalRef":"EXT-1","channel":"referral","incidentFirst":"2026-11-01","reporter":{"name":"Ida Berg"},"relationship":"volunteer","reported":[],"categories":["bullying"],"narrative":"Shouted at during briefing"}]"#.utf8).write(to: json)
        #expect(try sandbox.run(["import", json.path]).stdout.hasPrefix("1 imported, 0 already present."))
        #expect(try sandbox.run(["import", json.path]).stdout == "0 imported, 1 already present.\n")
        let latin1 = sandbox.directory.appendingPathComponent("latin1.csv")
        try Data([0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: latin1)
        let notUTF8 = try sandbox.run(["import", latin1.path])
        #expect(notUTF8.status == 1)
        #expect(notUTF8.stderr == "confidant: The file \(latin1.path) is not UTF-8 text; save it as \"CSV UTF-8\" (or UTF-8 JSON) and try again.\n")
        let other = try sandbox.run(["import", "cases.xlsx"])
        #expect(other.status == 1)
        #expect(other.stderr == "confidant: The import file 'cases.xlsx' does not end in .csv or .json; say which with --format.\n")
    }
}
