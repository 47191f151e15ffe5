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
            .TH CONFIDANT 1 "" "Confidant \(version)" "\(prose(words["manual.header"]))"
            .SH \(prose(words["manual.section.name"]))
            confidant \\- \(escape(root.abstract ?? ""))
            .SH \(prose(words["manual.section.synopsis"]))
            .B confidant
            \(prose(words["manual.synopsis"]))
            .SH \(prose(words["manual.section.description"]))
            \(prose(words["manual.description.before"]))
            .B confidant
            \(prose(words["manual.description.after"]))
            .PP
            \(paragraphs(root.discussion ?? ""))
            .SH \(prose(words["manual.section.commands"]))

            """
        for command in root.subcommands ?? [] { section(command, path: "confidant", into: &page) }
        page += ".SH \(prose(words["manual.section.environment"]))\n"
        for (variable, key) in [("CONFIDANT_DB", "manual.environment.database"), ("CONFIDANT_PASSPHRASE", "manual.environment.passphrase"),
                                ("CONFIDANT_NEW_PASSPHRASE", "manual.environment.new-passphrase"),
                                ("CONFIDANT_DATA", "manual.environment.data"), ("XDG_CONFIG_HOME", "manual.environment.config-home")] {
            page += ".TP\n.B \(variable)\n\(prose(words[key]))\n"
        }
        page += ".SH \(prose(words["manual.section.files"]))\n"
        for (file, key) in [("~/.local/share/confidant/confidant.db", "manual.files.database"),
                            ("PREFIX/share/confidant/", "manual.files.configuration"), ("~/.config/confidant/policy.json", "manual.files.policy"),
                            ("~/.config/confidant/letters/KIND.LANG.md", "manual.files.letters")] {
            page += ".TP\n.I \(file)\n\(prose(words[key]))\n"
        }
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
        if let value = argument.defaultValue, !value.isEmpty { text += " " + prose(words["manual.default", values: ["value": escape(value)]]) }
        return text
    }

    /// Text as roff, blank lines as paragraph breaks.
    static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { escape($0) }.joined(separator: "\n.PP\n")
    }

    /// Prose of the catalogue as roff: characters outside ASCII escaped and lines kept from starting with a control
    /// character, as ``escape(_:)`` does, but hyphens left as hyphens (`non-zero`); `**--db**` is set in bold, its
    /// hyphens those of an option (`\fB\-\-db\fR`), and `*OPTIONS*` in italics.
    static func prose(_ text: String) -> String {
        var roff = ""
        var rest = text[...]
        while let open = rest.range(of: "*") {
            let bold = rest[open.upperBound...].hasPrefix("*")
            let marker = bold ? "**" : "*"
            let start = bold ? rest.index(after: open.upperBound) : open.upperBound
            guard let close = rest[start...].range(of: marker) else { break }
            roff += escape(String(rest[..<open.lowerBound]), hyphens: false)
            roff += (bold ? "\\fB" : "\\fI") + escape(String(rest[start..<close.lowerBound])) + "\\fR"
            rest = rest[close.upperBound...]
        }
        return roff + escape(String(rest), hyphens: false)
    }

    /// Text as roff: backslashes, hyphens and any character outside ASCII escaped (`\[u2192]` for →), and no line
    /// starting with a control character.
    static func escape(_ text: String, hyphens: Bool = true) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\e"
            case "-" where hyphens: escaped += "\\-"
            case _ where scalar.value > 0x7F: escaped += "\\[u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "]"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line)
        }.joined(separator: "\n")
    }
}

/// `confidant generate-manual [--lang fr]`: prints the manual page in the language (for `make install`; not listed in
/// the help).
struct ManualCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "generate-manual", abstract: words["help.manual.abstract"], shouldDisplay: false) }

    @OptionGroup var language: LanguageOptions

    func run() throws {
        try reportingErrors {
            // A language that cannot be had is refused, not written in English under its name.
            _ = try language.configuration()
            Console.write(try ManualPage.render(version: Confidant.version))
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
