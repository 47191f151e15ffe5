import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct AuditCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "audit", abstract: words["help.audit.abstract"],
        subcommands: [Verify.self, List.self, Acknowledge.self]) }

    struct Verify: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: words["help.audit.verify.abstract"]) }
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try reportingErrors {
                let desk = try database.openDesk()
                let tampered = try desk.tamperedCases()
                if !tampered.isEmpty {
                    Console.error(words["cli.audit-tampered", values: ["ids": tampered.map(\.description).joined(separator: ", ")]])
                }
                let forgedRoles = try desk.tamperedAccounts()
                if !forgedRoles.isEmpty {
                    Console.error(words["cli.audit-roles-tampered", values: ["names": forgedRoles.joined(separator: ", ")]])
                }
                switch try desk.verifyAudit() {
                case let .intact(entries):
                    Console.out(words["cli.audit-intact", values: ["entries": String(entries)]])
                case let .acknowledged(entries, breaks):
                    Console.out(words.count("cli.audit-breaks", breaks.count, ["entries": String(entries)]))
                    for item in breaks { Console.out("  " + words.words(item)) }
                case let .broken(id, problem):
                    Console.error(words["cli.audit-broken", values: ["id": String(id), "problem": words.words(problem)]])
                    throw ExitCode(2)
                }
                if !tampered.isEmpty || !forgedRoles.isEmpty { throw ExitCode(2) }
            }
        }
    }

    struct Acknowledge: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            abstract: words["help.audit.acknowledge.abstract"],
            discussion: words["help.audit.acknowledge.discussion"]) }
        @OptionGroup var database: DatabaseOptions
        @Option(help: .key("help.audit.acknowledge.reason")) var reason: String?
        @Option(name: .customLong("text-file"), help: .key("help.any.reason-file")) var textFile: String?

        func run() throws {
            try reportingErrors {
                let text = try freeText(reason, file: textFile, what: .key("action.acknowledge-audit-break"))
                let desk = try database.openDesk()
                try desk.acknowledgeAuditBreak(reason: text)
                Console.out(words["cli.audit-acknowledged"])
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: words["help.audit.list.abstract"]) }
        @OptionGroup var database: DatabaseOptions
        @Option(name: .customLong("case"), help: .key("help.audit.list.case-id")) var caseID: String?

        func run() throws {
            try reportingErrors {
                let id = try caseID.map(parseCaseID)
                let desk = try database.openDesk()
                var table = TextTable([.init(title: "ENTRY", alignment: .right), .init(title: "AT"), .init(title: "ACTOR"),
                                       .init(title: "ACTION"), .init(title: "CASE"), .init(title: "DETAIL")], showsTitles: false)
                let dates = DateText.Printer(calendar: .current)
                for entry in try desk.auditEntries(for: id) {
                    table.append([String(entry.id), dates.minute(entry.at), entry.actor, entry.action,
                                  entry.caseId ?? "-", AuditWording.words(entry.detail, in: words)])
                }
                Console.write(table.render(width: OutputTerminal.width))
            }
        }
    }
}
