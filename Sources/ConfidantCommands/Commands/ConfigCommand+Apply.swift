import ArgumentParser
import CaseCore
import CaseStore
import Foundation

extension ConfigCommand {
    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install a new version of the team policy from a folder (counselors only).",
            discussion: """
                DIR holds policy.json, scoring.json and taxonomy.json, whole files in the installed Data folder's form; \
                a file DIR lacks stays as it is in the version in force. Every file is checked first: an error names the \
                file, the key and the problem, and nothing is installed. The new version is audited with who and when, \
                and every case is ranked again under it at once; `show` tells when a case's assessment was scored \
                under an older version. Only a counselor may apply a policy: it decides how cases are ranked, timed \
                and how long they are kept.
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "Folder holding the new policy.json, scoring.json and taxonomy.json (any of them).")
        var dir: String

        func run() throws {
            try reportingErrors {
                let config = try database.configuration()
                let folder = URL(fileURLWithPath: dir)
                let desk = try database.openDesk(with: config)
                let current = try desk.policyInForce()
                let policy = try ConfidantConfiguration.teamPolicy(in: folder, replacing: current?.policy ?? config.teamPolicy)
                let installed = try desk.applyPolicy(policy)
                let changed = current.map { policy.changedFiles(from: $0.policy) } ?? TeamPolicy.files
                Console.out(words["cli.config.applied", values: [
                    "version": String(installed.version), "by": installed.installedBy,
                    "time": DateText.timestamp(installed.installedAt), "files": changed.joined(separator: ", ")]])
            }
        }
    }
}
