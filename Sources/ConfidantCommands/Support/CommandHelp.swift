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
    /// The value of `--lang` among the arguments (`--lang fr` or `--lang=fr`; the last one given, none after `--`),
    /// read before ArgumentParser parses them: help and the parser's own errors are written while it parses. Also the
    /// arguments without it.
    static func extract(from arguments: [String]) -> (option: String?, others: [String]) {
        var option: String?
        var others: [String] = []
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--" {
                others.append(argument)
                while let rest = iterator.next() { others.append(rest) }
            } else if argument == "--lang" {
                option = iterator.next()
            } else if argument.hasPrefix("--lang=") {
                option = String(argument.dropFirst("--lang=".count))
            } else {
                others.append(argument)
            }
        }
        return (option, others)
    }
}
