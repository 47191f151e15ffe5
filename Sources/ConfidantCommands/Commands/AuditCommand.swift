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
                    Console.error("Changed outside Confidant (status, dates, hold, consent, score or journal no longer match their seal): "
                        + tampered.map(\.description).joined(separator: ", ") + ".")
                }
                let forgedRoles = try desk.tamperedAccounts()
                if !forgedRoles.isEmpty {
                    Console.error("Roles changed outside Confidant (each is refused at login): "
                        + forgedRoles.joined(separator: ", ") + ".")
                }
                switch try desk.verifyAudit() {
                case let .intact(entries):
                    Console.out("Audit log intact: \(entries) entries, every one chained to the one before.")
                case let .acknowledged(entries, breaks):
                    Console.out("Audit log chained: \(entries) entries, but with \(breaks.count) acknowledged break\(breaks.count == 1 ? "" : "s"):")
                    for item in breaks { Console.out("  " + item) }
                case let .broken(id, problem):
                    Console.error("The audit log is broken at entry \(id): \(problem).")
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
                let text = try freeText(reason, file: textFile, what: "acknowledge a break in the audit log")
                let desk = try database.openDesk()
                try desk.acknowledgeAuditBreak(reason: text)
                Console.out("The break is recorded in the audit log; work can go on, and 'audit verify' will keep reporting it.")
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
