import Foundation

/// A document to export, independent of its format: a title, notices and sections of fields, text, tables,
/// lists and timelines. The Markdown and HTML renderers draw the same outline, so both formats always carry
/// the same content. All strings are plain text; the renderers clean and escape them.
public struct ExportOutline: Equatable, Sendable {
    public struct Field: Equatable, Sendable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public struct Table: Equatable, Sendable {
        public var headers: [String]
        public var rows: [[String]]
        /// Columns drawn right-aligned (numbers).
        public var numericColumns: Set<Int>

        public init(headers: [String], rows: [[String]], numericColumns: Set<Int> = []) {
            self.headers = headers
            self.rows = rows
            self.numericColumns = numericColumns
        }
    }

    public struct TimelineEntry: Equatable, Sendable {
        public var at: String
        public var kind: String
        public var author: String
        public var text: String

        public init(at: String, kind: String, author: String, text: String) {
            self.at = at
            self.kind = kind
            self.author = author
            self.text = text
        }
    }

    public enum Block: Equatable, Sendable {
        /// Label–value pairs (single-line values).
        case fields([Field])
        /// Free text, possibly several lines and paragraphs.
        case text(String)
        case table(Table)
        /// Bullet points (single line each).
        case list([String])
        /// A remark from the program, shown in italics.
        case note(String)
        case timeline([TimelineEntry])
    }

    public struct Section: Equatable, Sendable {
        public var title: String
        public var blocks: [Block]

        public init(_ title: String, _ blocks: [Block]) {
            self.title = title
            self.blocks = blocks
        }
    }

    public var title: String
    /// Lines shown under the title: confidentiality, audience, date.
    public var notices: [String]
    public var sections: [Section]
    /// The document's language (HTML's `lang`) and direction.
    public var language: String
    public var rightToLeft: Bool
    /// What an empty text block shows, in the document's language.
    public var emptyText: String
    /// How a field's label is written before its value in Markdown (`{label}:`; French puts a space before the colon).
    public var fieldLabel: String

    public init(title: String, notices: [String], sections: [Section], catalogue: Catalogue = .english) {
        self.title = title
        self.notices = notices
        self.sections = sections
        language = catalogue.language
        rightToLeft = catalogue.isRightToLeft
        emptyText = catalogue["export.empty-text"]
        fieldLabel = catalogue["export.field-label"]
    }
}
