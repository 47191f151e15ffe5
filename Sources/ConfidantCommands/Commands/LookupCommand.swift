import ArgumentParser
import CaseCore
import Foundation

struct LookupCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "lookup", abstract: words["help.lookup.abstract"],
        discussion: words["help.lookup.discussion"]) }

    @OptionGroup var database: DatabaseOptions
    /// Caught only to be refused without repeating it: a code typed here would stay in the shell's history.
    @Argument(help: .hidden) var typedCode: String?

    func validate() throws {
        if typedCode != nil {
            throw ValidationError(words["cli.lookup-code-in-argv"])
        }
    }

    func run() throws {
        try reportingErrors {
            // The code never travels in argv (other local users read /proc/*/cmdline, and shells keep history):
            // it is asked on the terminal with echo off, or read from standard input.
            let code: String
            if isatty(STDIN_FILENO) == 0 {
                code = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            } else {
                guard let typed = Passphrase.readFromTerminal(prompt: "Follow-up code: ") else { throw Passphrase.Unavailable() }
                code = typed
            }
            guard let parsed = FollowUpCode(code) else {
                throw CaseError.invalidField(field: .key("field.follow-up-code"), problem: .key("problem.code-digits"))
            }
            let desk = try database.openDesk()
            guard let id = try desk.findCase(followUpCode: parsed) else {
                throw CaseError.invalidField(field: .key("field.follow-up-code"), problem: .key("problem.code-no-match"))
            }
            Console.out(id.description)
        }
    }
}
