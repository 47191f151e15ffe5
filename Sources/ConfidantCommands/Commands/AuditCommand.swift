import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check or read the hash-chained audit log.",
        subcommands: [Verify.self, List.self, Acknowledge.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verify the whole chain; names the first broken entry.")
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
        static let configuration = CommandConfiguration(
            abstract: "Record that you found a break in the audit log, with the reason, so work can go on.",
            discussion: "The acknowledgement is chained as a new entry naming the break; 'audit verify' keeps reporting it.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "What you found and did about it.") var reason: String?
        @Option(name: .customLong("text-file"), help: "Read the reason from a file, or - for standard input.") var textFile: String?

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
        static let configuration = CommandConfiguration(abstract: "Show audit entries, all or for one case.")
        @OptionGroup var database: DatabaseOptions
        @Option(name: .customLong("case"), help: "Only entries about this case.") var caseID: String?

        func run() throws {
            try reportingErrors {
                let id = try caseID.map(parseCaseID)
                let desk = try database.openDesk()
                var table = TextTable([.init(title: "ENTRY", alignment: .right), .init(title: "AT"), .init(title: "ACTOR"),
                                       .init(title: "ACTION"), .init(title: "CASE"), .init(title: "DETAIL")], showsTitles: false)
                let dates = DateText.Printer(calendar: .current)
                for entry in try desk.auditEntries(for: id) {
                    table.append([String(entry.id), dates.minute(entry.at), entry.actor, entry.action,
                                  entry.caseId ?? "-", entry.detail])
                }
                Console.write(table.render(width: OutputTerminal.width))
            }
        }
    }
}
