import Foundation
import TestKit
import Testing

/// One case through its whole life from the command line (issue 11): intake by a witness, acknowledgement letter,
/// assessment (Medium), retaliation added by an edit (→ High with the floor's reason), consent given (the supervisor
/// sees the name), escalation at the reporter's request, a disclosure under a duty, the reported person informed and
/// heard, closure with an outcome and measures, reopening a month later; the audit chain intact at the end.
@Suite("A case's whole life from the command line", .serialized)
struct CaseLifeStoryTests {
    static let witnessReport = """
        {"receivedAt":"2026-10-01T09:00:00Z","channel":"complaint","incidentFirst":"2026-09-10","incidentLast":"2026-09-28",
         "reporter":{"pseudonym":"Slate Heron","name":"Jonas Berg","contact":"j.berg@example.org"},
         "affected":{"pseudonym":"Jade Magpie","name":"Ana Souza","contact":"ana.souza@example.org"},
         "relationship":"staff","reported":[{"name":"Viktor Hale","role":"Country Director","power":"supervisor"}],
         "categories":["bullying"],"wishes":"informal",
         "narrative":"I saw the director shout at Ana Souza in two team meetings and tell her she would be moved to the warehouse.",
         "supportNeeds":"Ana would like to talk to someone before deciding anything."}
        """

    /// Runs a command at a fixed time and expects it to succeed.
    @discardableResult
    func ok(_ cli: ConfidantSandbox, _ args: [String], at time: String, stdin: String? = nil, passphrase: String? = nil) throws -> ProgramRun {
        var env = ["CONFIDANT_NOW": time]
        if let passphrase { env["CONFIDANT_PASSPHRASE"] = passphrase }
        let result = try cli.run(args, stdin: stdin, environment: env)
        #expect(result.status == 0, "\(args.joined(separator: " ")): \(result.stderr)")
        return result
    }

    func show(_ cli: ConfidantSandbox, at time: String, passphrase: String? = nil) throws -> [String: Any] {
        try cli.json(ok(cli, ["show", "C-2026-0001", "--json"], at: time, passphrase: passphrase)) as! [String: Any]
    }

