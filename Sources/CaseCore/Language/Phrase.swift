import Foundation

/// A piece of a sentence that is put into words later, in the reader's language: a catalogue key with its values,
/// or text shown as it is (a name, an id, a path). Errors carry phrases, so the command line and the desk tell the
/// same error in the counselor's language; an error describes itself in English (``description``).
///
/// A string literal is text shown as it is: `StoreError.notPermitted("…")` still reads, in any language, as written.
public indirect enum Phrase: Hashable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// Shown as it is, in every language.
    case text(String)
    /// The catalogue's text for the key, its `{placeholders}` filled with the values (themselves put into words).
    case key(String, [String: Phrase] = [:])
    /// Items joined as the language joins a list ("a, b and c", or "a, b or c" with `list.or`).
    case list([Phrase], joiner: String = "list.and")
    /// A sentence used as part of another: without its closing full stop, its first letter lowered when that starts
    /// a sentence ("The narrative is empty." → "the narrative is empty").
    case clause(Phrase)

    public init(stringLiteral value: String) { self = .text(value) }

    public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }

    /// The label of a value that has one in the catalogue (a status, a deadline, a factor…).
    public static func label(_ value: some Labelled) -> Phrase { .key(value.labelKey) }

    /// The phrase in English.
    public var description: String { Catalogue.english.words(self) }
}

extension Catalogue {
    /// The phrase in this language.
    public func words(_ phrase: Phrase) -> String {
        switch phrase {
        case let .text(text): text
        case let .key(key, values): self[key, values: values.mapValues(words)]
        case let .list(items, joiner): list(items.map(words), joiner: joiner)
        case let .clause(sentence): Self.clause(words(sentence))
        }
    }
}

extension Catalogue {
    static func clause(_ sentence: String) -> String {
        var text = sentence
        while text.hasSuffix(".") { text.removeLast() }
        let start = Array(text.prefix(2))
        if start.count == 2, start[0].isUppercase, start[1].isLowercase || start[1] == " " {
            text = start[0].lowercased() + text.dropFirst()
        }
        return text
    }
}

/// An error that can be told in any language.
public protocol PhrasedError: Error, CustomStringConvertible {
    /// What went wrong, to be put into words in the reader's language.
    var phrase: Phrase { get }
}

extension PhrasedError {
    /// The error in English.
    public var description: String { Catalogue.english.words(phrase) }
}

extension Phrase {
    /// Matches a phrase by its English words, so `case "narrative":` in a switch over an error's field still reads
    /// the field whether the phrase is a catalogue key or text.
    public static func ~= (english: String, phrase: Phrase) -> Bool {
        Catalogue.english.words(phrase) == english
    }
}
