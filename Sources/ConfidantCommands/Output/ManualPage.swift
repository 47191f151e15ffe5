import ArgumentParser
import Foundation

/// The manual page `confidant(1)`, written from the command tree itself (swift-argument-parser's description of every
/// command, option and flag), so it cannot fall behind the program. `make install` writes it with
/// `confidant generate-manual`.
enum ManualPage {
    /// The parts of swift-argument-parser's tool description (`--experimental-dump-help`) a manual page uses.
    struct Tool: Decodable { var command: Command }

    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var subcommands: [Command]?
        var arguments: [Argument]?
    }

    struct Argument: Decodable {
        struct Name: Decodable { var kind: String; var name: String }
        var kind: String
        var shouldDisplay: Bool
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var abstract: String?
    }

    static func render(version: String) throws -> String {
        let tool = try JSONDecoder().decode(Tool.self, from: Data(Confidant._dumpHelp().utf8))
        let root = tool.command
        var page = """
            .TH CONFIDANT 1 "" "Confidant \(version)" "User Commands"
            .SH NAME
            confidant \\- \(escape(root.abstract ?? ""))
            .SH SYNOPSIS
            .B confidant
            [\\fISUBCOMMAND\\fR] [\\fIOPTIONS\\fR]
            .SH DESCRIPTION
            With no subcommand,
            .B confidant
            opens the case desk (a terminal UI) on your database. Every action of the desk is also a subcommand, for \
            scripts; errors go to standard error as one sentence, with a non-zero exit status.
            .PP
            \(paragraphs(root.discussion ?? ""))
            .SH COMMANDS

            """
        for command in root.subcommands ?? [] { section(command, path: "confidant", into: &page) }
        page += """
            .SH ENVIRONMENT
            .TP
            .B CONFIDANT_DB
            The database file, when \\fB\\-\\-db\\fR is not given (default: $XDG_DATA_HOME/confidant/confidant.db).
            .TP
            .B CONFIDANT_PASSPHRASE
            The passphrase, for scripts; without it Confidant asks on the terminal with echo off.
            .TP
            .B CONFIDANT_NEW_PASSPHRASE
            A new account's passphrase, for scripts (\\fBuser add\\fR).
            .TP
            .B CONFIDANT_DATA
            The folder of the organisation's configuration, instead of the installed one.
            .TP
            .B XDG_CONFIG_HOME
            Where your own overrides are looked for (default: ~/.config).
            .SH FILES
            .TP
            .I ~/.local/share/confidant/confidant.db
            The encrypted database (mode 0600).
            .TP
            .I PREFIX/share/confidant/
            The organisation's configuration: policy.json (deadlines, retention, idle lock), scoring.json, taxonomy.json,
            letters/, common-passwords.txt.
            .TP
            .I ~/.config/confidant/policy.json
            Your own policy settings, laid over the installed ones key by key; \\fBconfidant config show\\fR prints what
            is in force and where each value came from.
            .TP
            .I ~/.config/confidant/letters/KIND.LANG.md
            Your own letter templates, in place of the installed ones of the same name.

            """
        return page
    }

    private static func section(_ command: Command, path: String, into page: inout String) {
        guard command.shouldDisplay ?? true else { return }
        let name = "\(path) \(command.commandName)"
        page += ".SS \"\(escape(name))\"\n"
        if let abstract = command.abstract, !abstract.isEmpty { page += escape(abstract) + "\n" }
        if let discussion = command.discussion, !discussion.isEmpty { page += ".PP\n" + paragraphs(discussion) + "\n" }
        for argument in command.arguments ?? [] where argument.shouldDisplay {
            let names = argument.names ?? []
            guard !names.contains(where: { $0.name == "help" || $0.name == "version" }) else { continue }
            page += ".TP\n" + usage(argument) + "\n" + escape(argument.abstract ?? "") + "\n"
        }
        for sub in command.subcommands ?? [] { section(sub, path: name, into: &page) }
    }

    private static func usage(_ argument: Argument) -> String {
        let value = "\\fI" + escape(argument.valueName ?? "value") + "\\fR"
        var text: String
        switch argument.kind {
        case "positional":
            text = value
        default:
            text = (argument.names ?? []).map { name in
                "\\fB" + (name.kind == "short" ? "\\-" : "\\-\\-") + escape(name.name) + "\\fR"
            }.joined(separator: ", ")
            if argument.kind == "option" { text += " " + value }
        }
        if argument.isRepeating { text += " ..." }
        if let value = argument.defaultValue, !value.isEmpty { text += " (default: \(escape(value)))" }
        return text
    }

    /// Text as roff, blank lines as paragraph breaks.
    static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map(escape).joined(separator: "\n.PP\n")
    }

    /// Text as roff: backslashes, hyphens and any character outside ASCII escaped (`\[u2192]` for →), and no line
    /// starting with a control character.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\e"
            case "-": escaped += "\\-"
            case _ where scalar.value > 0x7F: escaped += "\\[u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "]"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line)
        }.joined(separator: "\n")
    }
}

/// `confidant generate-manual`: prints the manual page (for `make install`; not listed in the help).
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual", abstract: "Print the manual page confidant(1), in roff.", shouldDisplay: false)

    func run() throws {
        print(try ManualPage.render(version: Confidant.version), terminator: "")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