    @Test("Witness report → letter → Medium → retaliation edit → consent → escalation → disclosure → due process → closed → reopened")
    func wholeLife() throws {
        let cli = ConfidantSandbox()
        try ok(cli, ["init"], at: "2026-10-01T08:00:00Z")
        #expect(try ok(cli, ["add", "--json", "-"], at: "2026-10-01T09:05:00Z", stdin: Self.witnessReport).stdout == "C-2026-0001\n")
        var doc = try show(cli, at: "2026-10-01T09:10:00Z")
        let affected = doc["affected"] as! [String: Any]
        #expect(affected["pseudonym"] as? String == "Jade Magpie")
        #expect(affected["name"] as? String == "Ana Souza")
        #expect((doc["reporter"] as! [String: Any])["name"] as? String == "Jonas Berg")

        try ok(cli, ["letter", "C-2026-0001", "acknowledgement", "--mark-sent"], at: "2026-10-02T10:00:00Z")
        try ok(cli, ["status", "C-2026-0001", "assessing"], at: "2026-10-02T10:05:00Z")
        try ok(cli, ["journal", "C-2026-0001", "--kind", "contact", "--text-file", "-"], at: "2026-10-03T11:00:00Z",
               stdin: "Met Ana with the witness's agreement; she wants an informal conversation first.")
        try ok(cli, ["assess", "C-2026-0001", "--frequency", "1", "--severity", "1", "--threat", "2", "--wellbeing", "2",
                     "--power", "3"], at: "2026-10-03T11:30:00Z")
        doc = try show(cli, at: "2026-10-03T11:31:00Z")
        #expect((doc["score"] as! [String: Any])["band"] as? String == "medium")

        // Two weeks later: shut out of meetings because she complained.
        let edit = try ok(cli, ["edit", "C-2026-0001", "--json", "-"], at: "2026-10-17T09:00:00Z",
                          stdin: #"{"categories": ["bullying", "victimisation"], "wishes": "formal"}"#)
        #expect(edit.stdout == "C-2026-0001 edited; now 44 High.\n")
        doc = try show(cli, at: "2026-10-17T09:01:00Z")
        let score = doc["score"] as! [String: Any]
        #expect(score["band"] as? String == "high")
        #expect(score["overrides"] as? [String] == ["retaliation after a complaint"])
        let journal = doc["journal"] as! [[String: Any]]
        #expect(journal.suffix(2).map { $0["kind"] as! String } == ["edit", "assessment"])
        #expect(journal.last?["text"] as? String
            == "Re-scored after an edit of categories, wishes: 44 Medium → 44 High; floor now applies: retaliation after a complaint")

        // Consent given; escalation at the reporter's request; a supervisor then sees the affected person's name (not the witness's).
        try ok(cli, ["edit", "C-2026-0001", "--json", "-"], at: "2026-10-17T09:10:00Z", stdin: #"{"consentShareIdentity": true}"#)
        try ok(cli, ["status", "C-2026-0001", "support"], at: "2026-10-17T09:15:00Z")
        try ok(cli, ["journal", "C-2026-0001", "--kind", "support", "Referred Ana to the staff counsellor"], at: "2026-10-17T09:20:00Z")
        let escalated = try ok(cli, ["escalate", "C-2026-0001", "--reason", "Ana asks for a formal review"], at: "2026-10-17T10:00:00Z")
        #expect(escalated.stdout == "C-2026-0001 escalated to Complaints team.\n")
        let added = try cli.run(["user", "add", "sam", "--role", "supervisor"],
                                environment: ["CONFIDANT_NOW": "2026-10-17T10:05:00Z", "CONFIDANT_NEW_PASSPHRASE": "supervisor passphrase"])
        #expect(added.status == 0, "\(added.stderr)")
        let seen = try show(cli, at: "2026-10-17T10:10:00Z", passphrase: "supervisor passphrase")
        #expect((seen["affected"] as! [String: Any])["name"] as? String == "Ana Souza")
        #expect((seen["affected"] as! [String: Any])["contact"] == nil)
        // The consent is Ana's: Jonas, the witness who reported, gave none, so his name stays withheld.
        #expect((seen["reporter"] as! [String: Any])["name"] == nil)
        #expect((seen["reporter"] as! [String: Any])["identityWithheld"] as? Bool == true)

        // A disclosure under a duty to act; the reporter is told the next day.
        try ok(cli, ["disclose", "C-2026-0001", "--to", "Security focal point", "--duty", "danger to life: threats of violence"],
               at: "2026-10-20T09:00:00Z")
        doc = try show(cli, at: "2026-10-20T09:01:00Z")
        let tell = (doc["deadlines"] as! [[String: Any]]).first { $0["kind"] as? String == "tell-reporter" }!
        #expect(tell["due"] as? String == "2026-10-22T09:00:00Z")
        #expect(tell["metAt"] == nil)
        #expect((doc["disclosures"] as! [[String: Any]]).count == 1)
        try ok(cli, ["journal", "C-2026-0001", "--kind", "reporter-told", "Told Jonas and Ana what was passed on and to whom"],
               at: "2026-10-21T09:00:00Z")

        // Due process for the reported person.
        try ok(cli, ["status", "C-2026-0001", "formal"], at: "2026-10-22T09:00:00Z")
        try ok(cli, ["journal", "C-2026-0001", "--kind", "respondent-informed", "--party", "1", "Informed in writing of the complaint"],
               at: "2026-10-23T09:00:00Z")
        try ok(cli, ["journal", "C-2026-0001", "--kind", "respondent-account", "--party", "1", "--text-file", "-"],
               at: "2026-10-28T09:00:00Z", stdin: "He says the reassignment was planned before the complaint.")
        try ok(cli, ["journal", "C-2026-0001", "--kind", "feedback", "Told Ana the panel's findings"], at: "2026-11-20T09:00:00Z")
        try ok(cli, ["status", "C-2026-0001", "closed", "--outcome", "substantiated", "--measure", "written-warning",
                     "--measure", "training"], at: "2026-11-25T09:00:00Z")
        // The outcome is communicated to the reported person once the case is closed.
        let late = try cli.run(["journal", "C-2026-0001", "--kind", "outcome-communicated", "--party", "1", "Outcome letter"],
                               environment: ["CONFIDANT_NOW": "2026-11-25T09:30:00Z"])
        #expect(late.status == 0, "\(late.stderr)")
        doc = try show(cli, at: "2026-11-25T10:00:00Z")
        #expect(doc["status"] as? String == "closed")
        #expect(doc["measures"] as? [String] == ["written-warning", "training"])
        let person = (doc["reported"] as! [[String: Any]])[0]
        #expect((person["dueProcess"] as! [[String: Any]]).map { $0["kind"] as! String } == ["respondent-informed", "respondent-account", "outcome-communicated"])

        // A month later she comes back.
        let reopened = try ok(cli, ["reopen", "C-2026-0001", "--reason", "The warning was not followed; it started again"],
                              at: "2026-12-28T09:00:00Z")
        #expect(reopened.stdout == "C-2026-0001 reopened; it is now assessing.\n")
        doc = try show(cli, at: "2026-12-28T09:01:00Z")
        #expect(doc["status"] as? String == "assessing")
        #expect(doc["outcome"] == nil)
        let followUp = (doc["deadlines"] as! [[String: Any]]).first { $0["kind"] as? String == "follow-up" }!
        #expect(followUp["due"] as? String == "2027-01-27T09:00:00Z")
        let verify = try ok(cli, ["audit", "verify"], at: "2026-12-28T09:05:00Z")
        #expect(verify.stdout.contains("intact"), "\(verify.stdout)")
    }

    @Test("The deferral recorded with one disclosure never meets another disclosure's 'tell the reporter' deadline")
    func deferralMeetsOnlyItsOwnDisclosure() throws {
        let cli = ConfidantSandbox()
        try ok(cli, ["init"], at: "2026-10-01T08:00:00Z")
        try ok(cli, ["add", "--json", "-"], at: "2026-10-01T09:05:00Z", stdin: Self.witnessReport)
        try ok(cli, ["disclose", "C-2026-0001", "--to", "Police", "--duty", "danger to life: threats of violence"],
               at: "2026-10-05T09:00:00Z")
        let deferred = try ok(cli, ["disclose", "C-2026-0001", "--to", "Child services", "--duty", "a child at risk",
                                    "--defer", "telling him now would alert the reported person"], at: "2026-10-05T10:00:00Z")
        #expect(deferred.stdout == "Disclosure recorded on C-2026-0001; telling the reporter is deferred.\n")
        func tellReporter(at time: String) throws -> [[String: String]] {
            let rows = try cli.json(ok(cli, ["due", "--json"], at: time)) as! [[String: Any]]
            return rows.filter { $0["kind"] as? String == "tell-reporter" }.map {
                ["id": $0["id"] as! String, "due": $0["due"] as! String, "overdue": "\($0["overdue"] as! Bool)"]
            }
        }
        #expect(try tellReporter(at: "2026-10-08T09:00:00Z") == [["id": "C-2026-0001", "due": "2026-10-07T09:00:00Z", "overdue": "true"]])
        try ok(cli, ["journal", "C-2026-0001", "--kind", "reporter-told", "Told Jonas that the police were informed, and why"],
               at: "2026-10-08T10:00:00Z")
        #expect(try tellReporter(at: "2026-10-08T10:01:00Z") == [])
    }

    /// Copies of the database file and its write-ahead log.
    func snapshot(_ cli: ConfidantSandbox) -> [Data?] {
        ["", "-wal"].map { FileManager.default.contents(atPath: cli.database + $0) }
    }

    @Test("Every refused action leaves the database byte for byte as it was, and says why in one sentence", arguments: [
        (["edit", "C-2026-0001", "--json", "-"], #"{"suportNeeds": "x"}"#, "confidant: 'suportNeeds' is not a field of a case edit; did you mean 'supportNeeds'?\n"),
        (["edit", "C-2026-0001", "--json", "-"], #"{"categories": ["rudeness"]}"#, "confidant: 'rudeness' is not a category in the taxonomy.\n"),
        (["edit", "C-2026-0001", "--json", "-"], #"{"incidentLast": "2026-01-01"}"#, "confidant: The last incident date is before the first incident date.\n"),
        (["escalate", "C-2026-0001", "--reason", "x"], nil, "confidant: The reporter's wishes are informal: escalate only at their request (wishes formal or escalate) or state a duty to act.\n"),
        (["reopen", "C-2026-0001", "--reason", "x"], nil, "confidant: Only a closed, withdrawn or screened-out case can be reopened; this one is assessing.\n"),
        (["status", "C-2026-0001", "support"], nil, nil),
        (["journal", "C-2026-0001", "--kind", "respondent-informed", "x"], nil, "confidant: A respondent-informed entry must name the reported person it concerns, 1 to 1.\n"),
        (["journal", "C-2026-0001", "--kind", "interim-measure", "--party", "3", "x"], nil, "confidant: There is no reported person 3; the case names 1 (1 to 1).\n"),
        (["disclose", "C-2026-0001", "--to", "Police"], nil, "confidant: A reason is required to disclose without consent (the duty to act) (give it with --duty-file FILE, or - for standard input).\n"),
        (["reopen", "C-2026-0099", "--reason", "x"], nil, "confidant: There is no case C-2026-0099 in this database.\n"),
    ] as [([String], String?, String?)])
    func refusalsChangeNothing(args: [String], stdin: String?, sentence: String?) throws {
        let cli = ConfidantSandbox()
        try ok(cli, ["init"], at: "2026-10-01T08:00:00Z")
        try ok(cli, ["add", "--json", "-"], at: "2026-10-01T09:05:00Z", stdin: Self.witnessReport)
        try ok(cli, ["status", "C-2026-0001", "acknowledged"], at: "2026-10-02T08:55:00Z")
        try ok(cli, ["status", "C-2026-0001", "assessing"], at: "2026-10-02T09:00:00Z")
        var closing = args
        if args == ["status", "C-2026-0001", "support"] {
            // Closing without an outcome, from support & advice.
            try ok(cli, ["status", "C-2026-0001", "support"], at: "2026-10-02T09:10:00Z")
            closing = ["status", "C-2026-0001", "closed"]
        }
        let before = snapshot(cli)
        let result = try cli.run(closing, stdin: stdin, environment: ["CONFIDANT_NOW": "2026-10-03T09:00:00Z"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == (sentence ?? "confidant: Closing a case needs an outcome: one of substantiated, unsubstantiated, resolved-informally, referred-to-law-enforcement, no-further-action, lost-contact.\n"))
        #expect(snapshot(cli) == before, "the database changed")
    }
}
