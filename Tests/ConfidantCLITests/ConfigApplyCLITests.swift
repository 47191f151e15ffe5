import Foundation
import TestKit
import Testing

/// One policy for the team (issue 15, point 4): `config apply DIR` installs a new version in the database, audited;
/// the queue is ranked under it at once, a case says when it was scored under an older one, and a refused apply
/// leaves the database byte for byte as it was.
@Suite("config apply: one policy for the team", .serialized)
struct ConfigApplyCLITests {
    static func intake(reported: String) -> String {
        """
        {"receivedAt":"2026-10-01T09:00:00Z","channel":"complaint","incidentFirst":"2026-09-10","incidentLast":"2026-09-28",
         "reporter":{"pseudonym":"Slate Heron","name":"Jonas Berg"},"relationship":"staff",
         "reported":[{"name":"\(reported)","role":"Director","power":"supervisor"}],"categories":["bullying"],
         "narrative":"He shouted at me in the team meeting."}
        """
    }

    @discardableResult
    func ok(_ cli: ConfidantSandbox, _ args: [String], at time: String = "2026-10-02T09:00:00Z", stdin: String? = nil) throws -> ProgramRun {
        let result = try cli.run(args, stdin: stdin, environment: ["CONFIDANT_NOW": time])
        #expect(result.status == 0, "\(args.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// A database of amani's with two assessed cases: C-2026-0001 rates severity 2 (12 points under the shipped
    /// weights), C-2026-0002 frequency 4 (16 points); and a folder whose scoring.json weighs severity 4 (23 and 11).
    func prepared() throws -> (cli: ConfidantSandbox, heavier: URL) {
        let cli = ConfidantSandbox()
        try ok(cli, ["init", "--account", "amani"], at: "2026-10-01T08:00:00Z")
        for (reported, ratings) in [("Viktor Hale", ["0", "2", "0", "0", "0"]), ("Nora Lind", ["4", "0", "0", "0", "0"])] {
            let id = try ok(cli, ["add", "--json", "-"], stdin: Self.intake(reported: reported)).stdout
                .trimmingCharacters(in: .newlines)
            try ok(cli, ["status", id, "acknowledged"])
            try ok(cli, ["status", id, "assessing"])
            try ok(cli, ["assess", id] + zip(["--frequency", "--severity", "--threat", "--wellbeing", "--power"], ratings).flatMap { [$0, $1] })
        }
        let heavier = cli.directory.appendingPathComponent("policy-v2")
        try FileManager.default.createDirectory(at: heavier, withIntermediateDirectories: true)
        let shipped = try String(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("scoring.json"), encoding: .utf8)
        let scoring = shipped.replacingOccurrences(of: #"{ "id": "severity", "weight": 1.5 }"#, with: #"{ "id": "severity", "weight": 4 }"#)
        try #require(scoring != shipped)
        try Data(scoring.utf8).write(to: heavier.appendingPathComponent("scoring.json"))
        return (cli, heavier)
    }

    func queue(_ cli: ConfidantSandbox) throws -> [String] {
        let rows = try cli.json(ok(cli, ["list", "--json"])) as? [[String: Any]] ?? []
        return rows.map { "\($0["id"] as! String) \($0["score"] as! Int)" }
    }

    @Test("A changed weight re-ranks the queue; the case says it was scored under version 1 while version 2 is in force; who and when are recorded")
    func applyReranks() throws {
        let (cli, heavier) = try prepared()
        #expect(try queue(cli) == ["C-2026-0002 16", "C-2026-0001 12"])

        let applied = try ok(cli, ["config", "apply", heavier.path], at: "2026-10-05T09:00:00Z")
        #expect(applied.stdout == "Team policy version 2 installed 2026-10-05T09:00:00Z by amani (changed: scoring.json); "
            + "every case was ranked again under it.\n")
        #expect(try queue(cli) == ["C-2026-0001 23", "C-2026-0002 11"])

        let shown = try ok(cli, ["show", "C-2026-0001"]).stdout
        #expect(shown.contains("\n  Score 23/100 → Low\n  Scored under team policy version 1; version 2 has been in force since "
            + "5 October 2026 (installed by amani), and the score above is version 2's. Assess the case again to score it "
            + "under the policy in force.\n"))

