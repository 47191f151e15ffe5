import ArgumentParser
import CaseCore

extension ArgumentHelp {
    /// The help of an option, flag or argument from the catalogue (`help.COMMAND.NAME`), in the command's language.
    /// ArgumentParser reads it when it builds a command's help, after ``Confidant/main(clock:)`` chose the language.
    static func key(_ key: String, _ values: [String: String] = [:]) -> ArgumentHelp {
        ArgumentHelp(words[key, values: values])
    }
}

extension LanguageOptions {
    /// The value of `--lang` among the arguments (`--lang fr` or `--lang=fr`), read before ArgumentParser parses
    /// them: help and the parser's own errors are written before any option is read.
    static func option(in arguments: some Sequence<String>) -> String? {
        var found: String?
        var iterator = arguments.makeIterator()
        while let argument = iterator.next(), argument != "--" {
            if argument == "--lang" {
                found = iterator.next()
            } else if argument.hasPrefix("--lang=") {
                found = String(argument.dropFirst("--lang=".count))
            }
        }
        return found
    }
}
