import Foundation
import TestKit
import Testing

/// `make install` into a prefix of one's own, as a person who is not a developer would use it (issue 16). The debug
/// build `make test` made is installed (BUILD=no: no swift build inside the running tests).
@Suite("Installation", .serialized, .enabled(if: Make.path != nil, "make is not installed"))
struct InstallTests {

    let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("confidant-prefix-\(UUID().uuidString)").path
    let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("confidant-elsewhere-\(UUID().uuidString)").path

    @discardableResult
    func make(_ target: String) throws -> ProgramRun {
        let run = try runProgram(Make.path!, ["-C", TestFixtures.packageRoot.path, target, "PREFIX=\(prefix)", "CONFIGURATION=debug", "BUILD=no"],
                                 environment: ["PATH": "/usr/bin:/bin", "HOME": elsewhere, "LANG": "fr_FR.UTF-8"])
        #expect(run.status == 0, "make \(target): \(run.stderr)")
        return run
    }

    /// The installed binary, run from another folder with nothing pointing at the source checkout.
    func installed(_ arguments: [String], _ extra: [String: String] = [:], stdin: String = "") throws -> ProgramRun {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": elsewhere, "CONFIDANT_DB": elsewhere + "/cases.db"]
        environment.merge(extra) { $1 }
        return try runProgram(prefix + "/bin/confidant", arguments, environment: environment, stdin: stdin, currentDirectory: elsewhere)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: prefix + "/" + path) }

    @Test("make install puts the binary, its data, a manual page and completions under PREFIX; it runs from anywhere")
    func installAndRun() throws {
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { for path in [prefix, elsewhere] { try? FileManager.default.removeItem(atPath: path) } }
        try make("install")

        #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/confidant"))
        for file in ["policy.json", "scoring.json", "taxonomy.json", "common-passwords.txt", "demo-cases.json", "demo-cases.fr.json",
                     "letters/acknowledgement.en.md", "letters/acknowledgement.fr.md", "lang/en.json", "lang/fr.json",
                     "lang/es.json", "lang/ar.json"] {
            #expect(exists("share/confidant/" + file), "share/confidant/\(file)")
        }

        // It finds its data beside itself, not in the source checkout.
        let version = try installed(["--version"])
        #expect(version.stdout == "1.0.1\n")
        let config = try installed(["config", "show"])
        #expect(config.status == 0, "\(config.stderr)")
        #expect(config.stdout.hasPrefix("installed: \(prefix)/share/confidant\n"))
        let created = try installed(["init", "--account", "amani", "--organisation", "Civil Connections"],
                                    ["CONFIDANT_PASSPHRASE": "correct horse battery"])
        #expect(created.status == 0, "\(created.stderr)")
        let added = try installed(["add", "--json", "-"], ["CONFIDANT_PASSPHRASE": "correct horse battery"], stdin: TestFixtures.sampleCaseJSON)
        #expect(added.stdout == "C-2026-0001\n", "\(added.stderr)")
        let listed = try installed(["list"], ["CONFIDANT_PASSPHRASE": "correct horse battery"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.hasPrefix("ID           BAND     SCORE  STATUS  NEXT DEADLINE"))
        #expect(listed.stdout.contains("C-2026-0001  unrated      –  new     2026-11-27 first-contact"))
        // The installed copy speaks the languages it ships (issue 17): LANG picks French.
        let french = try installed(["list"], ["CONFIDANT_PASSPHRASE": "correct horse battery", "LANG": "fr_FR.UTF-8"])
        let frenchRows = french.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(frenchRows.first == "ID NIVEAU SCORE STATUT PROCHAINE ÉCHÉANCE CATÉGORIES", "\(french.stdout)")

        // The manual page, written from the command tree, and the completions, which bash loads.
        let manual = try String(contentsOfFile: prefix + "/share/man/man1/confidant.1", encoding: .utf8)
        #expect(manual.hasPrefix(".TH CONFIDANT 1 \"\" \"Confidant 1.0.1\""))
        for section in ["confidant list", "confidant due", "confidant audit verify", "confidant config show"] {
            #expect(manual.contains(".SS \"\(section)\""), "\(section)")
        }
        #expect(manual.contains("\\fB\\-\\-limit\\fR \\fIlimit\\fR"))
        #expect(!manual.contains("generate\\-manual"))
        // And in French beside it; the English one stays English though make ran under LANG=fr_FR.UTF-8.
        let frenchManual = try String(contentsOfFile: prefix + "/share/man/fr/man1/confidant.1", encoding: .utf8)
        #expect(frenchManual.hasPrefix(".TH CONFIDANT 1 \"\" \"Confidant 1.0.1\" \"Commandes utilisateur\"\n.SH NOM\n"))
        let bash = try runProgram("/bin/bash", ["--norc", "--noprofile", "-c",
                                                "source \(prefix)/share/bash-completion/completions/confidant && complete -p confidant"],
                                  environment: ["PATH": "/usr/bin:/bin"])
        #expect(bash.status == 0, "\(bash.stderr)")
        #expect(bash.stdout == "complete -o filenames -F _confidant confidant\n")
        #expect(try String(contentsOfFile: prefix + "/share/zsh/site-functions/_confidant", encoding: .utf8).hasPrefix("#compdef confidant"))
        #expect(try String(contentsOfFile: prefix + "/share/fish/vendor_completions.d/confidant.fish", encoding: .utf8).contains("complete -c 'confidant' -n"))
    }

    @Test("make uninstall removes what install wrote and nothing else: a database kept in share/confidant stays")
    func uninstallKeepsData() throws {
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { for path in [prefix, elsewhere] { try? FileManager.default.removeItem(atPath: path) } }
        try make("install")
        // With PREFIX=~/.local, share/confidant is also where the database lives by default.
        try Data("not really a database".utf8).write(to: URL(fileURLWithPath: prefix + "/share/confidant/confidant.db"))
        try make("uninstall")
        for path in ["bin/confidant", "share/confidant/policy.json", "share/confidant/letters", "share/confidant/lang", "share/man/man1/confidant.1",
                     "share/man/fr/man1/confidant.1", "share/bash-completion/completions/confidant", "share/zsh/site-functions/_confidant",
                     "share/fish/vendor_completions.d/confidant.fish"] {
            #expect(!exists(path), "\(path)")
        }
        #expect(exists("share/confidant/confidant.db"))
    }
}

enum Make {
    static let path = ["/usr/bin/make", "/usr/local/bin/make", "/bin/make"].first { FileManager.default.isExecutableFile(atPath: $0) }
}
