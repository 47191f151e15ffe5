import ArgumentParser
import CaseCore
import CaseStore
import Foundation

extension ConfigCommand {
    struct Apply: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: words["help.config.apply.abstract"], discussion: words["help.config.apply.discussion"])
        }

        @OptionGroup var database: DatabaseOptions

        @Argument(help: .key("help.config.apply.dir"))
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
