import Foundation
import TestKit
import Testing

/// A person's own settings in $XDG_CONFIG_HOME/confidant, over the installed Data folder (issue 16).
@Suite("Configuration of one's own", .serialized)
struct ConfigCLITests {
    /// A database with the sample case (received 2026-11-20 09:00 UTC), and a configuration folder of its own.
    func prepared() throws -> (cli: ConfidantSandbox, folder: URL) {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani", "--organisation", "Civil Connections"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        let folder = cli.directory.appendingPathComponent("config/confidant")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("letters"), withIntermediateDirectories: true)
        return (cli, folder)
    }

    func environment(_ folder: URL) -> [String: String] {
        ["XDG_CONFIG_HOME": folder.deletingLastPathComponent().path]
    }

    func acknowledgeDue(_ cli: ConfidantSandbox, _ environment: [String: String]) throws -> String? {
        let show = try cli.json(cli.run(["show", "C-2026-0001", "--json"], environment: environment)) as? [String: Any]
        let deadlines = show?["deadlines"] as? [[String: Any]] ?? []
        return deadlines.first { $0["kind"] as? String == "acknowledge" }?["due"] as? String
    }

    @Test("policy.json of one's own is taken into a database at init; afterwards the database's policy is in force, and config show says which value came from where")
    func policyOverride() throws {
        let cli = ConfidantSandbox()
        let folder = cli.directory.appendingPathComponent("config/confidant")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"acknowledgeWithinDays": 7, "firstContact": {"criticalHours": 12}}"#.utf8)
            .write(to: folder.appendingPathComponent("policy.json"))
        #expect(try cli.run(["init", "--account", "amani", "--organisation", "Civil Connections"], environment: environment(folder)).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        #expect(try acknowledgeDue(cli, environment(folder)) == "2026-11-27T09:00:00Z")
        #expect(try acknowledgeDue(cli, [:]) == "2026-11-27T09:00:00Z", "the database's policy, whoever opens it")
        try Data(#"{"acknowledgeWithinDays": 3}"#.utf8).write(to: folder.appendingPathComponent("policy.json"))
        #expect(try acknowledgeDue(cli, environment(folder)) == "2026-11-27T09:00:00Z", "a file changed later is not the database's")

        let shown = try cli.run(["config", "show"], environment: environment(folder))
        #expect(shown.status == 0, "\(shown.stderr)")
        let lines = shown.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("yours: \(folder.path)"))
        #expect(lines.contains("installed: \(TestFixtures.packageRoot.appendingPathComponent("Data").path)"))
        #expect(lines.contains("policy: acknowledgeWithinDays yours 3"))
        #expect(lines.contains("policy: firstContact.criticalHours installed 24"))
        #expect(lines.contains("policy: firstContact.highHours installed 72"))
        #expect(lines.contains("policy: actOnReviewWithinDays default 2"))
        #expect(lines.contains("letter: acknowledgement.en.md installed"))
    }

    @Test("A bad file of one's own is named with the key and the problem, and nothing runs")
    func badFile() throws {
        let (cli, folder) = try prepared()
        let file = folder.appendingPathComponent("policy.json")
        try Data(#"{"acknowledgeWithinDays": "a week"}"#.utf8).write(to: file)
        for arguments in [["config", "show"], ["list"]] {
            let result = try cli.run(arguments, environment: environment(folder))
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(result.stderr == "confidant: The configuration file \(file.path) is not valid: "
                + "'acknowledgeWithinDays' must be a whole number greater than 0, not \"a week\".\n")
        }
    }

    @Test("A letter template of one's own replaces the installed one of the same name")
    func letterOverride() throws {
        let (cli, folder) = try prepared()
        let installed = try cli.run(["letter", "C-2026-0001"], environment: environment(folder))
        #expect(installed.stdout.hasPrefix("# Confirmation of receipt of your report"))
        let template = try String(contentsOf: TestFixtures.packageRoot.appendingPathComponent("Data/letters/acknowledgement.en.md"), encoding: .utf8)
        try Data(template.replacingOccurrences(of: "# Confirmation of receipt of your report", with: "# We received your report").utf8)
            .write(to: folder.appendingPathComponent("letters/acknowledgement.en.md"))
        let mine = try cli.run(["letter", "C-2026-0001"], environment: environment(folder))
        #expect(mine.status == 0, "\(mine.stderr)")
        #expect(mine.stdout.hasPrefix("# We received your report"))
        #expect(mine.stdout.contains("Civil Connections"))
        let shown = try cli.run(["config", "show"], environment: environment(folder)).stdout
        #expect(shown.split(separator: "\n").contains { $0.hasPrefix("letter: acknowledgement.en.md") && $0.hasSuffix("yours") })
    }
}
