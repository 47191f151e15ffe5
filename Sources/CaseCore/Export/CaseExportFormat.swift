import Foundation

/// The formats a case can be exported in. Every format renders the same ``CaseDocument``.
public enum CaseExportFormat: String, CaseIterable, Codable, Sendable {
    case markdown, json, html

    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .json: "json"
        case .html: "html"
        }
    }

    /// The document in this format. JSON is the document itself; Markdown and HTML draw ``CaseOutline``.
    /// Markdown and HTML are written in the catalogue's language; JSON keeps its keys and ISO dates, and only its
    /// labels (deadlines) are in the language the document was made in.
    public func render(_ doc: CaseDocument, taxonomy: Taxonomy, generatedAt: Date, catalogue: Catalogue = .english) -> String {
        switch self {
        case .json: doc.json() + "\n"
        case .markdown: MarkdownRenderer.render(CaseOutline.make(doc, taxonomy: taxonomy, generatedAt: generatedAt, catalogue: catalogue))
        case .html: HTMLRenderer.render(CaseOutline.make(doc, taxonomy: taxonomy, generatedAt: generatedAt, catalogue: catalogue))
        }
    }
}
