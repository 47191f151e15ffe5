import ArgumentParser
import CaseCore
import Foundation

extension Confidant {
    /// Ends the program on `error` as ArgumentParser does (help on standard output, an error on standard error, its
    /// exit code), with ArgumentParser's own words (help headings, its errors) in the command's language. English is
    /// ArgumentParser's output as it is; so is what programs read (completion scripts, the JSON of the help).
    static func exitTelling(_ error: Error) -> Never {
        let arguments = CommandLine.arguments.dropFirst()
        let forPrograms = arguments.contains { $0.hasPrefix("--generate-completion-script") || $0.hasPrefix("---completion")
            || $0 == "--experimental-dump-help" }
        guard words.language != "en", !forPrograms else { exit(withError: error) }
        let width = OutputTerminal.width ?? 80
        let text = ParserWords(catalogue: words, width: width).translate(fullMessage(for: error, columns: width))
        let code = exitCode(for: error)
        if !text.isEmpty {
            let output = code.isSuccess ? FileHandle.standardOutput : FileHandle.standardError
            output.write(Data((text + "\n").utf8))
        }
        Foundation.exit(code.rawValue)
    }
}

/// ArgumentParser's own words in a catalogue's language. ArgumentParser writes them in English only; each of its
/// lines (`Error: {message}`, `OPTIONS:`) and error sentences (`Unknown option '{name}'`) is a `parser.` key whose
/// English is ArgumentParser's text: a line that reads as one is written with the language's text, the values
/// (an option's name, the value given) kept. A line none matches stays as ArgumentParser wrote it.
struct ParserWords {
    var catalogue: Catalogue
    /// The width the help was wrapped to.
    var width: Int

    /// The lines of ArgumentParser's help and error messages.
    static let lineKeys = ["parser.error", "parser.error-help", "parser.usage", "parser.see-more", "parser.see-detailed",
                           "parser.overview", "parser.usage-heading", "parser.arguments", "parser.options", "parser.subcommands",
                           "parser.show-help", "parser.show-version", "parser.default-subcommand", "parser.default-value"]

    /// ArgumentParser's error sentences, the `{message}` of `parser.error`.
    static let messageKeys = ["parser.missing-argument", "parser.missing-one-of", "parser.unknown-option-suggestion",
                              "parser.unknown-option", "parser.missing-value", "parser.invalid-value", "parser.invalid-value-plain",
                              "parser.unexpected-argument", "parser.unexpected-arguments", "parser.value-not-taken",
                              "parser.missing-subcommand", "parser.invalid-option", "parser.already-set"]

    func translate(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }.joined(separator: "\n")
    }

    func line(_ line: String) -> String {
        guard let (key, found) = Catalogue.reading(line, among: Self.lineKeys) else { return line }
        var values = found
        if let message = values["message"], let (messageKey, messageValues) = Catalogue.reading(message, among: Self.messageKeys) {
            values["message"] = catalogue[messageKey, values: messageValues]
        }
        // The placeholder of a subcommand in a usage or a command to type (`confidant help <subcommand>`).
        for name in ["usage", "command"] {
            values[name] = values[name]?.replacingOccurrences(of: Catalogue.english["parser.subcommand-placeholder"],
                                                              with: catalogue["parser.subcommand-placeholder"])
        }
        let translated = catalogue[key, values: values]
        // Only the note of a default value ends an option's help, which ArgumentParser wraps; a usage it leaves long.
        return key == "parser.default-value" && line.count <= width ? wrapped(translated) : translated
    }

    /// A help line made longer than the width by its translation, cut at its last space that fits and carried on
    /// under the help column, as ArgumentParser wraps.
    func wrapped(_ line: String) -> String {
        guard line.count > width, let cut = line.prefix(width).lastIndex(of: " "),
              line[..<cut].contains(where: { $0 != " " }) else { return line }
        let rest = line[line.index(after: cut)...]
        return String(line[..<cut]) + "\n" + wrapped(String(repeating: " ", count: Self.helpColumn) + rest)
    }

    /// Where ArgumentParser starts the help of an option: after a label column of 26.
    static let helpColumn = 26
}