        let audit = try ok(cli, ["audit", "list"]).stdout.split(separator: "\n")
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(3).joined(separator: " ") }
        #expect(audit.filter { $0.contains("policy version") } == [
            "amani init - database created with counselor account (rows sealed, keys per case; team policy version 1)",
            "amani policy - policy version 2 installed; changed: scoring.json",
        ])
        let config = try ok(cli, ["config", "show", "--db", cli.database]).stdout.split(separator: "\n").map(String.init)
        #expect(config.first == "\(cli.database): team policy version 2, installed 2026-10-05T09:00:00Z by amani.")
        #expect(config.contains { $0.hasPrefix("scoring.json") && $0.hasSuffix("database v2") })

        try ok(cli, ["assess", "C-2026-0001", "--frequency", "0", "--severity", "2", "--threat", "0", "--wellbeing", "0", "--power", "0"])
        #expect(!(try ok(cli, ["show", "C-2026-0001"]).stdout.contains("Scored under team policy")))
    }

    /// Copies of the database file and its write-ahead log.
    func snapshot(_ cli: ConfidantSandbox) -> [Data?] {
        ["", "-wal"].map { FileManager.default.contents(atPath: cli.database + $0) }
    }

    @Test("A refused apply leaves the database byte for byte as it was and names the file, the key and the problem", arguments: [
        ("policy.json", #"{"acknowledgeWithinDay": 7}"#,
         "is not valid: 'acknowledgeWithinDay' is not a policy setting (did you mean 'acknowledgeWithinDays'?)."),
        ("policy.json", #"{"acknowledgeWithinDays": 7}"#, "could not be read: 'firstContact' is missing at the top level."),
        ("scoring.json", #"{"factors": []"#, "could not be read: it is not valid JSON."),
        ("taxonomy.json", #"{"categories": [], "discriminationGrounds": [], "conductTags": [], "screeningReasons": []}"#,
         "is not valid: it lists no categories."),
    ])
    func invalidFolder(file: String, text: String, problem: String) throws {
        let (cli, _) = try prepared()
        let folder = cli.directory.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent(file))
        let before = snapshot(cli)
        let refused = try cli.run(["config", "apply", folder.path])
        #expect(refused.status == 1)
        #expect(refused.stdout == "")
        #expect(refused.stderr == "confidant: The configuration file \(folder.appendingPathComponent(file).path) \(problem)\n")
        #expect(snapshot(cli) == before)
    }

    @Test("Only a counselor applies a policy, a policy already in force is not installed twice: refused, nothing changes")
    func refusals() throws {
        let (cli, heavier) = try prepared()
        let added = try cli.run(["user", "add", "sam", "--role", "supervisor"],
                                environment: ["CONFIDANT_NEW_PASSPHRASE": "sam's own passphrase"])
        #expect(added.status == 0, "\(added.stderr)")
        try ok(cli, ["config", "apply", heavier.path])
        let cases: [(environment: [String: String], folder: String, sentence: String)] = [
            (["CONFIDANT_PASSPHRASE": "sam's own passphrase"], heavier.path,
             "confidant: Not permitted: only a counselor can install a team policy: it decides how cases are ranked, timed and kept.\n"),
            ([:], heavier.path,
             "confidant: Not permitted: the folder holds the team policy already in force (version 2), so there is nothing to install.\n"),
            ([:], cli.directory.appendingPathComponent("missing").path,
             "confidant: The configuration file \(cli.directory.appendingPathComponent("missing").path) could not be read: there is no such folder.\n"),
        ]
        for refusal in cases {
            let before = snapshot(cli)
            let refused = try cli.run(["config", "apply", refusal.folder], environment: refusal.environment)
            #expect(refused.status == 1)
            #expect(refused.stderr == refusal.sentence)
            #expect(snapshot(cli) == before, "\(refusal.sentence)")
        }
    }
}
